import Foundation

/// A function that expressions can call, such as `min` or `days_between`.
///
/// Functions are values registered in a ``FunctionRegistry`` at startup, never discovered at
/// run time. A function types itself: ``resultType(for:)`` decides which argument types it
/// accepts, so the ``TypeChecker`` can report `argument 2 of 'days_between' must be a date`
/// at that argument when the rule pack is loaded.
///
/// ```swift
/// struct Twice: ExpressionFunction {
///     let name = "double"
///     let summary = "double(x) — twice a number"
///     func resultType(for arguments: [ValueType]) -> Result<ValueType, FunctionTypeError> {
///         guard arguments.count == 1 else {
///             return .failure(.argumentCount(of: name, expected: "1 argument", given: arguments.count))
///         }
///         guard arguments[0] == .number else {
///             return .failure(.argument(0, of: name, mustBe: "a number", but: arguments[0]))
///         }
///         return .success(.number)
///     }
///     func evaluate(_ arguments: [EvaluationResult]) throws(EvaluationError) -> EvaluationResult {
///         guard case .known(.number(let x)) = arguments[0] else { return arguments[0] }
///         return .known(.number(x * 2))
///     }
/// }
/// ```
public protocol ExpressionFunction: Sendable {
    /// The name expressions call it by: lowercase snake_case, such as `days_between`.
    var name: String { get }
    /// One line for the docs, such as `min(a, b, ...) — the smallest of its arguments`.
    var summary: String { get }

    /// The result type for these argument types, or which argument is wrong and why.
    ///
    /// - Parameter arguments: The types of the arguments, in order.
    /// - Returns: The result type, or a ``FunctionTypeError`` naming the argument at fault
    ///   (by index) when the call is not allowed.
    func resultType(for arguments: [ValueType]) -> Result<ValueType, FunctionTypeError>

    /// Evaluates; arguments are already evaluated (three-valued).
    ///
    /// The arguments have passed ``resultType(for:)``. A strict function returns `.unknown`
    /// with the union of its unknown arguments' names (``EvaluationResult/values(of:)`` does
    /// that); a function such as `answered` may decide with unknown arguments.
    ///
    /// - Parameter arguments: The arguments' results, in order.
    /// - Returns: The result.
    /// - Throws: ``EvaluationError`` when the values make the call fail, such as an empty list
    ///   for `min`; leave its range `0..<0` and the evaluator puts the call's range in.
    func evaluate(_ arguments: [EvaluationResult]) throws(EvaluationError) -> EvaluationResult

    /// Evaluates a call with one argument, such as `round(x)`, without building an array.
    ///
    /// It must give what the array form gives for `[argument]`, which is what the default does.
    /// Implement it for a function that rule packs call often: the evaluator calls it for
    /// every one-argument call.
    ///
    /// - Parameter argument: The argument's result.
    /// - Returns: The result.
    /// - Throws: ``EvaluationError`` as the array form does.
    func evaluate(_ argument: EvaluationResult) throws(EvaluationError) -> EvaluationResult

    /// Evaluates a call with two arguments, such as `min(a, b)` or `if_unknown(x, 0)`, without
    /// building an array.
    ///
    /// It must give what the array form gives for `[first, second]`, which is what the default
    /// does. Implement it for a function that rule packs call often: the evaluator calls it for
    /// every two-argument call.
    ///
    /// - Parameters:
    ///   - first: The first argument's result.
    ///   - second: The second argument's result.
    /// - Returns: The result.
    /// - Throws: ``EvaluationError`` as the array form does.
    func evaluate(_ first: EvaluationResult, _ second: EvaluationResult) throws(EvaluationError) -> EvaluationResult
}

extension ExpressionFunction {
    /// Evaluates the call through the array form.
    ///
    /// - Parameter argument: The argument's result.
    /// - Returns: The result.
    /// - Throws: ``EvaluationError`` as the array form does.
    public func evaluate(_ argument: EvaluationResult) throws(EvaluationError) -> EvaluationResult {
        try evaluate([argument])
    }

    /// Evaluates the call through the array form.
    ///
    /// - Parameters:
    ///   - first: The first argument's result.
    ///   - second: The second argument's result.
    /// - Returns: The result.
    /// - Throws: ``EvaluationError`` as the array form does.
    public func evaluate(_ first: EvaluationResult, _ second: EvaluationResult) throws(EvaluationError)
        -> EvaluationResult
    {
        try evaluate([first, second])
    }
}

