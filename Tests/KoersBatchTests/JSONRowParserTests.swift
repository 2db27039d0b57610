import KoersBatch
import Testing

/// Parsing one JSON Lines row.
@Suite struct JSONRowParserTests {
    private func parse(_ text: String) throws(JSONRowError) -> [(key: String, value: JSONField)] {
        try JSONRowParser.parse(Array(text.utf8))
    }

    @Test func everyKindOfAnswer() throws {
        let fields = try parse(
            #" { "s": "€ 125.000", "n": -12.50e1, "t": true, "f": false, "z": null, "l": ["a", 2, true], "e": [] } "#
        )
        #expect(fields.map(\.key) == ["s", "n", "t", "f", "z", "l", "e"])
        #expect(fields.map(\.value) == [
            .scalar(.string("€ 125.000")), .scalar(.number("-12.50e1")), .scalar(.boolean(true)),
            .scalar(.boolean(false)), .scalar(.null), .array([.string("a"), .number("2"), .boolean(true)]), .array([]),
        ])
    }

    @Test func escapes() throws {
        let fields = try parse(#"{"k": "a\"b\\c\/d\n\u00e9\ud83d\ude00"}"#)
        #expect(fields.first?.value == .scalar(.string("a\"b\\c/d\né😀")))
    }

    @Test(arguments: [
        ("", "the line is empty"),
        ("[1]", "a row must be a JSON object"),
        (#"{"a": 1,}"#, "expected a key in double quotes"),
        (#"{"a" 1}"#, "expected ':' after the key 'a'"),
        (#"{"a": 1} x"#, "unexpected text after the object"),
        (#"{"a": 1, "a": 2}"#, "the key 'a' appears twice"),
        (#"{"a": {"b": 1}}"#, "the answer to 'a' is an object"),
        (#"{"a": [[1]]}"#, "may hold only strings, numbers and booleans"),
        (#"{"a": "open}"#, "a string is not closed"),
        (#"{"a": 01}"#, "expected ',' or '}'"),
        (#"{"a": 1.}"#, "a number needs digits after '.'"),
        (#"{"a": tru}"#, "expected a value"),
        (#"{"a": "\ud83d"}"#, "half a surrogate pair"),
        (#"{"a": "\x"}"#, "unknown escape"),
    ])
    func invalidLinesSayWhatIsWrong(line: String, expected: String) {
        do {
            _ = try parse(line)
            Issue.record("'\(line)' was accepted")
        } catch {
            #expect(error.message.contains(expected), "\(error)")
        }
    }

    @Test func errorsGiveTheColumn() {
        #expect(throws: JSONRowError(column: 9, message: "expected ',' or '}' after the value of 'a'")) {
            try parse(#"{"a": 1 "b": 2}"#)
        }
    }
}
