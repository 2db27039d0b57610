import FuzzSupport
import KoersBatch

/// The batch row readers: the same bytes as CSV (with small chunks and a small record limit,
/// so chunk boundaries and the resync after a broken record are exercised) and as JSON Lines
/// with each row parsed. Every row must come back as fields, JSON or a malformed row, and
/// reading must end.
func fuzzBatchRows(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = inputBytes(data, count)
    let chunk = 1 + Int(bytes.first ?? 0) % 64
    if var csv = try? CSVReader(stream: ByteStream(bytes: bytes, chunkSize: chunk), maximumRecordLength: 256) {
        var rows = 0
        while let record = try? csv.next() {
            rows += 1
            // Each record holds at least one byte of input, so there are never more rows than bytes.
            if rows > bytes.count + 1 { fatalError("CSV reader does not advance (\(record.line))") }
        }
    }
    var lines = JSONLinesReader(stream: ByteStream(bytes: bytes, chunkSize: chunk), maximumLineLength: 512)
    var rows = 0
    while let record = try? lines.next() {
        rows += 1
        if rows > bytes.count + 1 { fatalError("JSON Lines reader does not advance") }
        if case .json(let line) = record.content { _ = try? JSONRowParser.parse(line) }
    }
    return 0
}

@main
enum Main {
    static func main() {
        runFuzzer(fuzzBatchRows)
    }
}
