public import Foundation
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

    /// Turns what a person typed (or an answers file holds), or an exact number or truth value
    /// from JSON, into a value, or says in words a person understands why it is not an answer.
    ///
    /// An exact input (``AnswerInput/number(_:)-enum.case``, ``AnswerInput/boolean(_:)``) is taken as it
    /// is: a type never turns it into text to read it back.
    ///
    /// - Parameters:
    ///   - input: The input; never ``AnswerInput/value(_:)``, which goes to ``accept(_:for:)``.
    ///   - question: The question being answered, for its options and bounds.
    /// - Returns: The value, or the problem.
    func parse(_ input: AnswerInput, for question: Question) -> Result<Value, AnswerProblem>

    /// Checks a value the engine gave earlier (a saved session, a resumed interview) against the
    /// question as it stands now: its type, its options and its bounds.
    ///
    /// The default checks the type and the options; a type with bounds adds them.
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - question: The question.
    /// - Returns: The value (converted to the question's type where a number meets money), or
    ///   the problem.
    func accept(_ value: Value, for question: Question) -> Result<Value, AnswerProblem>
}

extension QuestionType {
    /// Checks the value's type and, for choices, that every chosen option still exists.
    public func accept(_ value: Value, for question: Question) -> Result<Value, AnswerProblem> {
        acceptTypeAndOptions(value, for: question)
    }

    /// The check every type starts with: the value has the question's type (a number is taken
    /// as money for a money question) and names only options the question has.
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - question: The question.
    /// - Returns: The value in the question's type, or the problem.
    public func acceptTypeAndOptions(_ value: Value, for question: Question) -> Result<Value, AnswerProblem> {
        guard let converted = value.converted(to: question.valueType) else {
            return .failure(
                AnswerProblem(
                    nl: "Het opgeslagen antwoord past niet meer bij het type van deze vraag.",
                    en: "The saved answer no longer fits the type of this question."
                )
            )
        }
        guard !question.options.isEmpty, question.valueType != .number else { return .success(converted) }
        let chosen: [Value] = if case .list(let elements, _) = converted { elements } else { [converted] }
        for case .text(let id) in chosen where !question.options.contains(where: { $0.id == id }) {
            return .failure(
                AnswerProblem(
                    nl: "De keuze '\(id)' bestaat niet meer bij deze vraag.",
                    en: "The choice '\(id)' no longer exists for this question."
                )
            )
        }
        return .success(converted)
    }
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

/// An answer on its way in, as it reached Koers: typed by a person, or exact.
///
/// Typed text is read the way a person writes (`€ 125.000`, `ja`, `12,5`); exact values keep
/// their type from the edge to the engine: a JSON number is an `ExactNumber` and never becomes
/// text to be read back, a saved value is only checked.
public enum AnswerInput: Sendable, Hashable {
    /// One piece of text, as typed or as written in a file.
    case text(String)
    /// Several pieces of text, such as the chosen options.
    case list([String])
    /// An exact number, such as a JSON number: `125000.5` is that number, never a grouped
    /// thousand. For a percentage question it is the percentage (`20` is 20%).
    case number(ExactNumber)
    /// An exact truth value, such as a JSON boolean.
    case boolean(Bool)
    /// A value the engine gave earlier, such as an answer in a saved session; it is checked
    /// against the question as it stands now (``QuestionType/accept(_:for:)``), not read.
    case value(Value)
    /// "I don't know", where the question allows it.
    case dontKnow
    /// Skip an optional question.
    case skip

    /// An exact number given as a `Decimal`; disfavoured so that `.number(5)` makes an
    /// `ExactNumber` directly.
    @_disfavoredOverload
    public static func number(_ decimal: Decimal) -> AnswerInput { .number(ExactNumber(decimal)) }

    /// The input as one piece of text, for a type that reads text: an exact number in plain
    /// notation (`1250.5`), a truth value as `true` or `false`; `nil` for the other inputs.
    public var plainText: String? {
        switch self {
        case .text(let text): text
        case .number(let number): number.description
        case .boolean(let flag): flag ? "true" : "false"
        case .list, .value, .dontKnow, .skip: nil
        }
    }
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
