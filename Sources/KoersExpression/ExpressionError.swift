public import KoersSource

/// A problem in an expression's text: a syntax error, an unknown name or a type error.
///
/// Messages follow compiler style: they start lowercase, have no trailing period, and quote
/// names in single quotes. The range counts Unicode scalars from the start of the expression
/// text, so the rule-pack loader can turn it into a file location.
///
/// ```swift
/// do {
///     _ = try TypeChecker(functions: registry, names: ["own_contribution": .money])
///         .type(of: Expression(parsing: "own_contrib > 0"))
/// } catch {
///     error.message  // "unknown name 'own_contrib'"
///     error.range    // 0..<11
///     error.notes    // ["did you mean 'own_contribution'?"]
/// }
/// ```
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Where in the expression text, in Unicode scalars.
    public var range: Range<Int>
    /// Hints that help to fix the problem, such as `did you mean 'own_contribution'?`.
    public var notes: [String]
    /// The message in Dutch, for pack authors who read diagnostics in Dutch; `nil` when none.
    public var dutchMessage: String?
    /// The notes in Dutch, one for each of ``notes`` in the same order.
    public var dutchNotes: [String]

    /// Creates an expression error.
    ///
    /// - Parameters:
    ///   - message: What is wrong, in compiler style.
    ///   - dutchMessage: The same in Dutch.
    ///   - range: Where, in Unicode scalars from the start of the expression text.
    ///   - notes: Hints that help to fix it.
    public init(_ message: String, nl dutchMessage: String? = nil, at range: Range<Int>, notes: [Phrase] = []) {
        self.message = message
        self.dutchMessage = dutchMessage
        self.range = range
        self.notes = notes.map(\.en)
        self.dutchNotes = notes.map(\.nl)
    }

    /// The notes in a language; a note without a Dutch text is shown in English.
    ///
    /// - Parameter language: The language.
    /// - Returns: The notes.
    public func notes(in language: DiagnosticLanguage) -> [String] {
        guard language == .dutch else { return notes }
        return notes.indices.map { $0 < dutchNotes.count ? dutchNotes[$0] : notes[$0] }
    }

    /// The message with its position and notes: `4..<6: message`, then one `note:` line per note.
    public var description: String {
        ([
            "\(range.lowerBound)..<\(range.upperBound): \(message)"
        ] + notes.map { "note: \($0)" }).joined(separator: "\n")
    }
}

/// A problem that shows only when an expression is evaluated, such as a division by zero.
///
/// Type-checked expressions fail only for reasons that depend on the answers: dividing by
/// zero, a date moved past the year 9999, or the smallest element of an empty list.
public struct EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in compiler style.
    public var message: String
    /// Where in the expression text, in Unicode scalars; `0..<0` when a function threw it and
    /// the evaluator has not placed it yet.
    public var range: Range<Int>

    /// Creates an evaluation error.
    ///
    /// - Parameters:
    ///   - message: What went wrong, in compiler style.
    ///   - range: Where; functions pass `0..<0` and the evaluator fills in the call's range.
    public init(_ message: String, at range: Range<Int> = 0..<0) {
        self.message = message
        self.range = range
    }

    /// The message with its position: `4..<6: division by zero`.
    public var description: String {
        "\(range.lowerBound)..<\(range.upperBound): \(message)"
    }
}

extension ValueType {
    /// The type in Dutch with its article, for Dutch messages: `een getal`, `een bedrag`,
    /// `een lijst met datums`. (The English messages name the bare type: `number`.)
    public var dutchDescription: String {
        switch self {
        case .number: "een getal"
        case .money: "een bedrag"
        case .percentage: "een percentage"
        case .boolean: "een ja/nee-waarde"
        case .text: "een tekst"
        case .date: "een datum"
        case .list(let element): "een lijst met \(element.dutchPlural)"
        }
    }

    /// The plural in Dutch, for `een lijst met …`.
    private var dutchPlural: String {
        switch self {
        case .number: "getallen"
        case .money: "bedragen"
        case .percentage: "percentages"
        case .boolean: "ja/nee-waarden"
        case .text: "teksten"
        case .date: "datums"
        case .list(let element): "lijsten met \(element.dutchPlural)"
        }
    }
}
