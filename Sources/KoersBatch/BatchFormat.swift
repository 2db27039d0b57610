/// The formats a batch input can have.
public enum BatchFormat: String, Sendable, Hashable, CaseIterable {
    /// JSON Lines: one JSON object per line (`.jsonl`, `.ndjson`).
    case jsonLines = "jsonl"
    /// Comma-separated values with a header row (`.csv`).
    case csv

    /// The format a file name suggests: `.jsonl`, `.ndjson` or `.json` for JSON Lines, `.csv`
    /// for CSV, `nil` for anything else.
    ///
    /// - Parameter path: The file's path or name.
    public init?(fileName path: String) {
        let lowercased = path.lowercased()
        if [".jsonl", ".ndjson", ".json"].contains(where: lowercased.hasSuffix) {
            self = .jsonLines
        } else if lowercased.hasSuffix(".csv") {
            self = .csv
        } else {
            return nil
        }
    }

    /// Opens an input for reading row by row.
    ///
    /// The format is the one given, else the one the file name suggests, else JSON Lines when
    /// the first character is `{` and CSV otherwise.
    ///
    /// - Parameters:
    ///   - path: The file's path, or `-` for standard input.
    ///   - format: The format, when known.
    ///   - chunkSize: Bytes per read.
    /// - Returns: The reader; a CSV reader has read its header already.
    /// - Throws: ``BatchError`` when the file cannot be opened or its CSV header is unusable.
    public static func open(
        _ path: String,
        as format: BatchFormat? = nil,
        chunkSize: Int = 64 * 1024
    ) throws(BatchError) -> any BatchRecordSource {
        let stream = try ByteStream(path: path, chunkSize: chunkSize)
        let chosen: BatchFormat
        if let format {
            chosen = format
        } else if let named = BatchFormat(fileName: path) {
            chosen = named
        } else {
            chosen = try stream.peek() == UInt8(ascii: "{") ? .jsonLines : .csv
        }
        switch chosen {
        case .jsonLines: return JSONLinesReader(stream: stream)
        case .csv: return try CSVReader(stream: stream)
        }
    }
}
