public import Foundation
import KoersExpression
public import KoersInterview

/// One change in a session: who changed what, when, from what to what.
///
/// Every change of an answer, a note, a score override or a confirmation is appended to the
/// session's ``SessionFile/history``, so that nobody's answer or note silently disappears under
/// a colleague's name. In the file (`history`, which older files do not have):
///
/// ```json
/// { "at" : "2026-09-14T09:05:00Z", "by" : "bert", "id" : "pm_costs", "kind" : "answer",
///   "new" : { "state" : "answered", "type" : "money", "value" : "32000.00" },
///   "old" : { "state" : "answered", "type" : "money", "value" : "30000.00" } }
/// ```
///
/// `old` is missing for something new, `new` for something removed; an answer taken over has
/// `source`, where it came from. Answers are written as in
/// `answers` (without who and when), notes and names as text, overrides as
/// `{"value", "justification"}`.
public struct SessionChange: Sendable, Hashable, Codable {
    /// What changed.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// An answer was given, changed or removed.
        case answer
        /// A note was written, changed or removed.
        case note
        /// An answer was taken over from another session or file (``AnswerOrigin``).
        case takenOver = "taken_over"
        /// A coach confirmed an answer that was taken over.
        case takenOverConfirmed = "taken_over_confirmed"
        /// A score override was set, changed or removed.
        case override
        /// A second person confirmed a score override.
        case overrideConfirmed = "override_confirmed"
        /// A second person verified a score (computed or overridden) as it stood.
        case scoreVerified = "score_verified"
        /// A second person disputed a score, with a reason.
        case scoreDisputed = "score_disputed"
    }

    /// What a changed thing was or became.
    public enum Content: Sendable, Hashable {
        /// An answer.
        case answer(AnswerState)
        /// A note, or a name (for a confirmation), or where an answer was taken over from.
        case text(String)
        /// A score override.
        case override(value: Decimal, justification: String)
    }

    /// What changed.
    public var kind: Kind
    /// The question or score it is about.
    public var id: String
    /// Who changed it.
    public var by: String
    /// When (to the second).
    public var at: Date
    /// What it was; `nil` when it is new.
    public var old: Content?
    /// What it became; `nil` when it was removed.
    public var new: Content?
    /// For an answer taken over: where from, as a person names it (`Maturity scan 0-meting,
    /// scan.json`).
    public var source: String?

    /// Creates a change.
    ///
    /// - Parameters:
    ///   - kind: What changed.
    ///   - id: The question or score.
    ///   - by: Who.
    ///   - at: When (kept to the second).
    ///   - old: What it was.
    ///   - new: What it became.
    ///   - source: For an answer taken over, where from.
    public init(kind: Kind, id: String, by: String, at: Date, old: Content?, new: Content?, source: String? = nil) {
        self.kind = kind
        self.id = id
        self.by = by
        self.at = SessionClock.truncated(at)
        self.old = old
        self.new = new
        self.source = source
    }

    private enum CodingKeys: String, CodingKey {
        case kind, id, by, at, old, new, source
    }
}

extension SessionChange.Content: Codable {
    private enum CodingKeys: String, CodingKey {
        case state, type, value, justification
    }

    /// Reads a content: a string is text, an object with `state` an answer, one with
    /// `justification` an override.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when it is none of these.
    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self = .text(text)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.justification) {
            let text = try container.decode(String.self, forKey: .value)
            guard let value = SessionValueCoding.decimal(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .value,
                    in: container,
                    debugDescription: "'\(text)' is not a decimal number such as \"7\" or \"3.5\""
                )
            }
            self = .override(value: value.decimal, justification: try container.decode(String.self, forKey: .justification))
            return
        }
        self = .answer(try SessionAnswer.decodeState(from: decoder))
    }

    /// Writes the content.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .text(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .override(let value, let justification):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(SessionValueCoding.decimalString(ExactNumber(value), minimumFractionDigits: 0), forKey: .value)
            try container.encode(justification, forKey: .justification)
        case .answer(let state):
            try SessionAnswer.encodeState(state, to: encoder)
        }
    }
}
