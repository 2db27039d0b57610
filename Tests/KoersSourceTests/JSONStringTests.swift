import Foundation
import KoersSource
import Testing

@Suite("JSONString: the one JSON string escaper")
struct JSONStringTests {
    private func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        JSONString.appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("plain text and non-ASCII text are copied as they are, in quotes")
    func plain() {
        #expect(quoted("set_klein") == #""set_klein""#)
        #expect(quoted("€ 30.000 — één") == #""€ 30.000 — één""#)
        #expect(quoted("a/b") == #""a/b""#)
        #expect(quoted("") == #""""#)
    }

    @Test("quotes, backslashes and control characters get the escapes JSONEncoder gives them")
    func escapes() throws {
        let text = "\"q\" \\ \n\r\t\u{08}\u{0C}\u{01}\u{1F} end"
        #expect(quoted(text) == #""\"q\" \\ \n\r\t\b\f\u0001\u001f end""#)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        #expect(quoted(text) == String(decoding: try encoder.encode(text), as: UTF8.self))
    }

    @Test("every string of up to three scalars from a mix of the hard ones reads back as itself")
    func roundTrip() throws {
        let pool: [Unicode.Scalar] = ["a", "\"", "\\", "\n", "\u{00}", "\u{1B}", "\u{7F}", "é", "€", "😀", "/", " "]
        var texts: [String] = [""]
        var longest: [String] = [""]
        for _ in 0..<3 {
            longest = longest.flatMap { text in pool.map { text + String($0) } }
            texts += longest
        }
        #expect(Set(texts).count == 1 + 12 + 144 + 1728)
        for text in texts {
            var bytes: [UInt8] = []
            JSONString.appendQuoted(text, to: &bytes)
            #expect(try JSONDecoder().decode(String.self, from: Data(bytes)) == text)
        }
    }
}
