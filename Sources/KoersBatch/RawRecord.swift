/// One row of the input as it was read, before it is checked against the pack.
///
/// Readers only cut the input into rows, which is cheap and must happen in order; decoding,
/// checking and evaluating a row happen later, on any core.
public struct RawRecord: Sendable, Hashable {
    /// What was read for the row.
    public enum Content: Sendable, Hashable {
        /// One line of JSON Lines, as bytes (without its line break).
        case json([UInt8])
        /// The fields of one CSV record, unquoted.
        case fields([String])
        /// A row that could not even be cut out properly (a quote never closed, a line far too
        /// long, text that is not UTF-8); the message says why.
        case malformed(String)
    }

    /// The row's position among the data rows, from 1 (a CSV header and blank lines do not count).
    public var row: Int
    /// The line of the input the row starts on, from 1.
    public var line: Int
    /// What was read.
    public var content: Content

    /// Creates a record.
    ///
    /// - Parameters:
    ///   - row: The row's position among the data rows, from 1.
    ///   - line: The line it starts on, from 1.
    ///   - content: What was read.
    public init(row: Int, line: Int, content: Content) {
        self.row = row
        self.line = line
        self.content = content
    }
}

/// Something that yields the rows of an input one at a time, in order, holding only a bounded
/// buffer: ``JSONLinesReader`` and ``CSVReader``.
public protocol BatchRecordSource {
    /// The column names of a CSV header, or `nil` for input whose rows name their own fields.
    var columns: [String]? { get }
    /// The line the header was on, when there is one.
    var headerLine: Int { get }
    /// The stream the rows are read from, for how far reading is.
    var stream: ByteStream { get }

    /// The next row, or `nil` at the end of the input.
    ///
    /// - Throws: ``BatchError/cannotRead(path:reason:)`` when reading fails.
    mutating func next() throws(BatchError) -> RawRecord?
}

extension BatchRecordSource {
    /// Reads up to `count` rows.
    ///
    /// - Parameter count: The most rows to read.
    /// - Returns: The rows; fewer than `count` (possibly none) at the end of the input.
    /// - Throws: ``BatchError/cannotRead(path:reason:)`` when reading fails.
    public mutating func next(upTo count: Int) throws(BatchError) -> [RawRecord] {
        var records: [RawRecord] = []
        records.reserveCapacity(count)
        while records.count < count, let record = try next() {
            records.append(record)
        }
        return records
    }
}
