public import KoersExpression

/// A model that turns typed inputs into typed results, such as a business case: costs per
/// week, the benefit per contact, the contacts needed to break even.
///
/// A pack uses a calculator in its `calculations:` section, binding each input to an
/// expression over its questions and derived values; each output then becomes a name that
/// expressions can read (`<calculation id>_<output id>`). Calculators are registered through
/// ``PluginRegistry/register(calculator:)`` like functions and question types.
///
/// Every input and output has a unit and a text; every output has the formula a person can
/// check, shown in reports next to the result.
public protocol Calculator: Sendable {
    /// The id packs write after `calculator:`, such as `contact_costing`.
    var id: String { get }
    /// The calculator's name.
    var title: LocalizedText { get }
    /// What it computes, in a sentence or two, and where its method comes from.
    var summary: LocalizedText { get }
    /// Its inputs, in the order a report lists them.
    var inputs: [CalculatorInput] { get }
    /// Its results, in the order a report lists them.
    var outputs: [CalculatorOutput] { get }

    /// Computes the results from the inputs that are known.
    ///
    /// The engine passes every input whose value is known (a default fills an input the pack
    /// does not bind). A calculator computes each output whose ``CalculatorOutput/inputs`` are
    /// all present and leaves the others out. It never traps: a division by zero, zero or
    /// negative years and the like become a ``CalculatorProblem`` and leave the outputs that
    /// need them out.
    ///
    /// - Parameter inputs: The known inputs, by input id, with the types the inputs declare.
    /// - Returns: The outputs it could compute and the problems it met.
    func calculate(_ inputs: [String: Value]) -> CalculatorResult
}

extension Calculator {
    /// The input with an id, if any.
    ///
    /// - Parameter id: The input's id.
    /// - Returns: The input, or `nil`.
    public func input(_ id: String) -> CalculatorInput? { inputs.first { $0.id == id } }

    /// The output with an id, if any.
    ///
    /// - Parameter id: The output's id.
    /// - Returns: The output, or `nil`.
    public func output(_ id: String) -> CalculatorOutput? { outputs.first { $0.id == id } }
}

/// One input of a calculator: its type, unit and help, and a default when it may be left out.
public struct CalculatorInput: Sendable, Hashable, Identifiable {
    /// The id packs bind under `inputs:`, such as `device_price`.
    public var id: String
    /// The type the bound expression must have (`number` is accepted for `money`).
    public var valueType: ValueType
    /// The unit, such as `EUR/jaar` / `EUR/year` or `min/week`.
    public var unit: LocalizedText
    /// A short name for tables.
    public var title: LocalizedText
    /// What to fill in and where the number usually comes from.
    public var help: LocalizedText
    /// The value used when the pack does not bind the input; `nil` makes the input required.
    public var defaultValue: Value?

    /// Creates an input.
    ///
    /// - Parameters:
    ///   - id: The id.
    ///   - valueType: Its type.
    ///   - unit: Its unit.
    ///   - title: A short name.
    ///   - help: What to fill in.
    ///   - defaultValue: The value when not bound, or `nil` when it is required.
    public init(
        id: String,
        valueType: ValueType,
        unit: LocalizedText,
        title: LocalizedText,
        help: LocalizedText,
        defaultValue: Value? = nil
    ) {
        self.id = id
        self.valueType = valueType
        self.unit = unit
        self.title = title
        self.help = help
        self.defaultValue = defaultValue
    }

    /// Whether a pack must bind the input.
    public var isRequired: Bool { defaultValue == nil }
}

/// One result of a calculator: its type, unit, title, formula and the inputs it needs.
public struct CalculatorOutput: Sendable, Hashable, Identifiable {
    /// The id, such as `break_even_contacts_per_week`.
    public var id: String
    /// The type of its value.
    public var valueType: ValueType
    /// The unit, such as `contacten/week` / `contacts/week`.
    public var unit: LocalizedText
    /// A short name for tables.
    public var title: LocalizedText
    /// The formula in words a person can check, such as
    /// `vaste kosten per week / netto baat per contact, naar boven afgerond`.
    public var formula: LocalizedText
    /// The ids of the inputs it needs, directly or through other outputs. When one of them is
    /// unknown, so is the output, waiting for the same questions.
    public var inputs: [String]

    /// Creates an output.
    ///
    /// - Parameters:
    ///   - id: The id.
    ///   - valueType: Its type.
    ///   - unit: Its unit.
    ///   - title: A short name.
    ///   - formula: The formula in words.
    ///   - inputs: The inputs it needs.
    public init(
        id: String,
        valueType: ValueType,
        unit: LocalizedText,
        title: LocalizedText,
        formula: LocalizedText,
        inputs: [String]
    ) {
        self.id = id
        self.valueType = valueType
        self.unit = unit
        self.title = title
        self.formula = formula
        self.inputs = inputs
    }
}

/// What a calculator computed: a value or a reason per output, and the problems it met.
public struct CalculatorResult: Sendable, Hashable {
    /// The outputs it computed, by output id. An output left out is unknown.
    public var outputs: [String: CalculatorValue]
    /// Inputs it could not work with, such as zero depreciation years.
    public var problems: [CalculatorProblem]

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - outputs: The computed outputs by id.
    ///   - problems: The problems.
    public init(outputs: [String: CalculatorValue] = [:], problems: [CalculatorProblem] = []) {
        self.outputs = outputs
        self.problems = problems
    }
}

/// One computed output: a value, or the reason it has none although its inputs are known.
public enum CalculatorValue: Sendable, Hashable {
    /// The value.
    case value(Value)
    /// The output does not exist for these inputs, such as the break-even point when every
    /// contact costs more than it saves; the text says why. Expressions see it as unknown, with
    /// nothing left to ask.
    case notApplicable(LocalizedText)

    /// The value, when there is one.
    public var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }
}

/// An input a calculator cannot work with, in words a person understands.
public struct CalculatorProblem: Sendable, Hashable {
    /// The input it is about, so the engine can point at its binding; `nil` for the whole
    /// calculation.
    public var input: String?
    /// What is wrong and how to fix it.
    public var message: LocalizedText

    /// Creates a problem.
    ///
    /// - Parameters:
    ///   - input: The input it is about.
    ///   - message: What is wrong.
    public init(input: String?, message: LocalizedText) {
        self.input = input
        self.message = message
    }
}
