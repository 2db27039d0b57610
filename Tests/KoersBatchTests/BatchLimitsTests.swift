import KoersBatch
import Testing

/// Limits on what a batch row may hold.
@Suite struct BatchLimitsTests {
    @Test func megabyteKeyIsRefusedWithItsColumnNotComparedToEveryQuestion() {
        let key = String(repeating: "k", count: 1_000_000)
        let line = Array("{\"a\": 1, \"\(key)\": 2}".utf8)
        #expect(throws: JSONRowError(column: 10, message: "a key is longer than 256 bytes; keys are question ids")) {
            try JSONRowParser.parse(line)
        }
    }

    @Test func keyAtTheLimitIsAccepted() throws {
        let key = String(repeating: "k", count: JSONRowParser.maximumKeyLength)
        let fields = try JSONRowParser.parse(Array("{\"\(key)\": 2}".utf8))
        #expect(fields.map(\.key) == [key])
    }

    @Test func lineOverTheLimitIsAMalformedRowAndTheNextIsRead() throws {
        let long = "{\"a\": \"" + String(repeating: "x", count: 300) + "\"}"
        var reader = JSONLinesReader(stream: ByteStream(bytes: Array("\(long)\n{\"a\": 1}\n".utf8), chunkSize: 7),
                                     maximumLineLength: 100)
        let first = try reader.next()
        #expect(first?.content == .malformed("the line is longer than 100 bytes"))
        let second = try reader.next()
        #expect(second?.content == .json(Array("{\"a\": 1}".utf8)))
        #expect(second?.line == 2)
    }
}
