/// Compact JSON written straight into a byte buffer: the one JSON writer of Koers (the batch
/// rows, the store's session documents and the API's session state), keys in the order they are
/// written, strings escaped by ``JSONString``, no spaces or line breaks.
///
/// The writer puts the commas in: one before every element of an object or array but the first.
/// What each module writes of its own (a session's answer, an exact number, a time) is an
/// extension of the writer in that module, made of these calls and ``appendValue(_:)``.
///
/// ```swift
/// var writer = JSONWriter()
/// writer.beginObject()
/// writer.key("id")
/// writer.string("set_klein")
/// writer.key("amounts")
/// writer.array([1, 2]) { writer, amount in writer.integer(amount) }
/// writer.key("note")
/// writer.null()
/// writer.endObject()
/// String(decoding: writer.bytes, as: UTF8.self)  // {"id":"set_klein","amounts":[1,2],"note":null}
/// ```
///
/// A writer writes one JSON value, or lines of JSON Lines with ``newline()`` after each. It does
/// not check that objects and arrays are closed, or that a key comes before each value of an
/// object: the code writing a document does that, and its tests hold it to a JSON reader.
public struct JSONWriter: Sendable {
    /// The bytes written so far.
    @usableFromInline var buffer: [UInt8]

    /// Whether the next element needs a comma before it: something was written and no object
    /// or array was opened, and no key written, since.
    @usableFromInline var needsComma = false

    /// A writer with nothing written yet.
    ///
    /// - Parameter capacity: How many bytes to reserve for what will be written.
    @inlinable
    public init(capacity: Int = 0) {
        buffer = []
        buffer.reserveCapacity(capacity)
    }

    /// The bytes written so far: the JSON text in UTF-8 once every object and array is closed.
    @inlinable
    public var bytes: [UInt8] { buffer }

    // MARK: Objects and arrays

    /// Opens an object: `{`.
    @inlinable
    public mutating func beginObject() {
        separate()
        buffer.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Closes the innermost object: `}`.
    @inlinable
    public mutating func endObject() {
        buffer.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Opens an array: `[`.
    @inlinable
    public mutating func beginArray() {
        separate()
        buffer.append(UInt8(ascii: "["))
        needsComma = false
    }

    /// Closes the innermost array: `]`.
    @inlinable
    public mutating func endArray() {
        buffer.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes an array of a sequence's elements, each written by a closure.
    ///
    /// ```swift
    /// writer.array(ids) { writer, id in writer.string(id) }
    /// ```
    ///
    /// - Parameters:
    ///   - elements: The elements.
    ///   - write: Writes one element as one JSON value.
    @inlinable
    public mutating func array<Elements: Sequence>(
        _ elements: Elements,
        _ write: (inout JSONWriter, Elements.Element) -> Void
    ) {
        beginArray()
        for element in elements {
            write(&self, element)
        }
        endArray()
    }

    // MARK: Keys

    /// Writes a key of an object and its colon; the value written next belongs to it.
    ///
    /// The name is copied as it is, so it must need no escapes (no `"`, `\` or control
    /// characters), as the field names a program spells out never do; a name that comes from
    /// data goes through ``key(quoting:)``.
    ///
    /// - Parameter name: The key, needing no escapes.
    @inlinable
    public mutating func key(_ name: StaticString) {
        separate()
        buffer.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { utf8 in
            assert(!utf8.contains(where: JSONString.needsEscape), "a JSON key needing escapes: \(name)")
            buffer.append(contentsOf: utf8)
        }
        buffer.append(UInt8(ascii: "\""))
        buffer.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a key of an object, escaped as a string is, and its colon; the value written next
    /// belongs to it.
    ///
    /// - Parameter name: The key: an id from a rule pack, a dictionary's key.
    @inlinable
    public mutating func key(quoting name: String) {
        separate()
        JSONString.appendQuoted(name, to: &buffer)
        buffer.append(UInt8(ascii: ":"))
        needsComma = false
    }

    // MARK: Values

    /// Writes a string in quotes, escaped by ``JSONString``.
    ///
    /// - Parameter text: The string.
    @inlinable
    public mutating func string(_ text: String) {
        separate()
        JSONString.appendQuoted(text, to: &buffer)
        needsComma = true
    }

    /// Writes a whole number in decimal digits: `-12`, `0`, `60000`.
    ///
    /// - Parameter value: The number.
    @inlinable
    public mutating func integer(_ value: Int) {
        separate()
        // A small string, which needs no allocation.
        buffer.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    /// Writes `true` or `false`.
    ///
    /// - Parameter value: The truth value.
    @inlinable
    public mutating func boolean(_ value: Bool) {
        separate()
        buffer.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    /// Writes `null`.
    @inlinable
    public mutating func null() {
        separate()
        buffer.append(contentsOf: "null".utf8)
        needsComma = true
    }

    /// Writes a field with a string, or nothing without one (as `encodeIfPresent` does).
    ///
    /// - Parameters:
    ///   - name: The field's name, which needs no escapes.
    ///   - text: The string, if there is one.
    @inlinable
    public mutating func optional(_ name: StaticString, _ text: String?) {
        guard let text else { return }
        key(name)
        string(text)
    }

    /// Writes one JSON value whose bytes the caller appends itself.
    ///
    /// It is for a time, a number in a form of its own, a value written before and kept; the
    /// writer puts the comma before it.
    ///
    /// ```swift
    /// writer.appendValue { bytes in JSONTime.appendQuoted(time, to: &bytes) }
    /// ```
    ///
    /// - Parameter write: Appends exactly one JSON value to the buffer.
    @inlinable
    public mutating func appendValue(_ write: (inout [UInt8]) -> Void) {
        separate()
        write(&buffer)
        needsComma = true
    }

    // MARK: Lines

    /// Ends a line of JSON Lines: a line break, after which the next value starts a new line
    /// without a comma.
    @inlinable
    public mutating func newline() {
        buffer.append(0x0A)
        needsComma = false
    }

    /// Hands the buffer to code that writes whole lines of JSON Lines itself.
    ///
    /// It is for use between lines, where no object or array is open, by code that writes lines
    /// with their line breaks; what it appends is not a value to the writer, so the next value
    /// gets no comma before it.
    ///
    /// - Parameter body: Appends whole lines to the buffer.
    /// - Returns: What `body` returns.
    @inlinable
    public mutating func withBytes<Result>(_ body: (inout [UInt8]) -> Result) -> Result {
        body(&buffer)
    }

    /// A comma if the element about to be written is not the first of its object or array.
    @inlinable
    mutating func separate() {
        if needsComma { buffer.append(UInt8(ascii: ",")) }
    }
}
