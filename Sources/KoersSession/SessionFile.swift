public import Foundation
public import KoersCore
public import KoersExpression
import Synchronization

/// A saved interview: the pack it is for, the evaluation date and language, every answer with
/// who gave it and when, notes, score overrides, and what the questions looked like.
///
/// Written as pretty-printed JSON with sorted keys, so that a person can read it and a diff
/// shows what changed:
///
/// ```json
/// {
///   "answers" : {
///     "is_care_provider" : { "answered_at" : "2024-05-01T09:30:00Z", "answered_by" : "anna",
///                            "state" : "answered", "type" : "boolean", "value" : true }
///   },
///   "created_at" : "2024-05-01T09:29:12Z",
///   "evaluation_date" : "2021-10-01",
///   "format" : "koers-session/1",
///   "language" : "nl",
///   "pack_id" : "set-eligibility",
///   "pack_version" : "0.1.0",
///   "questions" : { "is_care_provider" : { "type" : "boolean", "value_type" : "boolean" } },
///   "score_overrides" : { },
///   "set_aside" : [ ],
///   "updated_at" : "2024-05-01T09:30:00Z"
/// }
/// ```
///
/// Newer files may also have `label` (a name for the session, such as `0-meting`) and `history`
/// (every change, ``SessionChange``); answers may have `note_by`, `note_at` and `taken_over`
/// (``SessionAnswer``, ``AnswerOrigin``). All are optional: older files read as before, and a
/// session without them is written without them.
///
/// ``SessionStore`` reads and writes it; ``adapt(to:at:)`` reconciles it with a pack that
/// changed since it was saved; ``takeOver(from:interview:by:at:)`` fills a new session with the
/// answers of another one.
public struct SessionFile: Sendable, Hashable, Codable {
    /// The format marker, ``SessionFormat/current``.
    public var format: String
    /// The id of the pack the answers are for.
    public var packID: String
    /// The version of the pack when the session was last saved.
    public var packVersion: String
    /// The date the answers are evaluated as of.
    public var evaluationDate: CalendarDate
    /// The language questions and results are shown in: `nl` or `en`.
    public var language: String
    /// When the session was started.
    public var createdAt: Date
    /// When it was last changed.
    public var updatedAt: Date
    /// The answers by question id.
    public var answers: [String: SessionAnswer]
    /// Coaches' overrides of scores, by score id.
    public var scoreOverrides: [String: SessionOverride]
    /// The questions as they were when the session was saved, by question id.
    public var questions: [String: QuestionFingerprint]
    /// Answers that no longer fit the pack, kept rather than dropped.
    public var setAside: [SetAsideAnswer]
    /// A name for the session, such as a measurement (`0-meting`, `vervolgmeting`); later
    /// sessions that take over its answers show it.
    public var label: String?
    /// Every change of an answer, a note, an override or a confirmation, oldest first.
    public var history: [SessionChange]
    /// Second persons' verifications and disputes of scores, by score id
    /// (``ScoreVerification``); `score_verifications` in the file, only when there are some.
    public var scoreVerifications: [String: ScoreVerification] = [:]

    /// Starts an empty session for a pack.
    ///
    /// - Parameters:
    ///   - pack: The pack.
    ///   - evaluationDate: The date to evaluate as of.
    ///   - language: `nl` or `en`.
    ///   - now: The time the session starts.
    public init(pack: RulePack, evaluationDate: CalendarDate, language: String, now: Date = Date()) {
        let time = SessionClock.truncated(now)
        self.format = SessionFormat.current
        self.packID = pack.id
        self.packVersion = pack.manifest.version.description
        self.evaluationDate = evaluationDate
        self.language = language
        self.createdAt = time
        self.updatedAt = time
        self.answers = [:]
        self.scoreOverrides = [:]
        self.questions = Self.fingerprints(of: pack)
        self.setAside = []
        self.label = nil
        self.history = []
    }

    /// The fingerprints of every question of a pack, by question id.
    ///
    /// Equal fingerprints of a pack come back as the very dictionary returned before, so that
    /// the sessions of a pack share one: comparing two of them is then immediate, which
    /// ``compactJSON()`` does on every save to copy the `questions` it wrote before.
    ///
    /// - Parameter pack: The pack.
    /// - Returns: The fingerprints.
    public static func fingerprints(of pack: RulePack) -> [String: QuestionFingerprint] {
        let fresh = Dictionary(
            pack.questions.map { ($0.id, QuestionFingerprint($0)) },
            uniquingKeysWith: { first, _ in first }
        )
        return sharedFingerprints.withLock { shared in
            if let known = shared[pack.id], known == fresh { return known }
            if shared.count >= 64 { shared.removeAll() }
            shared[pack.id] = fresh
            return fresh
        }
    }

    /// The fingerprints last returned for each pack id.
    private static let sharedFingerprints = Mutex<[String: [String: QuestionFingerprint]]>([:])

    private enum CodingKeys: String, CodingKey {
        case format
        case packID = "pack_id"
        case packVersion = "pack_version"
        case evaluationDate = "evaluation_date"
        case language
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case answers
        case scoreOverrides = "score_overrides"
        case questions
        case setAside = "set_aside"
        case label
        case history
        case scoreVerifications = "score_verifications"
    }

    /// Reads a session; missing collections read as empty.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` naming the key that is wrong.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        packID = try container.decode(String.self, forKey: .packID)
        packVersion = try container.decode(String.self, forKey: .packVersion)
        evaluationDate = try container.decode(CalendarDate.self, forKey: .evaluationDate)
        language = try container.decodeIfPresent(String.self, forKey: .language) ?? "nl"
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decodeIfPresent(Date.self, forKey: .updatedAt) ?? createdAt
        answers = try container.decodeIfPresent([String: SessionAnswer].self, forKey: .answers) ?? [:]
        scoreOverrides = try container.decodeIfPresent([String: SessionOverride].self, forKey: .scoreOverrides) ?? [:]
        questions = try container.decodeIfPresent([String: QuestionFingerprint].self, forKey: .questions) ?? [:]
        setAside = try container.decodeIfPresent([SetAsideAnswer].self, forKey: .setAside) ?? []
        label = try container.decodeIfPresent(String.self, forKey: .label)
        history = try container.decodeIfPresent([SessionChange].self, forKey: .history) ?? []
        scoreVerifications =
            try container.decodeIfPresent([String: ScoreVerification].self, forKey: .scoreVerifications) ?? [:]
    }

    /// Writes a session; `label` and `history` only when there are some, so that a session
    /// without them reads the same in an older Koers.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(packID, forKey: .packID)
        try container.encode(packVersion, forKey: .packVersion)
        try container.encode(evaluationDate, forKey: .evaluationDate)
        try container.encode(language, forKey: .language)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(answers, forKey: .answers)
        try container.encode(scoreOverrides, forKey: .scoreOverrides)
        try container.encode(questions, forKey: .questions)
        try container.encode(setAside, forKey: .setAside)
        try container.encodeIfPresent(label, forKey: .label)
        if !history.isEmpty { try container.encode(history, forKey: .history) }
        if !scoreVerifications.isEmpty { try container.encode(scoreVerifications, forKey: .scoreVerifications) }
    }
}
