public import Foundation

/// An answer that no longer fits the pack (its question was removed or changed), kept in the
/// session file instead of being dropped.
///
/// ```json
/// { "answer" : { … }, "pack_version" : "0.1.0", "question" : "old_question",
///   "reason" : { "en" : "The question no longer exists in the pack.", "nl" : "…" },
///   "set_aside_at" : "2024-05-02T08:00:00Z" }
/// ```
public struct SetAsideAnswer: Sendable, Hashable, Codable {
    /// The question the answer was given to.
    public var questionID: String
    /// The answer as it was.
    public var answer: SessionAnswer
    /// The version of the pack it was given under.
    public var packVersion: String
    /// Why it was set aside, by language code (`nl`, `en`).
    public var reason: [String: String]
    /// When it was set aside.
    public var setAsideAt: Date

    /// Creates a set-aside answer.
    ///
    /// - Parameters:
    ///   - questionID: The question.
    ///   - answer: The answer.
    ///   - packVersion: The pack version it was given under.
    ///   - reason: Why, by language code.
    ///   - setAsideAt: When.
    public init(
        questionID: String,
        answer: SessionAnswer,
        packVersion: String,
        reason: [String: String],
        setAsideAt: Date
    ) {
        self.questionID = questionID
        self.answer = answer
        self.packVersion = packVersion
        self.reason = reason
        self.setAsideAt = SessionClock.truncated(setAsideAt)
    }

    /// The reason in a language, falling back to English, then to any language.
    ///
    /// - Parameter language: A language code such as `nl`.
    /// - Returns: The reason.
    public func reason(in language: String) -> String {
        reason[language] ?? reason["en"] ?? reason.values.sorted().first ?? ""
    }

    private enum CodingKeys: String, CodingKey {
        case questionID = "question"
        case answer
        case packVersion = "pack_version"
        case reason
        case setAsideAt = "set_aside_at"
    }
}
