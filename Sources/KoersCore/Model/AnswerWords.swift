/// The words that stand for an answer that is not a value, wherever answers are typed or
/// written in a file (an interview, an answers file, a pack's test case).
public enum AnswerWords {
    /// Words that mean "I don't know", for questions with `allow_unknown: true` (compared
    /// lowercased, after trimming spaces).
    public static let unknown: Set<String> = [
        "?", "??", "weet niet", "weet ik niet", "onbekend", "unknown", "don't know", "dont know",
    ]
    /// Words that skip a question with `optional: true` (compared lowercased, after trimming).
    public static let skip: Set<String> = ["-", "skip", "overslaan", "overgeslagen", "skipped"]

    /// What a typed text means: "I don't know", a skip, or `nil` for an ordinary answer.
    public static func meaning(of text: String) -> SpecialAnswer? {
        let word = text.trimmingWhitespace().lowercased()
        if unknown.contains(word) { return .unknown }
        if skip.contains(word) { return .skipped }
        return nil
    }
}

/// An answer that is not a value.
public enum SpecialAnswer: String, Sendable, Hashable {
    /// "I don't know".
    case unknown
    /// The question was skipped.
    case skipped
}
