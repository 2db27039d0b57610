public import Foundation
public import KoersCore

/// A coach's override of a computed score, with who set it and when.
///
/// The value is written as an exact decimal string (`"7"`, `"3.5"`). The computed score is not
/// stored: the evaluation recomputes it and a report shows both.
public struct SessionOverride: Sendable, Hashable, Codable {
    /// The value that counts instead of the computed one.
    public var value: Decimal
    /// Why the computed value does not fit.
    public var justification: String
    /// Who set it.
    public var by: String
    /// When it was set.
    public var at: Date

    /// Creates an override.
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - justification: Why.
    ///   - by: Who.
    ///   - at: When (kept to the second).
    public init(value: Decimal, justification: String, by: String, at: Date) {
        self.value = value
        self.justification = justification
        self.by = by
        self.at = SessionClock.truncated(at)
    }

    /// The override as the engine takes it.
    public var scoreOverride: ScoreOverride { ScoreOverride(value: value, justification: justification) }

    private enum CodingKeys: String, CodingKey {
        case value, justification, by, at
    }

    /// Reads an override.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when the value is not a decimal string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .value)
        guard let value = SessionValueCoding.decimal(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: .value,
                in: container,
                debugDescription: "'\(text)' is not a decimal number such as \"7\" or \"3.5\""
            )
        }
        self.value = value
        justification = try container.decode(String.self, forKey: .justification)
        by = try container.decodeIfPresent(String.self, forKey: .by) ?? "unknown"
        at = try container.decode(Date.self, forKey: .at)
    }

    /// Writes the override.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(SessionValueCoding.decimalString(value, minimumFractionDigits: 0), forKey: .value)
        try container.encode(justification, forKey: .justification)
        try container.encode(by, forKey: .by)
        try container.encode(at, forKey: .at)
    }
}
