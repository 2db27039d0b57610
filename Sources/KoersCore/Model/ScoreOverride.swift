public import Foundation

/// A coach's own value for a computed score, with the reason for it.
///
/// The computed value is always kept beside it, so a report shows both.
public struct ScoreOverride: Sendable, Hashable, Codable {
    /// The value the coach sets.
    public var value: Decimal
    /// Why the computed value does not fit: required, so that a reader can judge it.
    public var justification: String

    /// Creates an override.
    ///
    /// - Parameters:
    ///   - value: The value the coach sets.
    ///   - justification: Why the computed value does not fit.
    public init(value: Decimal, justification: String) {
        self.value = value
        self.justification = justification
    }
}
