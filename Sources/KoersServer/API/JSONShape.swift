import Foundation

/// What a JSON request body holds that `JSONDecoder` does not tell: the names of the top-level
/// object's fields (so that an unknown field is refused rather than dropped) and the literal
/// text of every number with its field path (so that a number is read exactly, or refused
/// naming the field, never rounded through `Double`).
///
/// ```swift
/// let shape = try JSONShape(Data(#"{"value": [1e300], "note": "x"}"#.utf8))
/// shape.fields    // ["value", "note"]
/// shape.numbers   // ["value[0]": "1e300"]
/// ```
struct JSONShape: Sendable, Hashable {
    /// The field names of the top-level object in order, `nil` when the body is not an object.
    var fields: [String]?
    /// Each number's literal, by its path as ``APIIO/fieldPath(_:)`` writes it (`value`,
    /// `value[0]`).
    var numbers: [String: String] = [:]
    /// The paths whose value is `null`.
    var nulls: Set<String> = []

    /// Why a body is not JSON, with the byte offset where reading stopped.
    struct SyntaxError: Error, Sendable, Hashable {
        /// The offset in bytes.
        var offset: Int
    }

    /// The deepest nesting read; deeper bodies are refused (no request of the API nests more
    /// than two levels, and recursion must stay bounded).
    static let maximumDepth = 64

    /// Reads a body.
    ///
    /// - Parameter data: The body.
    /// - Throws: ``SyntaxError`` when it is not one JSON value (RFC 8259), or nests deeper
    ///   than ``maximumDepth``.
    init(_ data: Data) throws(SyntaxError) {
        var reader = Reader(bytes: Array(data))
        reader.skipSpace()
        if reader.peek == UInt8(ascii: "{") {
            reader.fields = []
        }
        try reader.value(path: "", depth: 0)
        reader.skipSpace()
        guard reader.atEnd else { throw SyntaxError(offset: reader.offset) }
        fields = reader.fields
        numbers = reader.numbers
        nulls = reader.nulls
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0
        var fields: [String]?
        var numbers: [String: String] = [:]
        var nulls: Set<String> = []

        var atEnd: Bool { offset >= bytes.count }
        var peek: UInt8? { atEnd ? nil : bytes[offset] }

        mutating func skipSpace() {
            while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { offset += 1 }
        }

        mutating func expect(_ byte: UInt8) throws(SyntaxError) {
            guard peek == byte else { throw SyntaxError(offset: offset) }
            offset += 1
        }

        mutating func literal(_ word: String) throws(SyntaxError) {
            for byte in word.utf8 { try expect(byte) }
        }

        /// Reads one value; `fields` collects the keys of the object at the top level only.
        mutating func value(path: String, depth: Int) throws(SyntaxError) {
            guard depth < JSONShape.maximumDepth else { throw SyntaxError(offset: offset) }
            skipSpace()
            guard let byte = peek else { throw SyntaxError(offset: offset) }
            switch byte {
            case UInt8(ascii: "{"):
                offset += 1
                skipSpace()
                if peek == UInt8(ascii: "}") {
                    offset += 1
                    return
                }
                while true {
                    skipSpace()
                    let key = try string()
                    if depth == 0 { fields?.append(key) }
                    skipSpace()
                    try expect(UInt8(ascii: ":"))
                    try value(path: path.isEmpty ? key : path + "." + key, depth: depth + 1)
                    skipSpace()
                    if peek == UInt8(ascii: ",") {
                        offset += 1
                        continue
                    }
                    try expect(UInt8(ascii: "}"))
                    return
                }
            case UInt8(ascii: "["):
                offset += 1
                skipSpace()
                if peek == UInt8(ascii: "]") {
                    offset += 1
                    return
                }
                var index = 0
                while true {
                    try value(path: path + "[\(index)]", depth: depth + 1)
                    index += 1
                    skipSpace()
                    if peek == UInt8(ascii: ",") {
                        offset += 1
                        continue
                    }
                    try expect(UInt8(ascii: "]"))
                    return
                }
            case UInt8(ascii: "\""):
                _ = try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"):
                try literal("null")
                nulls.insert(path)
            default:
                numbers[path] = try number()
            }
        }

        /// A number as RFC 8259 writes it: `-`, an integer without leading zeros, an optional
        /// fraction and exponent.
        mutating func number() throws(SyntaxError) -> String {
            let start = offset
            if peek == UInt8(ascii: "-") { offset += 1 }
            if peek == UInt8(ascii: "0") {
                offset += 1
            } else {
                try digits()
            }
            if peek == UInt8(ascii: ".") {
                offset += 1
                try digits()
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                offset += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { offset += 1 }
                try digits()
            }
            return String(decoding: bytes[start..<offset], as: UTF8.self)
        }

        mutating func digits() throws(SyntaxError) {
            let start = offset
            while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { offset += 1 }
            guard offset > start else { throw SyntaxError(offset: offset) }
        }

        /// A string, with its escapes read (keys are compared by their text).
        mutating func string() throws(SyntaxError) -> String {
            try expect(UInt8(ascii: "\""))
            var scalars = String.UnicodeScalarView()
            var run = offset
            while true {
                guard let byte = peek else { throw SyntaxError(offset: offset) }
                if byte == UInt8(ascii: "\"") {
                    scalars.append(contentsOf: text(run..<offset))
                    offset += 1
                    return String(scalars)
                }
                guard byte >= 0x20 else { throw SyntaxError(offset: offset) }
                if byte != UInt8(ascii: "\\") {
                    offset += 1
                    continue
                }
                scalars.append(contentsOf: text(run..<offset))
                offset += 1
                guard let escape = peek else { throw SyntaxError(offset: offset) }
                offset += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code), peek == UInt8(ascii: "\\"),
                        offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u")
                    {
                        let save = offset
                        offset += 2
                        let low = try hex4()
                        if (0xDC00...0xDFFF).contains(low) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            offset = save
                        }
                    }
                    // A lone surrogate is kept as U+FFFD, as JSONDecoder does not refuse it either.
                    scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                default:
                    throw SyntaxError(offset: offset - 1)
                }
                run = offset
            }
        }

        func text(_ range: Range<Int>) -> String.UnicodeScalarView {
            String(decoding: bytes[range], as: UTF8.self).unicodeScalars
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            var code: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = peek else { throw SyntaxError(offset: offset) }
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw SyntaxError(offset: offset)
                }
                code = code * 16 + digit
                offset += 1
            }
            return code
        }
    }
}
