import Foundation
import KoersSource

/// Writes an `Encodable` value as compact JSON straight into bytes.
///
/// It writes the session state the web API answers every answer with (package-wide, so that the
/// server uses it); the store writes session documents with the format's own writer,
/// `SessionFile.compactJSON()`.
///
/// Foundation's `JSONEncoder` first builds a tree of boxed values, checking every value's type
/// on the way, and then writes the tree; for a session document that was most of an answer's
/// time. This encoder writes as the value encodes itself. It gives the JSON `JSONEncoder` gives
/// with `.withoutEscapingSlashes` and `.iso8601` dates (dates as `2024-05-01T09:30:00Z`,
/// `Decimal` as a number, `Data` as Base64), except that object keys come in the order the value
/// writes them, not sorted: any JSON reader reads it the same.
///
/// It writes as it goes, so a value must finish one container before it writes to the one
/// around it again, as every `Codable` type in Koers does (it uses no nested containers at all):
/// a container is closed when its parent is written to again or when the value that opened it
/// is done. It keeps no coding path (`codingPath` is empty): no type Koers encodes reads it,
/// and the only error it throws itself names the value.
package struct CompactJSONEncoder {
    /// An encoder; it has no settings.
    package init() {}

    /// The JSON text of a value.
    ///
    /// - Throws: `EncodingError.invalidValue` for a number JSON cannot hold (infinity, NaN), or
    ///   what the value's own `encode(to:)` throws.
    package func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try bytes(value), as: UTF8.self)
    }

    /// The JSON of a value as UTF-8 bytes, for a caller that sends them on (an HTTP body)
    /// without making a `String` first.
    ///
    /// - Throws: As ``encode(_:)``.
    package func bytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        let output = JSONOutput()
        try output.value(value)
        output.close(to: 0)
        return output.bytes
    }
}

/// The bytes written so far and the containers still open.
private final class JSONOutput {
    /// An open object or array, whether it has an element yet, and the encoder that opened it.
    struct Frame {
        var isObject: Bool
        var isEmpty = true
        var owner: Int
    }

    // Used by one encoding at a time, never across an access to itself: no runtime checks.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    @exclusivity(unchecked) var open: [Frame] = []
    @exclusivity(unchecked) private var encoders = 0

    init() {
        bytes.reserveCapacity(8192)
    }

    private static let dates = Date.ISO8601FormatStyle()

