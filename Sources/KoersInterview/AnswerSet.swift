public import KoersExpression

/// What a person said to one question.
public enum AnswerState: Sendable, Hashable {
    /// A value, already checked against the question's type and validations.
    case given(Value)
    /// "I don't know", where the question allows it: the value stays unknown and the
    /// question is not asked again.
    case unknown
    /// An optional question the person chose to skip.
    case skipped

    /// The value, when one was given.
    public var value: Value? {
        if case .given(let value) = self { return value }
        return nil
    }
}

/// The answers of one interview by question id, as the engine sees them.
///
/// Who gave an answer and when, and notes, belong to the session that stores the answers;
/// the engine needs only what was said.
public struct AnswerSet: Sendable, Hashable, Sequence {
    private var states: [String: AnswerState]

    /// Creates an answer set.
    ///
    /// - Parameter states: The answers by question id.
    public init(_ states: [String: AnswerState] = [:]) {
        self.states = states
    }

    /// Creates an answer set of given values.
    ///
    /// - Parameter values: The values by question id.
    public init(values: [String: Value]) {
        self.states = values.mapValues(AnswerState.given)
    }

    /// The answer to a question, or `nil` when it has not been answered.
    public subscript(questionID: String) -> AnswerState? {
        get { states[questionID] }
        set { states[questionID] = newValue }
    }

    /// How many questions have an answer (including "I don't know" and skipped).
    public var count: Int { states.count }

    /// Whether nothing has been answered yet.
    public var isEmpty: Bool { states.isEmpty }

    /// The ids of the answered questions, in no particular order.
    public var questionIDs: Dictionary<String, AnswerState>.Keys { states.keys }

    /// Iterates over the answers as (question id, answer) pairs, in no particular order.
    public func makeIterator() -> Dictionary<String, AnswerState>.Iterator { states.makeIterator() }
}
