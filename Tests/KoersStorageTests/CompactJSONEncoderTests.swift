import Foundation
import KoersExpression
import KoersInterview
import KoersSession
import Testing

@testable import KoersStorage

/// The store writes session documents with its own streaming encoder: the JSON must read the
/// same as what Foundation's `JSONEncoder` writes, for every kind of value a document holds.
@Suite struct CompactJSONEncoderTests {
    /// The JSON Foundation writes and the JSON the compact encoder writes, both parsed.
    private static func both<T: Encodable>(_ value: T) throws -> (foundation: NSObject, compact: NSObject, text: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let expected = try JSONSerialization.jsonObject(with: encoder.encode(value), options: [.fragmentsAllowed])
        let text = try CompactJSONEncoder().encode(value)
        let actual = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        return (try #require(expected as? NSObject), try #require(actual as? NSObject), text)
    }

    @Test func aSessionDocumentReadsTheSameAsFoundationsAndBack() throws {
        var document = try Sample.document(answers: 5)
        document.record(.skipped, for: "user_capacity", by: "anna", at: Sample.time, note: "tab\there\nen \u{1} ctrl \\ /")
        let (foundation, compact, text) = try Self.both(document)
        #expect(foundation == compact)
        #expect(!text.contains("\n"))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(SessionFile.self, from: Data(text.utf8)) == document)
        #expect(try SessionStore.decode(Data(text.utf8), path: "test") == document)
    }

    private struct Mixed: Encodable {
        var text = "\"quoted\" \\ back/slash \u{7} bell, é and 😀"
        var flag = false
        var count = -42
        var ratio = 2.5
        var whole = 3.0
        var amount = Decimal(string: "12500.10") ?? 0
        var when = Date(timeIntervalSince1970: 1_714_555_800)
        var missing: String? = nil
        var present: Int? = 7
        var nested: [[String: [Int]]] = [["a": [1, 2]], [:], ["b": []]]
        var empty = Empty()
        var bytes = Data([0, 1, 2, 250])

        struct Empty: Encodable {
            func encode(to encoder: any Encoder) throws {}
        }
    }

    @Test func everyKindOfValueReadsTheSameAsFoundations() throws {
        let (foundation, compact, _) = try Self.both(Mixed())
        #expect(foundation == compact)
        #expect(try Self.both([1, 2, 3]).compact == Self.both([1, 2, 3]).foundation)
        #expect(try Self.both("top level").compact == Self.both("top level").foundation)
    }

    @Test func aNumberJSONCannotHoldIsRefused() {
        #expect(throws: EncodingError.self) { try CompactJSONEncoder().encode([Double.infinity]) }
        #expect(throws: EncodingError.self) { try CompactJSONEncoder().encode(["x": Double.nan]) }
    }
}
