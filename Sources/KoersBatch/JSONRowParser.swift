import Foundation

/// A scalar in a JSON Lines row.
public enum JSONScalar: Sendable, Hashable {
    /// A string.
    case string(String)
    /// A number, as written (`125000`, `12.5`, `1e3`), so no precision is lost.
    case number(String)
    /// `true` or `false`.
    case boolean(Bool)
    /// `null`.
    case null
}

/// The value of one field of a JSON Lines row.
public enum JSONField: Sendable, Hashable {
    /// A string, number, boolean or `null`.
    case scalar(JSONScalar)
    /// An array of scalars, for a multiple-choice answer.
    case array([JSONScalar])
}

/// Why a line is not a JSON object of answers.
public struct JSONRowError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The column (byte offset from 1) where the problem is.
    public var column: Int
    /// What is wrong.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - column: The column of the problem, from 1.
    ///   - message: What is wrong.
    public init(column: Int, message: String) {
        self.column = column
        self.message = message
    }

    /// `invalid JSON at column N: message`.
    public var description: String { "invalid JSON at column \(column): \(message)" }
}

/// Parses one line of JSON Lines: a flat object whose values are scalars or arrays of scalars.
///
/// Numbers keep the text they were written with, so `0.1` stays exactly `0.1`. Keys must be
/// unique. Nested objects, and arrays inside arrays, are rejected: an answer is never an object.
public struct JSONRowParser {
    /// The longest key accepted, in UTF-8 bytes: keys are question ids (and `_id`, `_date`), so
    /// a longer one is a mistake, and refusing it keeps messages and lookups small.
    public static let maximumKeyLength = 256

    private let bytes: [UInt8]
    private var index = 0

    /// Parses a line.
    ///
    /// - Parameter bytes: The line, without its line break.
    /// - Returns: The fields in the order they were written.
    /// - Throws: ``JSONRowError`` with the column of the first problem.
    public static func parse(_ bytes: [UInt8]) throws(JSONRowError) -> [(key: String, value: JSONField)] {
        var parser = JSONRowParser(bytes: bytes, known: nil)
        return try parser.object().map { field in
            switch field.key {
            case .text(let key): (key, field.value)
            // No table, so no known keys.
            case .known(let index): (String(index), field.value)
            }
        }
    }

    /// Parses a line whose keys are mostly known beforehand (a pack's question ids): a known
    /// key comes back as its position in the table, without a string made for it.
    ///
    /// - Parameters:
    ///   - bytes: The line, without its line break.
    ///   - known: The keys expected.
    /// - Returns: The fields in the order they were written.
    /// - Throws: ``JSONRowError`` exactly as ``parse(_:)`` throws it.
    static func parse(_ bytes: [UInt8], known: KnownKeys) throws(JSONRowError) -> [(key: RowKey, value: JSONField)] {
        var parser = JSONRowParser(bytes: bytes, known: known)
        return try parser.object()
    }

    /// A key of a row: the position of a known key, or the text of another.
    enum RowKey {
        case known(Int)
        case text(String)
    }

    /// Keys expected in every row, found by the fingerprint of their bytes.
    struct KnownKeys: Sendable {
        let keys: [String]
        private let bytes: [[UInt8]]
        /// An open-addressing table over the fingerprints: each slot holds a key's position
        /// plus one, or 0 when empty (cheaper than hashing the fingerprint into a dictionary,
        /// for every key of every row).
        private let slots: [Int32]
        private let fingerprints: [UInt64]
        /// The same by text, for keys that are not plain ASCII or are written with escapes
        /// (strings compare by canonical equivalence, bytes do not).
        private let positionsByText: [String: Int]

        /// The table of keys; a repeated key keeps its first position.
        init(_ keys: [String]) {
            self.keys = keys
            bytes = keys.map { Array($0.utf8) }
            let fingerprints = keys.map(JSONRowParser.fingerprint(of:))
            var size = 8
            while size < keys.count * 2 { size *= 2 }
            var slots = [Int32](repeating: 0, count: size)
            for (index, fingerprint) in fingerprints.enumerated() {
                var slot = Self.slot(of: fingerprint, mask: size - 1)
                var taken = false
                while slots[slot] != 0 {
                    // Two keys with one fingerprint: the later one comes back as text.
                    if fingerprints[Int(slots[slot]) - 1] == fingerprint { taken = true }
                    slot = (slot + 1) & (size - 1)
                }
                if !taken { slots[slot] = Int32(index + 1) }
            }
            self.slots = slots
            self.fingerprints = fingerprints
            positionsByText = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }

        /// The position of a key given as text, if it is known.
        func position(of key: String) -> Int? { positionsByText[key] }

        /// The position of a key given by its bytes and their fingerprint, if it is known.
        func position(of key: ArraySlice<UInt8>, fingerprint: UInt64) -> Int? {
            guard let index = position(of: fingerprint), bytes[index].elementsEqual(key) else { return nil }
            return index
        }

