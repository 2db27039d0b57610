/// An optional property that JSON always writes: `null` when it is `nil`, where the synthesized
/// `Codable` conformance would leave the key out.
///
/// Koers's published formats (`koers-check/1`, `koers-report/1`) have every key present, so that
/// a reader tells "not known" (`null`) from "not in this version" (no key). Marking an optional
/// property `@Nullable` keeps that promise with the synthesized conformance, instead of a
/// hand-written `encode(to:)` that has to name every key and silently drops a new property when
/// someone forgets it:
///
/// ```swift
/// struct AmountEntry: Codable {
///     var id: String
///     @Nullable var value: String?   // {"id":"max","value":null}
/// }
/// ```
///
/// Decoding is as lenient as for a plain optional: a missing key and `null` both give `nil`.
@propertyWrapper
public struct Nullable<Wrapped> {
    /// The value, or `nil` for `null`.
    public var wrappedValue: Wrapped?

    /// Wraps a value.
    ///
    /// - Parameter wrappedValue: The value, or `nil` for `null`.
    public init(wrappedValue: Wrapped?) {
        self.wrappedValue = wrappedValue
    }
}

extension Nullable: Sendable where Wrapped: Sendable {}
extension Nullable: Equatable where Wrapped: Equatable {}
extension Nullable: Hashable where Wrapped: Hashable {}

extension Nullable: Encodable where Wrapped: Encodable {
    /// Writes the value, or `null` for `nil`.
    ///
    /// - Parameter encoder: The encoder, positioned at the property's key.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue {
            try container.encode(wrappedValue)
        } else {
            try container.encodeNil()
        }
    }
}

extension Nullable: Decodable where Wrapped: Decodable {
    /// Reads the value, or `nil` for `null`.
    ///
    /// - Parameter decoder: The decoder, positioned at the property's key.
    /// - Throws: `DecodingError` when the value is neither `null` nor a `Wrapped`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Wrapped.self)
    }
}

extension KeyedDecodingContainer {
    /// Reads a ``Nullable`` property; a missing key gives `nil`, as for a plain optional.
    ///
    /// The synthesized `init(from:)` calls this overload for a `@Nullable` property instead of
    /// the generic `decode(_:forKey:)`, which would throw for a missing key.
    ///
    /// - Parameters:
    ///   - type: The property's type.
    ///   - key: The property's key.
    /// - Returns: The value, or `nil` when the key is missing or `null`.
    /// - Throws: `DecodingError` when the value is neither `null` nor a `Wrapped`.
    public func decode<Wrapped: Decodable>(_ type: Nullable<Wrapped>.Type, forKey key: Key) throws
        -> Nullable<Wrapped>
    {
        Nullable(wrappedValue: try decodeIfPresent(Wrapped.self, forKey: key))
    }
}
