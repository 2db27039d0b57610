public import KoersExpression

/// A kind of question, such as `money` or `single_choice`: what its answer is in expressions and
/// how a person's input becomes that value.
///
/// The built-in types register through ``PluginRegistry`` like any plugin's would.
public protocol QuestionType: Sendable {
    /// The id packs write after `type:`, such as `money`.
    var id: String { get }
    /// One line for docs and `koers list --types`.
    var summary: String { get }
    /// The type the answer has in expressions. For a `scale` question this is `number`.
    var valueType: ValueType { get }
    /// Whether a question of this type lists `options`.
    var options: QuestionOptionsUsage { get }
    /// Whether `min` and `max` may be given.
    var acceptsBounds: Bool { get }

    /// Turns what a person typed (or an answers file holds) into a value, or says in words a
    /// person understands why it is not an answer.
    ///
    /// - Parameters:
    ///   - input: The raw input.
    ///   - question: The question being answered, for its options and bounds.
    /// - Returns: The value, or the problem.
    func parse(_ input: AnswerInput, for question: Question) -> Result<Value, AnswerProblem>
}

/// Whether a question type lists options.
public enum QuestionOptionsUsage: Sendable, Hashable {
    /// `options` must be given, with at least two.
    case required
    /// `options` may be given (for example labels of a scale).
    case optional
    /// `options` makes no sense for this type.
    case notAllowed
}

/// A raw answer: one piece of text, or several for a multiple-choice question.
public enum AnswerInput: Sendable, Hashable {
    /// One piece of text, as typed or as written in a file.
    case text(String)
    /// Several pieces of text, such as the chosen options.
    case list([String])
}

/// Why an input is not an acceptable answer, in words a person understands.
public struct AnswerProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The explanation, in the pack's languages.
    public var message: LocalizedText

    /// Creates a problem.
    ///
    /// - Parameter message: The explanation.
    public init(_ message: LocalizedText) {
        self.message = message
    }

    /// Creates a problem from a Dutch and an English sentence.
    ///
    /// - Parameters:
    ///   - dutch: The Dutch explanation.
    ///   - english: The English explanation.
    public init(nl dutch: String, en english: String) {
        self.init(LocalizedText([("nl", dutch), ("en", english)]))
    }

    /// The English explanation.
    public var description: String { message.text(in: "en") }
}
