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

    @Test("every string of scalars reads back as itself", arguments: 0..<200)
    func roundTrip(seed: Int) throws {
        var generator = SplitMix(seed: UInt64(seed))
        let pool: [Unicode.Scalar] = ["a", "\"", "\\", "\n", "\u{00}", "\u{1B}", "\u{7F}", "é", "€", "😀", "/", " "]
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int(generator.next() % 24) { scalars.append(pool[Int(generator.next() % UInt64(pool.count))]) }
        let text = String(scalars)
        var bytes: [UInt8] = []
        JSONString.appendQuoted(text, to: &bytes)
        #expect(try JSONDecoder().decode(String.self, from: Data(bytes)) == text)
    }
}

/// A small deterministic generator, so a failing case can be repeated.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