        /// ``position(of:fingerprint:)`` for a key read in place from a line's buffer.
        func position(of key: UnsafeBufferPointer<UInt8>, fingerprint: UInt64) -> Int? {
            guard let index = position(of: fingerprint), bytes[index].count == key.count else { return nil }
            let equal = bytes[index].withUnsafeBufferPointer { stored in ShortBytes.equal(stored, key) }
            return equal ? index : nil
        }

        /// The position of the key with this fingerprint, if there is one.
        private func position(of fingerprint: UInt64) -> Int? {
            let mask = slots.count - 1
            var slot = Self.slot(of: fingerprint, mask: mask)
            while true {
                let stored = Int(slots[slot])
                if stored == 0 { return nil }
                if fingerprints[stored - 1] == fingerprint { return stored - 1 }
                slot = (slot + 1) & mask
            }
        }

        private static func slot(of fingerprint: UInt64, mask: Int) -> Int {
            Int(truncatingIfNeeded: (fingerprint &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        }
    }

    private let known: KnownKeys?

    private init(bytes: [UInt8], known: KnownKeys?) {
        self.bytes = bytes
        self.known = known
    }

    /// The text of a key, for messages.
    private func name(of key: RowKey) -> String {
        switch key {
        case .known(let index): known?.keys[index] ?? String(index)
        case .text(let text): text
        }
    }

    /// A key: a known one straight from the line's bytes when it needs no unescaping, else
    /// read as a string (and then still recognised when it is known).
    private mutating func key() throws(JSONRowError) -> (key: RowKey, length: Int, fingerprint: UInt64) {
        if let known {
            var end = index + 1
            var hash: UInt64 = Self.fingerprintBasis
            while end < bytes.count, bytes[end] >= 0x20, bytes[end] < 0x80, bytes[end] != UInt8(ascii: "\\"),
                bytes[end] != UInt8(ascii: "\"")
            {
                hash = (hash ^ UInt64(bytes[end])) &* Self.fingerprintPrime
                end += 1
            }
            if end < bytes.count, bytes[end] == UInt8(ascii: "\""),
                let position = known.position(of: bytes[(index + 1)..<end], fingerprint: hash)
            {
                let length = end - index - 1
                index = end + 1
                return (.known(position), length, hash)
            }
        }
        let text = try string()
        let fingerprint = Self.fingerprint(of: text)
        if let known, let position = known.position(of: text) {
            return (.known(position), text.utf8.count, fingerprint)
        }
        return (.text(text), text.utf8.count, fingerprint)
    }

    private mutating func object() throws(JSONRowError) -> [(key: RowKey, value: JSONField)] {
        skipSpace()
        guard peek == UInt8(ascii: "{") else {
            throw failure(peek == nil ? "the line is empty" : "a row must be a JSON object ({…})")
        }
        index += 1
        var fields: [(key: RowKey, value: JSONField)] = []
        // Known keys seen, one bit each.
        var seenKnown = [UInt64](repeating: 0, count: ((known?.keys.count ?? 0) + 63) / 64)
        // Rows have a few dozen keys at most: a linear search over a 64-bit fingerprint of each
        // key finds a repeated key faster than hashing every key into a set or comparing every
        // pair of strings; a set takes over for a wide row.
        var keys: Set<String> = []
        // The fingerprints of the other keys, with their field.
        var fingerprints: [(fingerprint: UInt64, field: Int)] = []
        skipSpace()
        if peek == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipSpace()
                guard peek == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes") }
                let keyColumn = index + 1
                let (key, length, fingerprint) = try self.key()
                guard length <= Self.maximumKeyLength else {
                    throw JSONRowError(
                        column: keyColumn,
                        message: "a key is longer than \(Self.maximumKeyLength) bytes; keys are question ids"
                    )
                }
                let repeated: Bool
                switch key {
                case .known(let position):
                    let (word, bit) = position.quotientAndRemainder(dividingBy: 64)
                    repeated = seenKnown[word] & (1 << UInt64(bit)) != 0
                    seenKnown[word] |= 1 << UInt64(bit)
                case .text(let text):
                    if fingerprints.count < Self.linearKeySearchLimit {
                        repeated = fingerprints.indices.contains { offset in
                            guard fingerprints[offset].fingerprint == fingerprint else { return false }
                            if case .text(let other) = fields[fingerprints[offset].field].key { return other == text }
                            return false
                        }
                        fingerprints.append((fingerprint, fields.count))
                    } else {
                        if keys.isEmpty {
                            for field in fields { if case .text(let other) = field.key { keys.insert(other) } }
                        }
                        repeated = !keys.insert(text).inserted
                    }
                }
                guard !repeated else {
                    throw JSONRowError(column: keyColumn, message: "the key '\(name(of: key))' appears twice")
                }
                skipSpace()
                guard peek == UInt8(ascii: ":") else { throw failure("expected ':' after the key '\(name(of: key))'") }
                index += 1
                skipSpace()
                fields.append((key, try field(for: key)))
                skipSpace()
                if peek == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard peek == UInt8(ascii: "}") else {
                    throw failure("expected ',' or '}' after the value of '\(name(of: key))'")
                }
                index += 1
                break
            }
        }
        skipSpace()
        guard index == bytes.count else { throw failure("unexpected text after the object") }
        return fields
    }

