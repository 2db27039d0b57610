import KoersBatch
import Testing

/// The CSV reader: RFC 4180 quoting, line numbers, blank lines and chunk boundaries.
@Suite struct CSVReaderTests {
    private func read(_ text: String, chunkSize: Int) throws -> (columns: [String]?, records: [RawRecord]) {
        var reader = try CSVReader(stream: BatchTestSupport.stream(text, chunkSize: chunkSize))
        return (reader.columns, try BatchTestSupport.records(&reader))
    }

    @Test(arguments: BatchTestSupport.chunkSizes)
    func quotedCommasNewlinesAndDoubledQuotes(chunkSize: Int) throws {
        let text = "_id,text,choice\r\n"
            + "a,\"one, two\",\"x;y\"\r\n"
            + "b,\"line 1\nline 2\",\"\"\r\n"
            + "c,\"say \"\"hi\"\"\",plain\r\n"
            + "\n"
            + "d,,"
        let (columns, records) = try read(text, chunkSize: chunkSize)
        #expect(columns == ["_id", "text", "choice"])
        #expect(records.map(\.row) == [1, 2, 3, 4])
        #expect(records.map(\.line) == [2, 3, 5, 7])
        #expect(records.map(\.content) == [
            .fields(["a", "one, two", "x;y"]),
            .fields(["b", "line 1\nline 2", ""]),
            .fields(["c", "say \"hi\"", "plain"]),
            .fields(["d", "", ""]),
        ])
    }

    @Test(arguments: BatchTestSupport.chunkSizes)
    func quotedLineBreakKeepsItsCarriageReturn(chunkSize: Int) throws {
        let (_, records) = try read("a,b\r\n\"x\r\ny\",z\r\n", chunkSize: chunkSize)
        #expect(records.map(\.content) == [.fields(["x\r\ny", "z"])])
        #expect(records.first?.line == 2)
    }

    @Test func byteOrderMarkAndSpacesInTheHeaderAreDropped() throws {
        let (columns, _) = try read("\u{FEFF}scheme , pm_costs\nset,1\n", chunkSize: 4)
        #expect(columns == ["scheme", "pm_costs"])
    }

    @Test func blankLinesBeforeTheHeaderAreSkipped() throws {
        var reader = try CSVReader(stream: BatchTestSupport.stream("\n\nscheme\nset\n"))
        #expect(reader.headerLine == 3)
        let records = try BatchTestSupport.records(&reader)
        #expect(records.map(\.line) == [4])
    }

    @Test(arguments: BatchTestSupport.chunkSizes)
    func textAfterAClosingQuoteIsABadRowAndReadingGoesOn(chunkSize: Int) throws {
        let (_, records) = try read("a,b\n\"x\"y,1\nok,2\n", chunkSize: chunkSize)
        #expect(records.count == 2)
        guard case .malformed(let message) = records.first?.content else {
            Issue.record("expected a malformed row, got \(String(describing: records.first))")
            return
        }
        #expect(message.contains("after the closing quote"))
        #expect(records.last?.content == .fields(["ok", "2"]))
        #expect(records.last?.line == 3)
    }

    @Test func strayQuoteInAnUnquotedFieldIsKeptAsText() throws {
        let (_, records) = try read("a\n5\" screen\n", chunkSize: 3)
        #expect(records.map(\.content) == [.fields(["5\" screen"])])
    }

    @Test(arguments: BatchTestSupport.chunkSizes)
    func unclosedQuoteAtTheEndIsABadRowWithItsLine(chunkSize: Int) throws {
        let (_, records) = try read("a,b\nok,1\n\"never closed,2\nmore\n", chunkSize: chunkSize)
        #expect(records.map(\.line) == [2, 3, 4])
        #expect(records[1].content == .malformed("a quoted field opened on line 3 is never closed"))
        #expect(records[2].content == .fields(["more"]))
    }

    @Test(arguments: BatchTestSupport.chunkSizes)
    func unbalancedQuoteDoesNotSwallowTheRowsAfterIt(chunkSize: Int) throws {
        // The quote opened on line 3 is "closed" by the quote on line 5: the broken record spans
        // lines 3–5, but only line 3 is lost.
        let text = "a,b\nok,1\nbad,\"open\nx,2\ny,\"z\"\nw,4\n"
        let (_, records) = try read(text, chunkSize: chunkSize)
        #expect(records.map(\.line) == [2, 3, 4, 5, 6])
        #expect(records.map(\.row) == [1, 2, 3, 4, 5])
        guard case .malformed = records[1].content else {
            Issue.record("expected line 3 to be malformed, got \(records[1].content)")
            return
        }
        #expect(records[2].content == .fields(["x", "2"]))
        #expect(records[3].content == .fields(["y", "z"]))
        #expect(records[4].content == .fields(["w", "4"]))
    }

    @Test func unbalancedQuoteInTwentyThousandRowsLosesOneRow() throws {
        var text = "id,value\n"
        for row in 1...20_000 {
            text += row == 7 ? "\(row),\"unbalanced\n" : "\(row),\(row % 3 == 0 ? "\"q\"" : "v")\n"
        }
        let (_, records) = try read(text, chunkSize: 64 * 1024)
        #expect(records.count == 20_000)
        let malformed = records.filter { if case .malformed = $0.content { true } else { false } }
        #expect(malformed.map(\.line) == [8])
    }

    @Test func quoteUnclosedPastTheLimitLosesOnlyItsFirstLine() throws {
        let rows = (1...50).map { "r\($0)" }.joined(separator: "\n")
        var reader = try CSVReader(
            stream: BatchTestSupport.stream("a\n\"open\n\(rows)\n", chunkSize: 7),
            maximumRecordLength: 40
        )
        let records = try BatchTestSupport.records(&reader)
        #expect(records.count == 51)
        #expect(records.first?.content == .malformed("a quoted field opened on line 2 is not closed within 40 bytes"))
        #expect(records.last?.content == .fields(["r50"]))
        #expect(records.last?.line == 52)
    }

    @Test func overlongRecordIsSkippedWithoutBufferingAndReadingResumesAtTheNextLine() throws {
        let long = String(repeating: "x", count: 500)
        var reader = try CSVReader(
            stream: BatchTestSupport.stream("a\nshort\n\"\(long)\nnext\n", chunkSize: 16),
            maximumRecordLength: 100
        )
        let records = try BatchTestSupport.records(&reader)
        #expect(records.map(\.line) == [2, 3, 4])
        guard case .malformed(let message) = records[1].content else {
            Issue.record("expected a malformed row")
            return
        }
        #expect(message.contains("longer than 100 bytes"))
        #expect(records[2].content == .fields(["next"]))
    }

    @Test func lastRecordWithoutALineBreakIsRead() throws {
        let (_, records) = try read("a,b\n1,2", chunkSize: 1)
        #expect(records.map(\.content) == [.fields(["1", "2"])])
    }

    @Test func trailingCommaMeansAnEmptyLastField() throws {
        let (_, records) = try read("a,b\n1,\n", chunkSize: 2)
        #expect(records.map(\.content) == [.fields(["1", ""])])
    }

    @Test func invalidUTF8IsABadRow() throws {
        let bytes = Array("a\n".utf8) + [0xC3, 0x28] + Array("\nok\n".utf8)
        var reader = try CSVReader(stream: ByteStream(bytes: bytes, chunkSize: 3))
        let records = try BatchTestSupport.records(&reader)
        #expect(records.count == 2)
        #expect(records.first?.content == .malformed("field 1 is not valid UTF-8 text"))
        #expect(records.last?.content == .fields(["ok"]))
    }

    @Test func emptyFileHasNoHeader() throws {
        #expect(throws: BatchError.self) { try CSVReader(stream: BatchTestSupport.stream("\n  \n")) }
    }
}
