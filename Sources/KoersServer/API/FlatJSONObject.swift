import KoersExpression

/// A request body that is a JSON object of plain fields, read in one pass straight into
/// ``JSONValue``s: strings, numbers, `true`/`false` and lists of strings.
///
/// The answer body (`{"value": "niveau_3"}`) is read on every answer; reading it this way
/// spares ``JSONShape``, the boxed tree of `JSONDecoder` and the field-by-field look-ups of
/// `Decodable`. Anything else is `nil`, and the caller reads it the general way (``APIIO``),
/// which also words every problem: a body that is not JSON, a field given twice, `null`, an
/// object, a list of anything but strings, a string that is not valid UTF-8 or holds an
/// escaped surrogate. So a body read here gives the values the general way gives, and every
/// refusal stays the general way's.
///
/// A number is read from its literal text with ``DecimalLiteral``, as ``JSONValue`` reads it
/// when ``APIIO`` gives it the body's literals: exactly, or ``JSONValue/unrepresentableNumber``.
struct FlatJSONObject: Sendable {
    /// The fields in the order they are written.
    var fields: [(name: String, value: JSONValue)]

    /// Reads a body, or gives `nil` when it is not a plain object as described above.
    ///
    /// - Parameter bytes: The body.
    init?(_ bytes: [UInt8]) {
        var reader = Reader(bytes: bytes)
        guard let fields = reader.object() else { return nil }
        self.fields = fields
    }

    /// The value of a field, if it is given.
    ///
    /// - Parameter name: The field's name.
    subscript(name: String) -> JSONValue? {
        fields.first { $0.name == name }?.value
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

        mutating func skipSpace() {
            while offset < bytes.count {
                switch bytes[offset] {
                case 0x20, 0x09, 0x0A, 0x0D: offset += 1
                default: return
                }
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            offset += 1
            return true
        }

        /// The whole body: one object, nothing after it but space.
        mutating func object() -> [(name: String, value: JSONValue)]? {
            skipSpace()
            guard take(UInt8(ascii: "{")) else { return nil }
            var fields: [(name: String, value: JSONValue)] = []
            skipSpace()
            if !take(UInt8(ascii: "}")) {
                while true {
                    skipSpace()
                    guard let name = string() else { return nil }
                    // A field given twice: the general way decides which one counts.
                    guard !fields.contains(where: { $0.name == name }) else { return nil }
                    skipSpace()
                    guard take(UInt8(ascii: ":")) else { return nil }
                    skipSpace()
                    guard let value = value() else { return nil }
                    fields.append((name, value))
                    skipSpace()
                    if take(UInt8(ascii: ",")) { continue }
                    guard take(UInt8(ascii: "}")) else { return nil }
                    break
                }
            }
            skipSpace()
            guard offset == bytes.count else { return nil }
            return fields
        }

        /// A field's value: a string, a number, `true`, `false` or a list of strings.
        mutating func value() -> JSONValue? {
            guard let byte = peek else { return nil }
            switch byte {
            case UInt8(ascii: "\""):
                return string().map(JSONValue.string)
            case UInt8(ascii: "t"):
                return word("true") ? .boolean(true) : nil
            case UInt8(ascii: "f"):
                return word("false") ? .boolean(false) : nil
            case UInt8(ascii: "["):
                offset += 1
                var elements: [JSONValue] = []
                skipSpace()
                if take(UInt8(ascii: "]")) { return .array(elements) }
                while true {
                    skipSpace()
                    guard peek == UInt8(ascii: "\""), let text = string() else { return nil }
                    elements.append(.string(text))
                    skipSpace()
                    if take(UInt8(ascii: ",")) { continue }
                    guard take(UInt8(ascii: "]")) else { return nil }
                    return .array(elements)
                }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard let literal = number() else { return nil }
                return DecimalLiteral.number(literal).map(JSONValue.number) ?? .unrepresentableNumber
            default:
                return nil
            }
        }

        mutating func word(_ text: StaticString) -> Bool {
            let length = text.utf8CodeUnitCount
            guard bytes.count - offset >= length else { return false }
            let matches = text.withUTF8Buffer { expected in
                bytes[offset..<offset + length].elementsEqual(expected)
            }
            guard matches else { return false }
            offset += length
            return true
        }

        /// A number as RFC 8259 writes it, as its literal text.
        mutating func number() -> String? {
            let start = offset
            _ = take(UInt8(ascii: "-"))
            if !take(UInt8(ascii: "0")) {
                guard digits() else { return nil }
            }
            if take(UInt8(ascii: ".")) {
                guard digits() else { return nil }
            }
            if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
                if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
                guard digits() else { return nil }
            }
            return String(decoding: bytes[start..<offset], as: UTF8.self)
        }

        mutating func digits() -> Bool {
            let start = offset
            while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { offset += 1 }
            return offset > start
        }

        /// A string with its escapes read; `nil` for invalid UTF-8, a control character, or an
        /// escaped surrogate (half of a pair, or a lone one).
        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = offset
            while let byte = peek, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                guard byte >= 0x20 else { return nil }
                offset += 1
            }
            guard let end = peek else { return nil }
            if end == UInt8(ascii: "\"") {
                offset += 1
                return String(validating: bytes[start..<offset - 1], as: UTF8.self)
            }
            // Escapes: the text is gathered as UTF-8, then checked as a whole.
            var text = Array(bytes[start..<offset])
            while true {
                guard let byte = peek else { return nil }
                offset += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(validating: text, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard let escape = peek else { return nil }
                    offset += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
                    case UInt8(ascii: "b"): text.append(0x08)
                    case UInt8(ascii: "f"): text.append(0x0C)
                    case UInt8(ascii: "n"): text.append(0x0A)
                    case UInt8(ascii: "r"): text.append(0x0D)
                    case UInt8(ascii: "t"): text.append(0x09)
                    case UInt8(ascii: "u"):
                        guard let code = hex4(), let scalar = Unicode.Scalar(code),
                            let encoded = UTF8.encode(scalar)
                        else { return nil }
                        text.append(contentsOf: encoded)
                    default:
                        return nil
                    }
                default:
                    guard byte >= 0x20 else { return nil }
                    text.append(byte)
                }
            }
        }

        mutating func hex4() -> UInt32? {
            guard bytes.count - offset >= 4 else { return nil }
            var code: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[offset]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: return nil
                }
                code = code * 16 + digit
                offset += 1
            }
            return code
        }
    }
}
