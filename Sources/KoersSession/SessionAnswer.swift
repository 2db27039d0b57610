public import Foundation
import KoersExpression
public import KoersInterview

/// One answer in a session: what was said, by whom, when, and a note.
///
/// In the file:
///
/// ```json
/// "pm_costs" : {
///   "answered_at" : "2024-05-01T09:30:00Z",
///   "answered_by" : "anna",
///   "note" : "Begroting versie 3",
///   "state" : "answered",
///   "type" : "money",
///   "value" : "30000.00"
/// }
/// ```
///
/// `state` is `answered` (with `value` and `type`), `unknown` ("I don't know") or `skipped`.
public struct SessionAnswer: Sendable, Hashable, Codable {
    /// What was said.
    public var state: AnswerState
    /// Who gave the answer.
    public var answeredBy: String
    /// When the answer was given.
    public var answeredAt: Date
    /// A note on the question, such as where the answer comes from.
    public var note: String?

    /// Creates an answer.
    ///
    /// - Parameters:
    ///   - state: What was said.
    ///   - answeredBy: Who gave it.
    ///   - answeredAt: When (kept to the second, as the file writes it).
    ///   - note: A note, if any.
    public init(_ state: AnswerState, answeredBy: String, answeredAt: Date, note: String? = nil) {
        self.state = state
        self.answeredBy = answeredBy
        self.answeredAt = SessionClock.truncated(answeredAt)
        self.note = note
    }

    private enum CodingKeys: String, CodingKey {
        case state
        case value
        case type
        case answeredBy = "answered_by"
        case answeredAt = "answered_at"
        case note
    }

    private enum StateName: String, Codable {
        case answered
        case unknown
        case skipped
    }

    /// Reads an answer, checking that its value fits its type.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` naming the key that is wrong.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        answeredBy = try container.decodeIfPresent(String.self, forKey: .answeredBy) ?? "unknown"
        answeredAt = try container.decode(Date.self, forKey: .answeredAt)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        let name = try container.decode(String.self, forKey: .state)
        switch StateName(rawValue: name) {
        case .unknown?:
            state = .unknown
        case .skipped?:
            state = .skipped
        case .answered?:
            let typeName = try container.decode(String.self, forKey: .type)
            guard let type = SessionValueCoding.type(named: typeName) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .type,
                    in: container,
                    debugDescription:
                        "'\(typeName)' is not a value type (number, money, percentage, boolean, text, date or 'list of …')"
                )
            }
            let json = try container.decode(JSONScalar.self, forKey: .value)
            switch SessionValueCoding.decode(json, as: type) {
            case .success(let value): state = .given(value)
            case .failure(let problem):
                throw DecodingError.dataCorruptedError(
                    forKey: .value,
                    in: container,
                    debugDescription: problem.description
                )
            }
        case nil:
            throw DecodingError.dataCorruptedError(
                forKey: .state,
                in: container,
                debugDescription: "'\(name)' is not an answer state (answered, unknown or skipped)"
            )
        }
    }

    /// Writes the answer.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch state {
        case .given(let value):
            try container.encode(StateName.answered, forKey: .state)
            try container.encode(SessionValueCoding.name(of: value.type), forKey: .type)
            try container.encode(SessionValueCoding.encode(value), forKey: .value)
        case .unknown:
            try container.encode(StateName.unknown, forKey: .state)
        case .skipped:
            try container.encode(StateName.skipped, forKey: .state)
        }
        try container.encode(answeredBy, forKey: .answeredBy)
        try container.encode(answeredAt, forKey: .answeredAt)
        try container.encodeIfPresent(note, forKey: .note)
    }
}

/// Timestamps as a session file keeps them: whole seconds, in UTC.
enum SessionClock {
    /// A time without its fraction of a second, so that it reads back equal.
    static func truncated(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}
