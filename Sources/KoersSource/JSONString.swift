/// JSON string literals written straight into bytes: the one escaper of every JSON writer in
/// Koers (the batch rows, the store's session documents and the API's answers), so that a string
/// reads the same whichever of them wrote it.
///
/// `"` and `\` are escaped, control characters are written as the short escapes JSON has
/// (`\n`, `\r`, `\t`, `\b`, `\f`) or as `\u00XX`, and everything else is copied as UTF-8, as
/// Foundation's `JSONEncoder` writes it without `.withoutEscapingSlashes` being needed.
///
/// ```swift
/// var bytes: [UInt8] = []
/// JSONString.appendQuoted("a \"b\"\n", to: &bytes)
/// String(decoding: bytes, as: UTF8.self)  // "a \"b\"\n" in quotes, escaped
/// ```
public enum JSONString {
    /// Appends a string in quotes with the escapes JSON needs.
    ///
    /// - Parameters:
    ///   - text: The string.
    ///   - bytes: The buffer to append to.
    public static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Ids, verdicts and most answers need no escapes: copied in one go, straight from the
        // string's own bytes when it has them contiguously (a native string does).
        let copied =
            text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
                guard !utf8.contains(where: needsEscape) else { return false }
                bytes.append(contentsOf: utf8)
                return true
            } ?? false
        if !copied {
            appendEscaped(text.utf8, to: &bytes)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether a byte of UTF-8 cannot stand in a JSON string as it is.
    @inline(__always) @usableFromInline
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Appends the bytes of a string's content (no quotes), escaping those that need it.
    private static func appendEscaped(_ utf8: String.UTF8View, to bytes: inout [UInt8]) {
        let backslash = UInt8(ascii: "\\")
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [backslash, UInt8(ascii: "\"")])
            case backslash: bytes.append(contentsOf: [backslash, backslash])
            case 0x0A: bytes.append(contentsOf: [backslash, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [backslash, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [backslash, UInt8(ascii: "t")])
            case 0x08: bytes.append(contentsOf: [backslash, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [backslash, UInt8(ascii: "f")])
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [backslash, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
    }
}
