/// One field of a JSON Lines row as the fast path reads it: the position of its key in the
/// known keys and where its value lies in the line, without a string made for either.
struct ScannedField: Sendable {
    /// What kind of JSON value the field holds.
    enum Kind: UInt8, Sendable {
        case string, number, trueValue, falseValue, null, array
    }

    /// The key's position in ``JSONRowParser/KnownKeys``.
    var key: Int
    /// The value's first byte in the line (the opening quote of a string, `[` of a list).
    var start: Int
    /// Just past the value's last byte (past the closing quote or `]`).
    var end: Int
    /// The value's kind.
    var kind: Kind
}

/// Reads the common JSON Lines row (a flat object of known keys whose strings have no escapes)
/// as spans of the line's bytes, for the fast path of ``BatchRowEvaluator``.
///
/// It accepts exactly a subset of what ``JSONRowParser`` accepts and reads it the same way;
/// anything else (an unknown key, an escape or a control character in a string, a repeated key,
/// an object as a value, any syntax error) makes it give up, and the row then goes through
/// ``JSONRowParser`` and ``BatchRowDecoder``, which read it in full and say what is wrong.
/// Text that is not ASCII is left for the caller to check as UTF-8 when it makes a string.
enum RowScanner {
    /// Scans a line into `fields` (cleared first).
    ///
    /// - Parameters:
    ///   - line: The line, without its line break.
    ///   - known: The keys expected (the pack's question ids, then `_id` and `_date`).
    ///   - seen: A buffer for the keys seen, one bit per known key; reset here.
    ///   - fields: Receives the fields in the order they were written.
    /// - Returns: `false` when the row is not of the plain kind this reads.
    static func scan(
        _ line: UnsafeBufferPointer<UInt8>,
        known: JSONRowParser.KnownKeys,
        seen: inout [UInt64],
        into fields: inout [ScannedField]
    ) -> Bool {
        fields.removeAll(keepingCapacity: true)
        let words = (known.keys.count + 63) / 64
        if seen.count != words {
            seen = [UInt64](repeating: 0, count: words)
        } else {
            for word in seen.indices { seen[word] = 0 }
        }
        let count = line.count
        var index = skipSpace(line, 0)
        guard index < count, line[index] == UInt8(ascii: "{") else { return false }
        index = skipSpace(line, index + 1)
        guard index < count else { return false }
        if line[index] == UInt8(ascii: "}") {
            return skipSpace(line, index + 1) == count
        }
        while true {
            // A key: plain ASCII between quotes, and one of the known ones.
            guard index < count, line[index] == UInt8(ascii: "\"") else { return false }
            let keyStart = index + 1
            var end = keyStart
            var hash = JSONRowParser.fingerprintBasis
            while end < count {
                let byte = line[end]
                guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return false }
                if byte == UInt8(ascii: "\"") { break }
                hash = (hash ^ UInt64(byte)) &* JSONRowParser.fingerprintPrime
                end += 1
            }
            guard end < count, end - keyStart <= JSONRowParser.maximumKeyLength,
                let key = known.position(of: UnsafeBufferPointer(rebasing: line[keyStart..<end]), fingerprint: hash)
            else { return false }
            let (word, bit) = key.quotientAndRemainder(dividingBy: 64)
            guard seen[word] & (1 << UInt64(bit)) == 0 else { return false }
            seen[word] |= 1 << UInt64(bit)
            index = skipSpace(line, end + 1)
            guard index < count, line[index] == UInt8(ascii: ":") else { return false }
            index = skipSpace(line, index + 1)
            guard index < count else { return false }
            let start = index
            let kind: ScannedField.Kind
            if line[index] == UInt8(ascii: "[") {
                index = skipSpace(line, index + 1)
                guard index < count else { return false }
                if line[index] != UInt8(ascii: "]") {
                    while true {
                        guard index < count, line[index] != UInt8(ascii: "["), line[index] != UInt8(ascii: "{"),
                            let next = scalarEnd(line, index)
                        else { return false }
                        index = skipSpace(line, next.end)
                        guard index < count else { return false }
                        if line[index] == UInt8(ascii: ",") {
                            index = skipSpace(line, index + 1)
                            continue
                        }
                        guard line[index] == UInt8(ascii: "]") else { return false }
                        break
                    }
                }
                index += 1
                kind = .array
            } else {
                guard let scalar = scalarEnd(line, index) else { return false }
                index = scalar.end
                kind = scalar.kind
            }
            fields.append(ScannedField(key: key, start: start, end: index, kind: kind))
            index = skipSpace(line, index)
            guard index < count else { return false }
            if line[index] == UInt8(ascii: ",") {
                index = skipSpace(line, index + 1)
                continue
            }
            guard line[index] == UInt8(ascii: "}") else { return false }
            return skipSpace(line, index + 1) == count
        }
    }

    /// The end and kind of the scalar starting at `index`, or `nil` when it is not one this
    /// reads (a string with an escape or a control character, a malformed number or word).
    static func scalarEnd(_ line: UnsafeBufferPointer<UInt8>, _ index: Int) -> (end: Int, kind: ScannedField.Kind)? {
        let count = line.count
        guard index < count else { return nil }
        switch line[index] {
        case UInt8(ascii: "\""):
            var end = index + 1
            while end < count {
                let byte = line[end]
                if byte == UInt8(ascii: "\"") { return (end + 1, .string) }
                guard byte >= 0x20, byte != UInt8(ascii: "\\") else { return nil }
                end += 1
            }
            return nil
        case UInt8(ascii: "t"):
            return word(line, index, "true").map { ($0, .trueValue) }
        case UInt8(ascii: "f"):
            return word(line, index, "false").map { ($0, .falseValue) }
        case UInt8(ascii: "n"):
            return word(line, index, "null").map { ($0, .null) }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return numberEnd(line, index).map { ($0, .number) }
        default:
            return nil
        }
    }

    /// The end of a JSON number as ``JSONRowParser`` reads it.
    private static func numberEnd(_ line: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        let count = line.count
        var index = start
        if line[index] == UInt8(ascii: "-") { index += 1 }
        guard index < count, isDigit(line[index]) else { return nil }
        if line[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < count, isDigit(line[index]) { index += 1 }
        }
        if index < count, line[index] == UInt8(ascii: ".") {
            index += 1
            guard index < count, isDigit(line[index]) else { return nil }
            while index < count, isDigit(line[index]) { index += 1 }
        }
        if index < count, line[index] == UInt8(ascii: "e") || line[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, line[index] == UInt8(ascii: "+") || line[index] == UInt8(ascii: "-") { index += 1 }
            guard index < count, isDigit(line[index]) else { return nil }
            while index < count, isDigit(line[index]) { index += 1 }
        }
        return index
    }

    private static func word(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ text: StaticString) -> Int? {
        let length = text.utf8CodeUnitCount
        guard start + length <= line.count else { return nil }
        let utf8 = text.utf8Start
        for offset in 0..<length where line[start + offset] != utf8[offset] { return nil }
        return start + length
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func skipSpace(_ line: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var index = start
        while index < line.count {
            let byte = line[index]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { break }
            index += 1
        }
        return index
    }
}
