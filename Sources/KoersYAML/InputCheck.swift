internal import KoersSource

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Musl)
    internal import Musl
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// The checks made on a file's bytes before libyaml sees them, and their messages.
enum InputCheck {
    /// The UTF-8 byte-order mark, which is accepted and dropped.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// An error at 1:1 when a file is larger than the limit.
    ///
    /// - Parameters:
    ///   - byteCount: The file's size in bytes, or `nil` when only "too large" is known.
    ///   - path: The file's path, for the location.
    ///   - limits: The limits.
    /// - Returns: The error, or `nil` when the size is acceptable.
    static func sizeProblem(byteCount: Int?, path: String, limits: YAMLParser.Limits) -> Diagnostic? {
        let limit = limits.maximumFileSize
        if let byteCount, byteCount <= limit { return nil }
        return tooLarge(byteCount: byteCount, path: path, limit: limit)
    }

    /// The error for a file that is larger than `limit` bytes.
    static func tooLarge(byteCount: Int?, path: String, limit: Int) -> Diagnostic {
        var size = byteCount.map(describe(byteCount:))
        var maximum = describe(byteCount: limit)
        if let byteCount, size == maximum {
            // Rounding made them look equal: give exact numbers.
            size = "\(byteCount) bytes"
            maximum = "\(limit) bytes"
        }
        let problem =
            size.map { "file is \($0); rule-pack files may be at most \(maximum)" }
            ?? "file is larger than \(maximum), the most a rule-pack file may be"
        let message = problem + "; split it into smaller files in the same pack folder"
        let dutchProblem =
            size.map { "het bestand is \($0); bestanden van een regelpakket mogen hoogstens \(maximum) zijn" }
            ?? "het bestand is groter dan \(maximum), het meeste dat een bestand van een regelpakket mag zijn"
        let dutchMessage = dutchProblem + "; verdeel het over kleinere bestanden in dezelfde pakketmap"
        return .error(message, nl: dutchMessage, at: SourceLocation(file: path, line: 1, column: 1), code: "file-too-large")
    }

    /// A size for people: `512 bytes`, `1.5 KiB`, `2 MiB`.
    static func describe(byteCount: Int) -> String {
        let kibibyte = 1024
        let mebibyte = 1024 * 1024
        func tenths(_ unit: Int) -> String {
            let value = (byteCount * 10 + unit / 2) / unit
            return value % 10 == 0 ? "\(value / 10)" : "\(value / 10).\(value % 10)"
        }
        if byteCount < kibibyte { return byteCount == 1 ? "1 byte" : "\(byteCount) bytes" }
        if byteCount < mebibyte { return "\(tenths(kibibyte)) KiB" }
        return "\(tenths(mebibyte)) MiB"
    }

    /// An error at the first NUL byte or invalid UTF-8 sequence, or `nil` when the bytes are
    /// UTF-8 text.
    ///
    /// - Parameters:
    ///   - bytes: The file's bytes, after any byte-order mark.
    ///   - path: The file's path, for the location.
    /// - Returns: The error, or `nil`.
    static func textProblem(in bytes: [UInt8], path: String) -> Diagnostic? {
        // Fast path: the standard library's validator and memchr; only a bad file is walked
        // byte by byte to find where it goes wrong.
        let hasNUL = bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, 0, buffer.count) != nil
        }
        if !hasNUL, String(validating: bytes, as: UTF8.self) != nil { return nil }
        let offset = firstInvalidByte(in: bytes) ?? 0
        return .error(
            "file is not UTF-8 text (binary?)",
            nl: "het bestand is geen UTF-8-tekst (binair?)",
            at: location(ofByte: offset, in: bytes, path: path),
            code: "file-not-text"
        )
    }

    /// The offset of the first NUL byte or the first byte of the first invalid UTF-8 sequence.
    static func firstInvalidByte(in bytes: [UInt8]) -> Int? {
        func isContinuation(_ index: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index < bytes.count && range.contains(bytes[index])
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00:
                return index
            case 0x01...0x7F:
                length = 1
            case 0xC2...0xDF:
                length = isContinuation(index + 1) ? 2 : 0
            case 0xE0:
                length = isContinuation(index + 1, 0xA0...0xBF) && isContinuation(index + 2) ? 3 : 0
            case 0xE1...0xEC, 0xEE...0xEF:
                length = isContinuation(index + 1) && isContinuation(index + 2) ? 3 : 0
            case 0xED:
                length = isContinuation(index + 1, 0x80...0x9F) && isContinuation(index + 2) ? 3 : 0
            case 0xF0:
                length =
                    isContinuation(index + 1, 0x90...0xBF) && isContinuation(index + 2)
                        && isContinuation(index + 3) ? 4 : 0
            case 0xF1...0xF3:
                length =
                    isContinuation(index + 1) && isContinuation(index + 2) && isContinuation(index + 3) ? 4 : 0
            case 0xF4:
                length =
                    isContinuation(index + 1, 0x80...0x8F) && isContinuation(index + 2)
                        && isContinuation(index + 3) ? 4 : 0
            default:
                length = 0
            }
            if length == 0 { return index }
            index += length
        }
        return nil
    }

    /// The location of a byte offset in UTF-8 text.
    ///
    /// Lines split where libyaml splits them (`\n`, `\r\n`, a lone `\r`, U+0085, U+2028,
    /// U+2029) and columns count Unicode scalars. A byte-order mark at the start is not
    /// counted, as libyaml does not count it.
    ///
    /// The bytes before `offset` must be valid UTF-8.
    static func location(ofByte offset: Int, in bytes: [UInt8], path: String) -> SourceLocation {
        let end = min(max(0, offset), bytes.count)
        var line = 1
        var column = 1
        var index = bytes.starts(with: byteOrderMark) && end >= 3 ? 3 : 0
        while index < end {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            let third = index + 2 < bytes.count ? bytes[index + 2] : 0
            if byte == 0x0A || (byte == 0x0D && next != 0x0A) {
                line += 1
                column = 1
            } else if byte == 0xC2, next == 0x85, index + 1 < end {
                // NEL
                line += 1
                column = 1
                index += 1
            } else if byte == 0xE2, next == 0x80, third == 0xA8 || third == 0xA9, index + 2 < end {
                // LINE SEPARATOR, PARAGRAPH SEPARATOR
                line += 1
                column = 1
                index += 2
            } else if byte & 0xC0 != 0x80, byte != 0x0D {
                column += 1
            }
            index += 1
        }
        return SourceLocation(file: path, line: line, column: column)
    }

    /// `value` in upper-case hexadecimal, padded with zeros to `digits`.
    static func hex(_ value: Int, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