/// Why a function does not accept its arguments' types.
public struct FunctionTypeError: Error, Sendable, Hashable {
    /// The 0-based index of the argument at fault, if one is.
    ///
    /// It is `nil` when the call as a whole is wrong (too few arguments, say). The type
    /// checker reports at that argument, or at the whole call.
    public var argumentIndex: Int?
    /// What is wrong, in compiler style: `argument 2 of 'days_between' must be a date, but it is number`.
    public var message: String
    /// The same in Dutch, for pack authors who read diagnostics in Dutch; `nil` when none.
    public var dutchMessage: String?

    /// Creates a function type error.
    ///
    /// - Parameters:
    ///   - argumentIndex: The 0-based index of the argument at fault, or `nil` for the whole call.
    ///   - message: What is wrong, in compiler style.
    ///   - dutchMessage: The same in Dutch.
    public init(argumentIndex: Int?, message: String, nl dutchMessage: String? = nil) {
        self.argumentIndex = argumentIndex
        self.message = message
        self.dutchMessage = dutchMessage
    }

    /// The error for a wrong number of arguments, at the first extra argument if there is one.
    ///
    /// The message reads `'round' takes 1 or 2 arguments, but 3 were given`.
    ///
    /// - Parameters:
    ///   - function: The function's name.
    ///   - expected: How many it takes, in words: `1 argument`, `1 or 2 arguments`, `at least 1 argument`.
    ///   - given: How many were given.
    ///   - maximum: The most it takes, if limited; when more were given, the error points at
    ///     the first one too many.
    /// - Returns: The error.
    public static func argumentCount(of function: String, expected: String, given: Int, maximum: Int? = nil)
        -> FunctionTypeError
    {
        let index = maximum.flatMap { maximum in given > maximum ? maximum : nil }
        let count = given == 1 ? "1 was given" : "\(given) were given"
        return FunctionTypeError(
            argumentIndex: index,
            message: "'\(function)' takes \(expected), but \(count)",
            nl: "'\(function)' neemt \(dutchWords(expected)), maar kreeg er \(given)"
        )
    }

    /// The error for an argument of the wrong type.
    ///
    /// The message reads `argument 2 of 'days_between' must be a date, but it is number`; the
    /// argument is counted from 1 in the message and from 0 in ``argumentIndex``.
    ///
    /// - Parameters:
    ///   - index: The 0-based index of the argument.
    ///   - function: The function's name.
    ///   - expectation: What the argument must be, with its article: `a date`, `a list of numbers`.
    ///   - actual: The argument's type.
    /// - Returns: The error.
    public static func argument(_ index: Int, of function: String, mustBe expectation: String, but actual: ValueType)
        -> FunctionTypeError
    {
        FunctionTypeError(
            argumentIndex: index,
            message: "argument \(index + 1) of '\(function)' must be \(expectation), but it is \(actual)",
            nl: "argument \(index + 1) van '\(function)' moet \(dutchWords(expectation)) zijn, maar het is "
                + actual.dutchDescription
        )
    }

    /// The Dutch for the English phrases functions use to say what they take ("1 or 2
    /// arguments", "a list of numbers, money or percentages", "money like argument 1"), word
    /// group by word group; a phrase it does not know stays English.
    static func dutchWords(_ english: String) -> String {
        var text = " " + english + " "
        for (phrase, dutch) in dutchPhrases {
            text = text.replacingOccurrences(of: phrase, with: dutch)
        }
        return String(text.dropFirst().dropLast())
    }

    /// Longer phrases first, so "a list of " is replaced before "a list".
    private static let dutchPhrases: [(String, String)] = [
        (" numbers, money, percentages or dates ", " getallen, bedragen, percentages of datums "),
        (" numbers, money or percentages ", " getallen, bedragen of percentages "),
        (" like the arguments before it ", ", net als de argumenten ervoor "),
        (" like the list's elements ", ", net als de elementen van de lijst "),
        (" like argument ", ", net als argument "),
        (" at least ", " minstens "),
        (" a number of digits ", " een aantal cijfers "),
        (" a list of ", " een lijst met "),
        (" list of ", " lijst met "),
        (" a list ", " een lijst "),
        (" arguments ", " argumenten "),
        (" a number", " een getal"),
        (" a percentage", " een percentage"),
        (" a date", " een datum"),
        (" a boolean", " een ja/nee-waarde"),
        (" numbers", " getallen"),
        (" percentages", " percentages"),
        (" dates", " datums"),
        (" money", " een bedrag"),
        (" text", " een tekst"),
        (" number", " getal"),
        (" date", " datum"),
        (" or ", " of "),
    ]
}