    private mutating func field(for rowKey: RowKey) throws(JSONRowError) -> JSONField {
        var key: String { name(of: rowKey) }
        switch peek {
        case UInt8(ascii: "["):
            index += 1
            var elements: [JSONScalar] = []
            skipSpace()
            if peek == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            while true {
                skipSpace()
                if peek == UInt8(ascii: "[") || peek == UInt8(ascii: "{") {
                    throw failure("the list for '\(key)' may hold only strings, numbers and booleans")
                }
                elements.append(try scalar())
                skipSpace()
                if peek == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard peek == UInt8(ascii: "]") else { throw failure("expected ',' or ']' in the list for '\(key)'") }
                index += 1
                return .array(elements)
            }
        case UInt8(ascii: "{"):
            throw failure("the answer to '\(key)' is an object; give a string, number, boolean or list")
        default:
            return .scalar(try scalar())
        }
    }

    private mutating func scalar() throws(JSONRowError) -> JSONScalar {
        guard let byte = peek else { throw failure("the line ends where a value should be") }
        switch byte {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try word("true"); return .boolean(true)
        case UInt8(ascii: "f"): try word("false"); return .boolean(false)
        case UInt8(ascii: "n"): try word("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure("expected a value (a string, number, true, false, null or a list)")
        }
    }

    private mutating func word(_ text: String) throws(JSONRowError) {
        guard bytes[index...].starts(with: text.utf8) else {
            throw failure("expected a value (a string, number, true, false, null or a list)")
        }
        index += text.utf8.count
    }

    private mutating func number() throws(JSONRowError) -> String {
        let start = index
        if peek == UInt8(ascii: "-") { index += 1 }
        guard let first = peek, isDigit(first) else { throw failure("a number needs digits") }
        if first == UInt8(ascii: "0") {
            index += 1
        } else {
            skipDigits()
        }
        if peek == UInt8(ascii: ".") {
            index += 1
            guard let digit = peek, isDigit(digit) else { throw failure("a number needs digits after '.'") }
            skipDigits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek, isDigit(digit) else { throw failure("a number needs digits in its exponent") }
            skipDigits()
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// The most keys searched one by one for a repeat; see ``object()``.
    private static let linearKeySearchLimit = 64

    /// FNV-1a of a key's bytes: equal keys have equal fingerprints, and different ones almost
    /// never do (those few are then compared as strings).
    static func fingerprint(of key: String) -> UInt64 {
        var hash = fingerprintBasis
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* fingerprintPrime }
        return hash
    }

    static let fingerprintBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let fingerprintPrime: UInt64 = 0x0000_0100_0000_01B3

    private mutating func string() throws(JSONRowError) -> String {
        let start = index
        index += 1  // the opening quote
        // Most strings are short ASCII without escapes: made straight from the line's bytes.
        var end = index
        while end < bytes.count, bytes[end] >= 0x20, bytes[end] < 0x80, bytes[end] != UInt8(ascii: "\\"),
            bytes[end] != UInt8(ascii: "\"")
        {
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            let string = String(decoding: bytes[index..<end], as: UTF8.self)
            index = end + 1
            return string
        }
        var text: [UInt8] = []
        while true {
            guard let byte = peek else {
                throw JSONRowError(column: start + 1, message: "a string is not closed")
            }
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let string = String(validating: text, as: UTF8.self) else {
                    throw JSONRowError(column: start + 1, message: "a string is not valid UTF-8 text")
                }
                return string
            case UInt8(ascii: "\\"):
                try escape(into: &text)
            case 0..<0x20:
                throw failure("a control character in a string must be escaped", at: index - 1)
            default:
                text.append(byte)
            }
        }
    }

    private mutating func escape(into text: inout [UInt8]) throws(JSONRowError) {
        guard let byte = peek else { throw failure("a string is not closed") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(byte)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard peek == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw failure("a \\u escape has half a surrogate pair")
                }
                index += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw failure("a \\u escape has half a surrogate pair") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw failure("a \\u escape is not a character") }
            text.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
            throw failure("unknown escape '\\\(Character(Unicode.Scalar(byte)))' in a string", at: index - 2)
        }
    }

    private mutating func hex4() throws(JSONRowError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("a \\u escape needs four hex digits")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while let byte = peek, isDigit(byte) { index += 1 }
    }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private func failure(_ message: String, at offset: Int? = nil) -> JSONRowError {
        JSONRowError(column: (offset ?? index) + 1, message: message)
    }
}
