import KoersSource

/// Writes compact JSON into a byte buffer, keys in the order they are written (so output rows
/// read the same every time), without going through `JSONSerialization`.
struct JSONWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []
    /// How many elements each open object or array holds so far.
    private var counts: [Int] = []
    /// Whether a key was just written, so the next value needs no comma.
    private var afterKey = false

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        counts.append(0)
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        counts.removeLast()
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        counts.append(0)
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        counts.removeLast()
    }

    /// Writes a key; the value written next belongs to it.
    mutating func key(_ key: String) {
        separate()
        appendQuoted(key)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    mutating func string(_ text: String) {
        separate()
        appendQuoted(text)
    }

    mutating func integer(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func boolean(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    /// Hands the buffer to code that writes whole rows itself (``DecisionWriter``), between
    /// rows, where no object or array is open.
    mutating func withBytes<Result>(_ body: (inout [UInt8]) -> Result) -> Result {
        body(&bytes)
    }

    /// Ends a line of JSON Lines.
    mutating func newline() {
        bytes.append(0x0A)
    }

    /// A comma before every element but the first of the innermost object or array.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let count = counts.last else { return }
        if count > 0 { bytes.append(UInt8(ascii: ",")) }
        counts[counts.count - 1] = count + 1
    }

    /// Appends a string in quotes with the escapes JSON needs (``JSONString``, the one escaper
    /// of Koers's JSON writers, which ``DecisionWriter`` calls too).
    private mutating func appendQuoted(_ text: String) {
        JSONString.appendQuoted(text, to: &bytes)
    }
}
