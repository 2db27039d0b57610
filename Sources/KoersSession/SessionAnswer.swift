public import Foundation
import KoersExpression
public import KoersInterview

/// One answer in a session: what was said, by whom, when, a note with its own author, and
/// where the answer came from when it was taken over from another session.
///
/// In the file:
///
/// ```json
/// "pm_costs" : {
///   "answered_at" : "2024-05-01T09:30:00Z",
///   "answered_by" : "anna",
///   "note" : "Begroting versie 3",
///   "note_at" : "2024-05-01T09:30:00Z",
///   "note_by" : "anna",
///   "state" : "answered",
///   "type" : "money",
///   "value" : "30000.00"
/// }
/// ```
///
/// `state` is `answered` (with `value` and `type`), `unknown` ("I don't know") or `skipped`.
/// `note_by`, `note_at` and `taken_over` (``AnswerOrigin``) are optional; older files do not
/// have them, and a note without `note_by` was written by whoever gave the answer it is with.
public struct SessionAnswer: Sendable, Hashable, Codable {
    /// What was said.
    public var state: AnswerState
    /// Who gave the answer.
    public var answeredBy: String
    /// When the answer was given.
    public var answeredAt: Date
    /// A note on the question, such as where the answer comes from.
    public var note: String?
    /// Who wrote the note; `nil` in older files, where it is ``answeredBy``.
    public var noteBy: String?
    /// When the note was written; `nil` in older files.
    public var noteAt: Date?
    /// Where the answer was taken over from, for an answer that came from another session.
    public var origin: AnswerOrigin?

    /// Creates an answer.
    ///
    /// - Parameters:
    ///   - state: What was said.
    ///   - answeredBy: Who gave it.
    ///   - answeredAt: When (kept to the second, as the file writes it).
    ///   - note: A note, if any; written by `answeredBy` at `answeredAt`.
    ///   - origin: Where it was taken over from, if it was.
    public init(
        _ state: AnswerState,
        answeredBy: String,
        answeredAt: Date,
        note: String? = nil,
        origin: AnswerOrigin? = nil
    ) {
        self.state = state
        self.answeredBy = answeredBy
        self.answeredAt = SessionClock.truncated(answeredAt)
        self.note = note
        self.noteBy = note == nil ? nil : answeredBy
        self.noteAt = note == nil ? nil : SessionClock.truncated(answeredAt)
        self.origin = origin
    }

    /// Who wrote the note: ``noteBy``, or for an older file the one who gave the answer.
    public var noteAuthor: String? { note == nil ? nil : noteBy ?? answeredBy }

    /// Whether the answer was taken over from another session and nobody confirmed it here yet.
    public var awaitsConfirmation: Bool { origin.map { !$0.isConfirmed } ?? false }

    private enum CodingKeys: String, CodingKey {
        case state
        case value
        case type
        case answeredBy = "answered_by"
        case answeredAt = "answered_at"
        case note
        case noteBy = "note_by"
        case noteAt = "note_at"
        case origin = "taken_over"
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
        noteBy = try container.decodeIfPresent(String.self, forKey: .noteBy)
        noteAt = try container.decodeIfPresent(Date.self, forKey: .noteAt)
        origin = try container.decodeIfPresent(AnswerOrigin.self, forKey: .origin)
        state = try Self.decodeState(from: decoder)
    }

    /// Reads `state`, `type` and `value` of an answer (in `answers` or in the history).
    static func decodeState(from decoder: any Decoder) throws -> AnswerState {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .state)
        switch StateName(rawValue: name) {
        case .unknown?:
            return .unknown
        case .skipped?:
            return .skipped
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
            let json = try container.decode(StoredAnswerJSON.self, forKey: .value)
            switch SessionValueCoding.decode(json, as: type) {
            case .success(let value): return .given(value)
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
        try Self.encodeState(state, to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(answeredBy, forKey: .answeredBy)
        try container.encode(answeredAt, forKey: .answeredAt)
        try container.encodeIfPresent(note, forKey: .note)
        if note != nil {
            try container.encodeIfPresent(noteBy, forKey: .noteBy)
            try container.encodeIfPresent(noteAt, forKey: .noteAt)
        }
        try container.encodeIfPresent(origin, forKey: .origin)
    }

    /// Writes `state`, `type` and `value` of an answer.
    static func encodeState(_ state: AnswerState, to encoder: any Encoder) throws {
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
    }
}

/// Timestamps as a session file keeps them: whole seconds, in UTC.
enum SessionClock {
    /// A time without its fraction of a second, so that it reads back equal.
    static func truncated(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}
