import KoersSource
import Testing

/// `SourceFile` splits lines where libyaml does, so every diagnostic points at the right line.
@Suite struct SourceFileLinesTests {
    /// The split as `Character`s see it, which the scalar-based split must equal.
    private func reference(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: SourceFile.isLineBreak)
    }

    @Test func everyLibyamlLineBreakEndsALine() {
        let text = "a\nb\r\nc\rd\u{0085}e\u{2028}f\u{2029}g"
        let file = SourceFile(path: "x.yaml", text: text)
        #expect((1...7).compactMap { file.line($0) } == ["a", "b", "c", "d", "e", "f", "g"])
        #expect(file.line(8) == nil)
        #expect(SourceFile(path: "x", text: "").line(1) == "")
        #expect(SourceFile(path: "x", text: "end\n").line(2) == "")
    }

    @Test func randomTextsSplitAsCharactersDo() {
        let pieces = ["a", "é", "e\u{301}", "\n", "\r", "\r\n", "\n\u{301}", "\u{0085}", "\u{2028}", "\u{2029}", "🇳🇱", " ", "\r\r\n"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator))
                .map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let file = SourceFile(path: "x", text: text)
            let expected = reference(text)
            let actual = (0..<expected.count + 1).compactMap { file.line($0 + 1) }
            #expect(actual == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
