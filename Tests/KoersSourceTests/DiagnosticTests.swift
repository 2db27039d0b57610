import KoersSource
import Testing

@Suite struct DiagnosticTests {
    @Test func rendersLocationSeverityMessageSnippetAndNotes() {
        let file = SourceFile(path: "Rules/demo/rules.yaml", text: "outcomes:\n  - id: x\n    whn: \"a > 1\"\n")
        let diagnostic = Diagnostic.error(
            "unknown key 'whn' in requirement 'x'",
            at: file.location(line: 3, column: 5),
            notes: [.note("did you mean 'when'?", at: file.location(line: 3, column: 5))]
        )
        let rendered = DiagnosticRenderer(sources: [file]).render(diagnostic)
        #expect(
            rendered == """
                Rules/demo/rules.yaml:3:5: error: unknown key 'whn' in requirement 'x'
                        whn: "a > 1"
                        ^
                Rules/demo/rules.yaml:3:5: note: did you mean 'when'?
                """
        )
    }

    @Test func caretCountsUnicodeScalarsNotBytes() {
        let file = SourceFile(path: "é.yaml", text: "titel: café ü\n")
        let rendered = DiagnosticRenderer(sources: [file]).render(
            .warning("odd", at: file.location(line: 1, column: 13))
        )
        #expect(rendered == "é.yaml:1:13: warning: odd\n    titel: café ü\n                ^")
    }

    @Test func withoutLocationOrSourceThereIsNoSnippet() {
        #expect(DiagnosticRenderer().render(.error("no packs found", at: nil)) == "error: no packs found")
        let elsewhere = Diagnostic.error("x", at: SourceLocation(file: "missing.yaml", line: 2, column: 1))
        #expect(DiagnosticRenderer().render(elsewhere) == "missing.yaml:2:1: error: x")
    }

    @Test func longLinesAreShownAroundTheColumn() {
        let line = String(repeating: "a", count: 300) + "X" + String(repeating: "b", count: 300)
        let file = SourceFile(path: "long.yaml", text: line)
        let rendered = DiagnosticRenderer(sources: [file]).render(.error("here", at: file.location(line: 1, column: 301)))
        let lines = rendered.split(separator: "\n")
        #expect(lines.count == 3)
        let snippet = Array(lines[1])
        let caret = Array(lines[2])
        #expect(snippet[caret.count - 1] == "X")
        #expect(lines[1].count < 140)
    }

    @Test func sortsByFileLineColumnThenSeverity() {
        let a1 = Diagnostic.warning("w", at: SourceLocation(file: "a.yaml", line: 1, column: 5))
        let a2 = Diagnostic.error("e", at: SourceLocation(file: "a.yaml", line: 1, column: 5))
        let a3 = Diagnostic.error("e", at: SourceLocation(file: "a.yaml", line: 2, column: 1))
        let b = Diagnostic.error("e", at: SourceLocation(file: "b.yaml", line: 1, column: 1))
        let none = Diagnostic.error("general", at: nil)
        #expect([b, a3, a1, none, a2].sorted() == [none, a2, a1, a3, b])
        #expect(DiagnosticsError([b, a1]).diagnostics == [a1, b])
    }

    @Test func sourceFileSplitsLinesAndDropsCarriageReturns() {
        let file = SourceFile(path: "x", text: "a\r\nb\n\nc")
        #expect(file.lines == ["a", "b", "", "c"])
        #expect(file.line(0) == nil)
        #expect(file.line(5) == nil)
    }
}

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("whn", ["when", "then", "id"], "when"),
        ("own_contrib", ["own_contribution", "total_costs"], "own_contribution"),
        ("x", ["when", "id"], nil),
        ("titel", ["title", "text"], "title"),
        ("valid_untill", ["valid_from", "valid_until"], "valid_until"),
    ] as [(String, [String], String?)])
    func suggestsTheClosestCandidate(name: String, candidates: [String], expected: String?) {
        #expect(closestMatch(to: name, among: candidates) == expected)
    }

    @Test func editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(editDistance("", "abc") == 3)
        #expect(editDistance("café", "cafe") == 1)
        #expect(editDistance("titel", "title") == 1)
        #expect(editDistance("ab", "ba") == 1)
    }
}