    /// Closes the containers deeper than `depth`.
    func close(to depth: Int) {
        while open.count > depth {
            let frame = open.removeLast()
            bytes.append(frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        }
    }

    /// Opens a container for an encoder.
    func openContainer(object: Bool, owner: Int) {
        bytes.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        open.append(Frame(isObject: object, owner: owner))
    }

    /// A number for a new encoder, to know the containers it opened.
    func newEncoder() -> Int {
        encoders += 1
        return encoders
    }

    /// Starts an element of the container at `depth`: closes what a previous element left open,
    /// writes the comma and, in an object, the key.
    func element(of depth: Int, key: String?) {
        close(to: depth)
        guard depth > 0 else { return }
        if open[depth - 1].isEmpty {
            open[depth - 1].isEmpty = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
        if let key {
            string(key)
            bytes.append(UInt8(ascii: ":"))
        }
    }

    /// Writes any value: the few types `JSONEncoder` writes in its own way, else whatever the
    /// value encodes itself as (`{}` for a value that encodes nothing).
    func value<T: Encodable>(_ value: T) throws {
        // Compared by type first: a cast of every value costs more than writing it.
        if T.self == String.self {
            string(unsafeBitCast(value, to: String.self))
        } else if T.self == Bool.self {
            literal(unsafeBitCast(value, to: Bool.self) ? "true" : "false")
        } else if T.self == Date.self {
            string(unsafeBitCast(value, to: Date.self).formatted(Self.dates))
        } else if T.self == Decimal.self {
            literal(unsafeBitCast(value, to: Decimal.self).description)
        } else if T.self == Data.self {
            string(unsafeBitCast(value, to: Data.self).base64EncodedString())
        } else if T.self == URL.self {
            string(unsafeBitCast(value, to: URL.self).absoluteString)
        } else {
            let depth = open.count
            let start = bytes.count
            try value.encode(to: StreamEncoder(output: self))
            close(to: depth)
            if bytes.count == start { literal("{}") }
        }
    }

    func literal(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    func number<N: BinaryFloatingPoint & LosslessStringConvertible>(_ number: N) throws {
        guard number.isFinite else {
            throw EncodingError.invalidValue(
                number, EncodingError.Context(codingPath: [], debugDescription: "\(number) is not a JSON number")
            )
        }
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        literal(text)
    }

    /// A JSON string, escaped by the one escaper of Koers's JSON writers (``JSONString``).
    func string(_ text: String) {
        JSONString.appendQuoted(text, to: &bytes)
    }
}

/// The `Encoder` a value writes itself to.
///
/// A value may ask its encoder for its container more than once (a helper that writes part of
/// the fields asks again): then it gets the one it opened, as from `JSONEncoder`.
private struct StreamEncoder: Encoder {
    let output: JSONOutput
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// How many containers were open when the encoder was made: its own goes right above.
    private let base: Int
    /// Which encoder this is, to know its container.
    private let number: Int

    init(output: JSONOutput) {
        self.output = output
        base = output.open.count
        number = output.newEncoder()
    }

    /// The depth of this encoder's container, opened now unless it is open already.
    private func depth(object: Bool) -> Int {
        let depth = base + 1
        if output.open.count >= depth, output.open[base].owner == number, output.open[base].isObject == object {
            output.close(to: depth)
            return depth
        }
        output.openContainer(object: object, owner: number)
        return output.open.count
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedStream<Key>(output: output, depth: depth(object: true)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedStream(output: output, depth: depth(object: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueStream(output: output)
    }
}

/// An object being written.
private struct KeyedStream<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let output: JSONOutput
    /// The container's place in ``JSONOutput/open`` (one-based).
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    private func start(_ key: Key) {
        output.element(of: depth, key: key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws {
        start(key)
        output.literal("null")
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        start(key)
        output.literal(value ? "true" : "false")
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        start(key)
        output.string(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        start(key)
        try output.number(value)
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        start(key)
        try output.number(value)
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        start(key)
        output.literal(String(value))
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        start(key)
        try output.value(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        start(key)
        return StreamEncoder(output: output).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        start(key)
        return StreamEncoder(output: output).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        output.element(of: depth, key: "super")
        return StreamEncoder(output: output)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        start(key)
        return StreamEncoder(output: output)
    }
}

/// An array being written.
private struct UnkeyedStream: UnkeyedEncodingContainer {
    let output: JSONOutput
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var count = 0

    init(output: JSONOutput, depth: Int) {
        self.output = output
        self.depth = depth
    }

    private mutating func start() {
        output.element(of: depth, key: nil)
        count += 1
    }

    mutating func encodeNil() throws {
        start()
        output.literal("null")
    }

    mutating func encode(_ value: Bool) throws {
        start()
        output.literal(value ? "true" : "false")
    }

    mutating func encode(_ value: String) throws {
        start()
        output.string(value)
    }

    mutating func encode(_ value: Int) throws {
        start()
        output.literal(String(value))
    }

    mutating func encode(_ value: Double) throws {
        start()
        try output.number(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        start()
        try output.value(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        start()
        return StreamEncoder(output: output).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        start()
        return StreamEncoder(output: output).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        start()
        return StreamEncoder(output: output)
    }
}

/// A single value being written in place.
private struct SingleValueStream: SingleValueEncodingContainer {
    let output: JSONOutput
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { output.literal("null") }

    mutating func encode(_ value: Bool) throws { output.literal(value ? "true" : "false") }

    mutating func encode(_ value: String) throws { output.string(value) }

    mutating func encode(_ value: Int) throws { output.literal(String(value)) }

    mutating func encode(_ value: Double) throws { try output.number(value) }

    mutating func encode(_ value: Float) throws { try output.number(value) }

    mutating func encode<T: Encodable>(_ value: T) throws { try output.value(value) }
}
