import KoersExpression
public import KoersSource

/// A use of a ``Calculator`` in a pack (`calculations:`): which calculator, and the expression
/// each input is bound to. Each output becomes a name expressions can read,
/// `<id>_<output id>`, such as `business_case_break_even_contacts_per_week`.
public struct Calculation: Sendable, Hashable, Identifiable {
    /// The id; the prefix of the output names.
    public var id: String
    /// The calculator, resolved from the registry when the pack was loaded.
    public var calculator: any Calculator
    /// A title for reports; the calculator's title when the pack gives none.
    public var title: LocalizedText
    /// The bound inputs, in the calculator's input order. Inputs left out take their default.
    public var bindings: [CalculationBinding]
    /// The sources it rests on.
    public var citations: [Citation]
    /// Where it is defined.
    public var location: SourceLocation

    /// Creates a calculation.
    ///
    /// - Parameters:
    ///   - id: The id.
    ///   - calculator: The calculator.
    ///   - title: A title for reports.
    ///   - bindings: The bound inputs.
    ///   - citations: Its sources.
    ///   - location: Where it is defined.
    public init(
        id: String,
        calculator: any Calculator,
        title: LocalizedText,
        bindings: [CalculationBinding],
        citations: [Citation],
        location: SourceLocation
    ) {
        self.id = id
        self.calculator = calculator
        self.title = title
        self.bindings = bindings
        self.citations = citations
        self.location = location
    }

    /// The name expressions use for one of its outputs: `<id>_<output id>`.
    ///
    /// - Parameter outputID: The output's id.
    /// - Returns: The name.
    public func name(ofOutput outputID: String) -> String { Self.name(calculation: id, output: outputID) }

    /// The name of an output of a calculation: `<calculation>_<output>`.
    ///
    /// - Parameters:
    ///   - calculation: The calculation's id.
    ///   - output: The output's id.
    /// - Returns: The name.
    public static func name(calculation: String, output: String) -> String { calculation + "_" + output }

    /// The binding of an input, if the pack binds it.
    ///
    /// - Parameter inputID: The input's id.
    /// - Returns: The binding, or `nil`.
    public func binding(_ inputID: String) -> CalculationBinding? { bindings.first { $0.input == inputID } }

    /// The names of questions, values, scores and outputs its bindings read.
    public var referencedNames: Set<String> {
        bindings.reduce(into: []) { $0.formUnion($1.expression.referencedNames) }
    }

    /// Two calculations are equal when they use the same calculator the same way.
    public static func == (lhs: Calculation, rhs: Calculation) -> Bool {
        lhs.id == rhs.id && lhs.calculator.id == rhs.calculator.id && lhs.title == rhs.title
            && lhs.bindings == rhs.bindings && lhs.citations == rhs.citations && lhs.location == rhs.location
    }

    /// Hashes the id, the calculator's id and the bindings.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(calculator.id)
        hasher.combine(bindings)
    }
}

/// One input of a calculation bound to an expression of the pack.
public struct CalculationBinding: Sendable, Hashable {
    /// The calculator input's id.
    public var input: String
    /// The expression giving its value.
    public var expression: PackExpression

    /// Creates a binding.
    ///
    /// - Parameters:
    ///   - input: The input's id.
    ///   - expression: The expression.
    public init(input: String, expression: PackExpression) {
        self.input = input
        self.expression = expression
    }
}
