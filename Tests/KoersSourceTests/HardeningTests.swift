import KoersSource
import Testing

/// Suggestions, line breaks and echoed input hold up against what a stranger can write.
@Suite struct HardeningTests {
    @Test(.timeLimit(.minutes(1)))
    func megabyteUnknownNameGetsNoSuggestionWithoutComparing() {
        let huge = String(repeating: "k", count: 1_000_000)
        let candidates = (0..<1_000).map { "question_\($0)" } + [String(repeating: "k", count: 999_999)]
        #expect(closestMatch(to: huge, among: candidates) == nil)
    }

    @Test func candidatesTooDifferentInLengthAreSkippedButCloseOnesFound() {
        #expect(closestMatch(to: "whn", among: ["when", String(repeating: "w", count: 10_000)]) == "when")
        #expect(closestMatch(to: "pm_cost", among: ["pm_costs", "pm"]) == "pm_costs")
        #expect(closestMatch(to: "titel", among: ["title"]) == "title")
    }

    @Test(arguments: ["\u{2028}", "\u{2029}", "\u{0085}", "\r"])
    func unicodeLineBreaksCountAsLibYAMLCountsThem(lineBreak: String) {
        let file = SourceFile(path: "p.yaml", text: "a: 1 # x\(lineBreak)y\nb: 2\nc: 3\n")
        #expect(file.line(3) == "b: 2")
        #expect(file.line(4) == "c: 3")
        let rendered = DiagnosticRenderer(sources: [file]).render(.error("bad", at: file.location(line: 4, column: 1)))
        #expect(rendered == "p.yaml:4:1: error: bad\n    c: 3\n    ^")
    }

    @Test func crlfIsOneLineBreak() {
        let file = SourceFile(path: "p.yaml", text: "a\r\nb\r\n")
        #expect(file.line(2) == "b")
    }

    @Test func terminalEscapesInMessagesAreShownNotSent() {
        let diagnostic = Diagnostic.error("unknown key 'x\u{1B}[2J\u{1B}]0;pwned\u{07}'", at: nil)
        #expect(!diagnostic.description.contains("\u{1B}"))
        #expect(diagnostic.description.contains("\\u{1B}[2J"))
        #expect(!diagnostic.description.contains("\u{07}"))
    }

    @Test func terminalEscapesInSnippetsKeepTheCaretColumn() {
        let file = SourceFile(path: "p.yaml", text: "a: \u{1B}[31mred\u{9B}x\u{202E}\n")
        let rendered = DiagnosticRenderer(sources: [file]).render(.error("bad", at: file.location(line: 1, column: 9)))
        #expect(!rendered.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\u{202E}" })
        #expect(rendered.hasSuffix("\n    a: \u{FFFD}[31mred\u{FFFD}x\u{FFFD}\n            ^"))
    }
}
