import Foundation
import KoersExpression
import Testing

@testable import KoersServer

/// The answer body read in one pass gives what the general way (``JSONShape`` and
/// `JSONDecoder`, as ``APIIO`` reads every body) gives; anything else is left to the general
/// way, which words the problems.
@Suite struct FlatJSONObjectTests {
    /// An answer body the general way, as ``APIIO/decode(_:from:context:)`` reads it.
    static func general(_ text: String) throws -> AnswerBody {
        let data = Data(text.utf8)
        let shape = try JSONShape(data)
        let decoder = JSONDecoder()
        if let key = JSONValue.numberLiteralsKey { decoder.userInfo[key] = shape.numbers }
        return try decoder.decode(AnswerBody.self, from: data)
    }

    /// An answer body read in one pass, or `nil` when it is left to the general way.
    static func flat(_ text: String) -> AnswerBody? {
        FlatJSONObject(Array(text.utf8)).flatMap(AnswerBody.read)
    }

    static func same(_ first: AnswerBody, _ second: AnswerBody) -> Bool {
        first.value == second.value && first.dontKnow == second.dontKnow && first.skip == second.skip
            && first.note == second.note
    }

    @Test(arguments: [
        #"{"value":"niveau_3"}"#,
        #" { "value" : "niveau_3" , "note" : "Nog \"navragen\" bij Anna\n€ 5/6 \u00e9\u20AC" } "#,
        #"{"value": 125000.10}"#, #"{"value": -0}"#, #"{"value": 0.5e2}"#, #"{"value": 1E-3}"#,
        #"{"value": 1e300}"#, #"{"value": 1e-200}"#, #"{"value": 123456789012345678901234567890}"#,
        #"{"value": true}"#, #"{"value": false, "note": ""}"#,
        #"{"value": ["a", "b\/c", "d\te"]}"#, #"{"value": []}"#, #"{"value": [ ] }"#,
        #"{"dontKnow": true}"#, #"{"skip": true, "note": "later"}"#, #"{"skip": false}"#,
        #"{"value": 10, "dontKnow": true, "skip": true}"#, "{}", "{ }",
        #"{"note": "Ünïcode 😀"}"#, "{\"value\":\"tab\u{7F}\"}", #"{"val\u0075e": "x"}"#,
    ])
    func readInOnePassAsTheGeneralWayReads(body: String) throws {
        let flat = try #require(Self.flat(body), "read in one pass: \(body)")
        let general = try Self.general(body)
        #expect(Self.same(flat, general), "\(body): \(flat) vs \(general)")
    }

    @Test(arguments: [
        "", " ", "[]", #""value""#, "{", #"{"value": "x"} x"#, #"{"value": "x",}"#, #"{"value" "x"}"#,
        #"{"value": null}"#, #"{"value": {"a": 1}}"#, #"{"value": [1, 2]}"#, #"{"value": ["a", null]}"#,
        #"{"value": [["a"]]}"#, #"{"value": 01}"#, #"{"value": 1.}"#, #"{"value": .5}"#, #"{"value": +1}"#,
        #"{"value": tru}"#, #"{"value": "a", "value": "b"}"#, #"{"values": "x"}"#, #"{"dontKnow": "yes"}"#,
        #"{"skip": 1}"#, #"{"note": 5}"#, #"{"note": ["x"]}"#, #"{"note": "\ud83d\ude00"}"#,
        #"{"value": "\ud83d"}"#, #"{"value": "\udc00x"}"#, #"{"value": "\x"}"#, #"{"value": "\u12"}"#,
        "{\"value\": \"line\nbreak\"}", "\u{FEFF}{\"value\": \"x\"}",
    ])
    func leftToTheGeneralWay(body: String) {
        #expect(Self.flat(body) == nil, "\(body)")
    }

    @Test func invalidUTF8IsLeftToTheGeneralWay() {
        var bytes = Array(#"{"value": "ab"}"#.utf8)
        bytes.insert(0xC3, at: 12)
        #expect(FlatJSONObject(bytes) == nil)
        bytes[12] = 0xFF
        #expect(FlatJSONObject(bytes) == nil)
    }

    @Test func fieldsKeepTheirOrderAndValues() throws {
        let object = try #require(FlatJSONObject(Array(#"{"b": 2, "a": "x", "c": ["y"]}"#.utf8)))
        #expect(object.fields.map(\.name) == ["b", "a", "c"])
        #expect(object["a"] == .string("x"))
        #expect(object["c"] == .array([.string("y")]))
        #expect(object["d"] == nil)
        guard case .number(let number)? = object["b"] else {
            Issue.record("not a number: \(String(describing: object["b"]))")
            return
        }
        #expect(number.description == "2")
    }
}
