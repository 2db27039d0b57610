import Foundation

/// Cuts JSON Lines input into rows: one JSON object per line, read in chunks.
///
/// Only the current line is buffered, so memory stays flat for any input size. Blank lines
/// are skipped and do not count as rows; a `\r\n` line end and a UTF-8 byte order mark at the
/// start are accepted. A line longer than ``maximumLineLength`` becomes a malformed row and is
/// skipped without being buffered. The JSON itself is parsed later, by ``BatchRowDecoder``.
public struct JSONLinesReader: BatchRecordSource {
    /// The longest line read by default: 1 MiB.
    public static let defaultMaximumLineLength = 1 << 20

    /// Always `nil`: each row names its own fields.
    public var columns: [String]? { nil }
    /// Always 0: JSON Lines has no header.
    public var headerLine: Int { 0 }
    /// The longest line accepted, in bytes.
    public let maximumLineLength: Int

    /// The stream the rows are read from.
    public let stream: ByteStream
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var line = 0
    private var row = 0

    /// Creates a reader.
    ///
    /// - Parameters:
    ///   - stream: Where the bytes come from.
    ///   - maximumLineLength: The longest line accepted, in bytes.
    public init(stream: ByteStream, maximumLineLength: Int = JSONLinesReader.defaultMaximumLineLength) {
        self.stream = stream
        self.maximumLineLength = max(1, maximumLineLength)
    }

    /// The next non-blank line as a row, or `nil` at the end of the input.
    ///
    /// - Throws: ``BatchError/cannotRead(path:reason:)`` when reading fails.
    public mutating func next() throws(BatchError) -> RawRecord? {
        while let (bytes, number, tooLong) = try nextLine() {
            if tooLong {
                row += 1
                return RawRecord(
                    row: row, line: number,
                    content: .malformed("the line is longer than \(maximumLineLength) bytes")
                )
            }
            var content = bytes
            if number == 1, content.starts(with: [0xEF, 0xBB, 0xBF]) { content.removeFirst(3) }
            if content.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            row += 1
            // The line's own array, not a copy of it.
            return RawRecord(row: row, line: number, content: .json(content))
        }
        return nil
    }

    /// The index of the next line break in the buffer from `scanned` on, found with `memchr`
    /// (this runs for every line, on the one task that reads).
    private func nextNewline() -> Int? {
        buffer.withUnsafeBufferPointer { all -> Int? in
            guard scanned < all.count, let base = all.baseAddress,
                let found = memchr(base + scanned, 0x0A, all.count - scanned)
            else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
    }

    /// The next line without its line break, its number, and whether it was too long to keep.
    private mutating func nextLine() throws(BatchError) -> (bytes: [UInt8], line: Int, tooLong: Bool)? {
        var discarding = false
        while true {
            if let newline = nextNewline() {
                line += 1
                let end = newline > start && buffer[newline - 1] == 0x0D ? newline - 1 : newline
                let bytes = discarding ? [] : Array(buffer[start..<end])
                start = newline + 1
                scanned = start
                return (bytes, line, discarding)
            }
            scanned = buffer.count
            if !discarding, buffer.count - start > maximumLineLength { discarding = true }
            if discarding {
                buffer.removeAll(keepingCapacity: true)
                start = 0
                scanned = 0
            }
            guard let chunk = try stream.read() else {
                if discarding {
                    line += 1
                    return ([], line, true)
                }
                guard start < buffer.count else { return nil }
                line += 1
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                let bytes = Array(buffer[start..<end])
                start = buffer.count
                scanned = start
                return (bytes, line, false)
            }
            if start > 0 {
                buffer.removeFirst(start)
                scanned -= start
                start = 0
            }
            buffer.append(contentsOf: chunk)
        }
    }
}
