import KoersBatch
import Testing

/// Cutting JSON Lines into rows: line numbers, blank lines, line ends and chunk boundaries.
@Suite struct JSONLinesReaderTests {
    @Test(arguments: BatchTestSupport.chunkSizes)
    func linesAreRowsAndBlankLinesAreSkipped(chunkSize: Int) throws {
        var reader = JSONLinesReader(
            stream: BatchTestSupport.stream("\u{FEFF}{\"a\":1}\r\n\n   \n{\"b\":2}\n{\"c\":3}", chunkSize: chunkSize)
        )
        let records = try BatchTestSupport.records(&reader)
        #expect(records.map(\.row) == [1, 2, 3])
        #expect(records.map(\.line) == [1, 4, 5])
        #expect(records.map(\.content) == [
            .json(Array("{\"a\":1}".utf8)), .json(Array("{\"b\":2}".utf8)), .json(Array("{\"c\":3}".utf8)),
        ])
    }

    @Test(arguments: [1, 7, 64])
    func overlongLineIsABadRowAndTheNextLineIsRead(chunkSize: Int) throws {
        let long = "{\"a\":\"" + String(repeating: "x", count: 300) + "\"}"
        var reader = JSONLinesReader(
            stream: BatchTestSupport.stream("{\"a\":1}\n\(long)\n{\"b\":2}\n\(long)", chunkSize: chunkSize),
            maximumLineLength: 100
        )
        let records = try BatchTestSupport.records(&reader)
        #expect(records.map(\.line) == [1, 2, 3, 4])
        #expect(records[1].content == .malformed("the line is longer than 100 bytes"))
        #expect(records[2].content == .json(Array("{\"b\":2}".utf8)))
        #expect(records[3].content == .malformed("the line is longer than 100 bytes"))
    }

    @Test func emptyInputHasNoRows() throws {
        var reader = JSONLinesReader(stream: BatchTestSupport.stream(""))
        #expect(try reader.next() == nil)
    }
}
