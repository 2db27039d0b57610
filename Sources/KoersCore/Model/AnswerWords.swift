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
        // Every answer typed passes here: most (`ja`, `€ 63.000`, an option id) are told apart by
        // their length or their first letter without lowercasing and hashing them.
        let trimmed = text.trimmingWhitespace()
        guard trimmed.utf8.count <= longestWord, let first = trimmed.utf8.first,
            firstBytes.contains(first | 0x20)
        else { return nil }
        let word = trimmed.lowercased()
        if unknown.contains(word) { return .unknown }
        if skip.contains(word) { return .skipped }
        return nil
    }

    /// The length in bytes of the longest word.
    private static let longestWord = unknown.union(skip).map(\.utf8.count).max() ?? 0
    /// The first bytes of the words, lowercased (`| 0x20` lowercases an ASCII letter and keeps
    /// `?` and `-`).
    private static let firstBytes = Set(unknown.union(skip).compactMap { $0.utf8.first.map { $0 | 0x20 } })
}

/// An answer that is not a value.
public enum SpecialAnswer: String, Sendable, Hashable {
    /// "I don't know".
    case unknown
    /// The question was skipped.
    case skipped
}
