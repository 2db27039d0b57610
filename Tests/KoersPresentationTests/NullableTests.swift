import Foundation
import KoersPresentation
import Testing

/// `@Nullable` writes `null` for `nil` and reads a missing key as `nil`, as the published
/// formats need.
@Suite struct NullableTests {
    struct Entry: Codable, Equatable {
        var id: String
        @Nullable var value: String?
        var omitted: String?
    }

    private func json(_ entry: Entry) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(entry), as: UTF8.self)
    }

    @Test func nilIsWrittenAsNullWhileAPlainOptionalIsLeftOut() throws {
        #expect(try json(Entry(id: "a", value: nil, omitted: nil)) == #"{"id":"a","value":null}"#)
        #expect(try json(Entry(id: "a", value: "60000", omitted: "x")) == #"{"id":"a","omitted":"x","value":"60000"}"#)
    }

    @Test func aMissingKeyAndNullBothReadAsNil() throws {
        let decoder = JSONDecoder()
        let missing = try decoder.decode(Entry.self, from: Data(#"{"id":"a"}"#.utf8))
        #expect(missing.value == nil)
        let null = try decoder.decode(Entry.self, from: Data(#"{"id":"a","value":null}"#.utf8))
        #expect(null.value == nil)
        let given = try decoder.decode(Entry.self, from: Data(#"{"id":"a","value":"1"}"#.utf8))
        #expect(given == Entry(id: "a", value: "1", omitted: nil))
        #expect(throws: DecodingError.self) {
            try decoder.decode(Entry.self, from: Data(#"{"id":"a","value":1}"#.utf8))
        }
    }
}
