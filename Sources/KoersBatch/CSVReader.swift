/// Cuts CSV input (RFC 4180) into rows, reading it in chunks.
///
/// The first non-blank record is the header: the question ids, plus the optional `_id` and
/// `_date` columns. Fields are separated by commas; a field in double quotes may hold commas,
/// line breaks and doubled quotes (`""` for one `"`). Records end with `\n` or `\r\n`; blank
/// lines are skipped and do not count as rows. A stray quote inside an unquoted field is kept as
/// text.
///
/// Broken rows never swallow the rows after them. A quoted field may span lines, but when the
/// record it belongs to turns out broken — its quote is never closed, text follows a closing
/// quote, or it runs past ``maximumRecordLength`` — only the record's first line is reported as
/// a malformed row, and reading starts again on the line after it. So one unbalanced quote
/// costs one row, and "rows read" counts every line after it. A single line longer than the
/// limit is skipped up to its line break without being kept in memory.
public struct CSVReader: BatchRecordSource {
    /// The longest record read by default: 1 MiB.
    public static let defaultMaximumRecordLength = 1 << 20

    /// The column names from the header, trimmed.
    public private(set) var columns: [String]?
    /// The line the header was on.
    public private(set) var headerLine = 0
    /// The longest record accepted, in bytes.
    public let maximumRecordLength: Int

    private enum State {
        case fieldStart, unquoted, quoted, afterQuote, discarding
    }

    /// The stream the rows are read from.
    public let stream: ByteStream
    private var buffer: [UInt8] = []
    private var index = 0
    private var atEnd = false
    private var line = 1
    private var row = 0

    private static let quote: UInt8 = 0x22
    private static let comma: UInt8 = 0x2C
    private static let newline: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    /// Creates a reader and reads the header.
    ///
    /// - Parameters:
    ///   - stream: Where the bytes come from.
    ///   - maximumRecordLength: The longest record accepted, in bytes.
    /// - Throws: ``BatchError/badHeader(path:line:message:)`` when there is no usable header,
    ///   ``BatchError/cannotRead(path:reason:)`` when reading fails.
    public init(stream: ByteStream, maximumRecordLength: Int = CSVReader.defaultMaximumRecordLength) throws(BatchError) {
        self.stream = stream
        self.maximumRecordLength = max(1, maximumRecordLength)
        guard let header = try nextRecord() else {
            throw .badHeader(
                path: stream.name, line: 1,
                message: "the file is empty; a CSV file starts with a header row of question ids"
            )
        }
        headerLine = header.line
        switch header.content {
        case .fields(let fields):
            var names = fields.map { $0.trimmingWhitespace() }
            if let first = names.first, first.hasPrefix("\u{FEFF}") {
                names[0] = String(first.dropFirst())
            }
            columns = names
        case .malformed(let message):
            throw .badHeader(path: stream.name, line: header.line, message: "the header row is unreadable: \(message)")
        case .json:
            throw .badHeader(path: stream.name, line: header.line, message: "the header row is unreadable")
        }
    }

    /// The next record as a row, or `nil` at the end of the input.
    ///
    /// - Throws: ``BatchError/cannotRead(path:reason:)`` when reading fails.
    public mutating func next() throws(BatchError) -> RawRecord? {
        guard let record = try nextRecord() else { return nil }
        row += 1
        return RawRecord(row: row, line: record.line, content: record.content)
    }

    private mutating func nextRecord() throws(BatchError) -> (line: Int, content: RawRecord.Content)? {
        var fields: [String] = []
        var field: [UInt8] = []
        var state = State.fieldStart
        var recordLine = line
        var quoteLine = line
        var length = 0
        var problem: String?
        // The bytes after the record's first line break, kept only while a quoted field spans
        // lines, so that a broken record can be read again from its second line.
        var spansLines = false
        var afterFirstLine: [UInt8] = []

        func finishField() {
            guard problem == nil else { return }
            if let text = String(validating: field, as: UTF8.self) {
                fields.append(text)
            } else {
                problem = "field \(fields.count + 1) is not valid UTF-8 text"
            }
            field.removeAll(keepingCapacity: true)
        }
        func finished() -> (line: Int, content: RawRecord.Content) {
            if let problem { return (recordLine, .malformed(problem)) }
            return (recordLine, .fields(fields))
        }
        /// A broken record: when it spans lines, only its first line is lost; reading resumes
        /// on the line after it.
        func malformed(_ message: String) -> (line: Int, content: RawRecord.Content) {
            if spansLines {
                buffer = afterFirstLine + buffer[index...]
                index = 0
                line = recordLine + 1
            }
            return (recordLine, .malformed(message))
        }

        while true {
            if index == buffer.count {
                if !atEnd, let chunk = try stream.read() {
                    buffer = chunk
                    index = 0
                    continue
                }
                atEnd = true
                switch state {
                case .discarding:
                    return malformed(problem ?? "the record is too long")
                case .quoted:
                    return malformed("a quoted field opened on line \(quoteLine) is never closed")
                case .fieldStart where fields.isEmpty:
                    return nil
                case .unquoted where fields.isEmpty && field.allSatisfy(Self.isBlank):
                    return nil
                default:
                    finishField()
                    if let problem { return malformed(problem) }
                    return finished()
                }
            }
            let byte = buffer[index]
            index += 1
            if spansLines { afterFirstLine.append(byte) }
            if byte == Self.newline {
                line += 1
                if state == .quoted { spansLines = true }
            }
            length += 1
            switch state {
            case .discarding:
                if byte == Self.newline { return malformed(problem ?? "the record is too long") }
                continue
            case .quoted:
                if byte == Self.quote { state = .afterQuote } else { field.append(byte) }
            case .afterQuote:
                if byte == Self.quote {
                    field.append(byte)
                    state = .quoted
                } else if byte == Self.comma {
                    finishField()
                    state = .fieldStart
                } else if byte == Self.newline {
                    finishField()
                    if let problem { return malformed(problem) }
                    return finished()
                } else if byte != Self.carriageReturn {
                    if problem == nil {
                        problem = "text after the closing quote of field \(fields.count + 1); "
                            + "write a quote inside a quoted field as two quotes (\"\")"
                    }
                    field.append(byte)
                    state = .unquoted
                }
            case .fieldStart, .unquoted:
                if byte == Self.quote, state == .fieldStart {
                    state = .quoted
                    quoteLine = line
                } else if byte == Self.comma {
                    finishField()
                    state = .fieldStart
                } else if byte == Self.newline {
                    if fields.isEmpty, field.allSatisfy(Self.isBlank) {
                        // A blank line: not a record.
                        field.removeAll(keepingCapacity: true)
                        state = .fieldStart
                        recordLine = line
                        length = 0
                        continue
                    }
                    finishField()
                    if let problem { return malformed(problem) }
                    return finished()
                } else if byte != Self.carriageReturn {
                    field.append(byte)
                    state = .unquoted
                }
            }
            if length > maximumRecordLength {
                if spansLines {
                    return malformed(
                        "a quoted field opened on line \(quoteLine) is not closed within \(maximumRecordLength) bytes"
                    )
                }
                problem = "the record is longer than \(maximumRecordLength) bytes (is a quote not closed?)"
                fields.removeAll()
                field.removeAll()
                state = .discarding
            }
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
}

extension String {
    /// The text without spaces, tabs and line breaks at either end.
    func trimmingWhitespace() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
