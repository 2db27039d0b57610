import Foundation
import KoersSource

/// Infers the type of an expression and finds unknown names and type errors.
///
/// The checker runs when a rule pack is loaded, so a misspelt question or a comparison of
/// money with text is reported then, not when someone is half-way through an interview.
///
/// ```swift
/// let checker = TypeChecker(functions: functions, names: ["total_costs": .money, "ehealth_costs": .money])
/// try checker.type(of: Expression(parsing: "ehealth_costs <= 20% * total_costs"))  // .boolean
/// ```
///
/// The typing rules are listed in <doc:ExpressionLanguage>.
public struct TypeChecker: Sendable {
    /// The functions expressions may call.
    public let functions: FunctionRegistry
    /// The names expressions may read, with their types.
    public let names: [String: ValueType]
    private let sortedNames: [String]

    /// Creates a checker.
    ///
    /// - Parameters:
    ///   - functions: The functions expressions may call.
    ///   - names: The names expressions may read (questions, derived values, scores), with their types.
    public init(functions: FunctionRegistry, names: [String: ValueType]) {
        self.functions = functions
        self.names = names
        self.sortedNames = names.keys.sorted()
    }

    /// Type of the expression, or the first error with its range inside the text.
    ///
    /// Errors are searched left to right, so the first one in the text is reported.
    ///
    /// - Parameter expression: The parsed expression.
    /// - Returns: The expression's type.
    /// - Throws: ``ExpressionError`` for an unknown name or function, or operands and
    ///   arguments of the wrong type.
    public func type(of expression: Expression) throws(ExpressionError) -> ValueType {
        try check(expression.root)
    }

    // MARK: Rules

    private func check(_ node: ExpressionNode) throws(ExpressionError) -> ValueType {
        switch node.kind {
        case .literal(let value):
            return value.type
        case .name(let name):
            guard let type = names[name] else { throw unknownName(name, at: node.range) }
            return type
        case .unary(let op, let operand, let operatorRange):
            let type = try check(operand)
            switch op {
            case .negate:
                guard type.isNumeric else {
                    throw ExpressionError(
                        "cannot apply '-' to \(type)", nl: "kan '-' niet toepassen op \(type.dutchDescription)", at: operatorRange
                    )
                }
            case .not:
                try requireBoolean(type, of: operand, role: Phrase("the operand of 'not'", nl: "de operand van 'not'"))
            }
            return type
        case .binary(let op, let left, let right, let operatorRange):
            return try checkBinary(op, left, right, operatorRange: operatorRange)
        case .call(let name, let arguments, let nameRange):
            guard let function = functions.function(named: name) else {
                throw unknownFunction(name, at: nameRange)
            }
            var types: [ValueType] = []
            types.reserveCapacity(arguments.count)
            for argument in arguments { types.append(try check(argument)) }
            switch function.resultType(for: types) {
            case .success(let type):
                return type
            case .failure(let error):
                let range = error.argumentIndex.flatMap { arguments.indices.contains($0) ? arguments[$0].range : nil }
                throw ExpressionError(error.message, nl: error.dutchMessage, at: range ?? node.range)
            }
        case .list(let elements):
            var elementType: ValueType?
            for element in elements {
                let type = try check(element)
                guard let known = elementType else {
                    elementType = type
                    continue
                }
                guard let unified = known.unified(with: type) else {
                    throw ExpressionError(
                        "list element is \(type), but the elements before it are \(known)",
                        nl: "dit element van de lijst is \(type.dutchDescription), maar de elementen ervoor zijn "
                            + known.dutchDescription,
                        at: element.range,
                        notes: [Phrase("all elements of a list have one type",
                                       nl: "alle elementen van een lijst hebben hetzelfde type")]
                    )
                }
                elementType = unified
            }
            guard let elementType else {
                throw ExpressionError(
                    "a list needs at least one element", nl: "een lijst heeft minstens één element nodig", at: node.range
                )
            }
            return .list(elementType)
        case .conditional(let condition, let then, let otherwise):
            try requireBoolean(
                try check(condition), of: condition, role: Phrase("the condition of 'if'", nl: "de voorwaarde van 'if'")
            )
            let thenType = try check(then)
            let elseType = try check(otherwise)
            guard let type = thenType.unified(with: elseType) else {
                throw ExpressionError(
                    "the 'else' branch is \(elseType), but the 'then' branch is \(thenType)",
                    nl: "de 'else'-tak is \(elseType.dutchDescription), maar de 'then'-tak is \(thenType.dutchDescription)",
                    at: otherwise.range,
                    notes: [Phrase("both branches of 'if' must have one type",
                                   nl: "beide takken van 'if' moeten hetzelfde type hebben")]
                )
            }
            return type
        }
    }

    private func checkBinary(
        _ op: BinaryOperator,
        _ left: ExpressionNode,
        _ right: ExpressionNode,
        operatorRange: Range<Int>
    ) throws(ExpressionError) -> ValueType {
        let leftType = try check(left)
        let rightType = try check(right)
        func mismatch(notes: [Phrase] = []) -> ExpressionError {
            var notes = notes
            if let hint = percentageHint(left, leftType, right, rightType) { notes.append(hint) }
            return ExpressionError(
                "cannot apply '\(op.rawValue)' to \(leftType) and \(rightType)",
                nl: "kan '\(op.rawValue)' niet toepassen op \(leftType.dutchDescription) en \(rightType.dutchDescription)",
                at: operatorRange,
                notes: notes
            )
        }
        switch op {
        case .and, .or:
            let role = Phrase("the operands of '\(op.rawValue)'", nl: "de operanden van '\(op.rawValue)'")
            try requireBoolean(leftType, of: left, role: role)
            try requireBoolean(rightType, of: right, role: role)
            return .boolean
        case .add, .subtract, .multiply, .divide:
            if let type = Operations.arithmeticType(op, leftType, rightType) { return type }
            throw mismatch(notes: arithmeticNotes(op, leftType, rightType))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard Operations.areOrderable(leftType, rightType) else {
                let unordered = [leftType, rightType].contains { !$0.isOrdered }
                throw mismatch(
                    notes: unordered
                        ? [Phrase("only numbers, money, percentages and dates have an order",
                                  nl: "alleen getallen, bedragen, percentages en datums hebben een volgorde")]
                        : []
                )
            }
            return .boolean
        case .equal, .notEqual:
            guard leftType.unified(with: rightType) != nil else { throw mismatch() }
            return .boolean
        case .in, .notIn:
            guard let elementType = rightType.elementType else {
                throw ExpressionError(
                    "the right operand of '\(op.rawValue)' must be a list, but \(subject(right)) is \(rightType)",
                    nl: "de rechter operand van '\(op.rawValue)' moet een lijst zijn, maar \(dutchSubject(right)) is "
                        + rightType.dutchDescription,
                    at: right.range
                )
            }
            guard leftType.unified(with: elementType) != nil else { throw mismatch() }
            return .boolean
        }
    }

    // MARK: Messages

    /// `'x'` for a name, `it` for anything else.
    private func subject(_ node: ExpressionNode) -> String {
        if case .name(let name) = node.kind { return "'\(name)'" }
        return "it"
    }

    /// `'x'` for a name, `het` for anything else.
    private func dutchSubject(_ node: ExpressionNode) -> String {
        if case .name(let name) = node.kind { return "'\(name)'" }
        return "het"
    }

    private func requireBoolean(_ type: ValueType, of node: ExpressionNode, role: Phrase) throws(ExpressionError) {
        guard type != .boolean else { return }
        let plural = role.en.hasPrefix("the operands")
        let verb = plural ? "must be booleans" : "must be a boolean"
        let dutchVerb = plural ? "moeten ja/nee-waarden zijn" : "moet een ja/nee-waarde zijn"
        throw ExpressionError(
            "\(role.en) \(verb), but \(subject(node)) is \(type)",
            nl: "\(role.nl) \(dutchVerb), maar \(dutchSubject(node)) is \(type.dutchDescription)",
            at: node.range
        )
    }

    private func arithmeticNotes(_ op: BinaryOperator, _ left: ValueType, _ right: ValueType) -> [Phrase] {
        switch (op, left, right) {
        case (.subtract, .date, .date):
            return [Phrase("use days_between(start, end) to count the days between two dates",
                           nl: "gebruik days_between(begin, eind) om de dagen tussen twee datums te tellen")]
        case (.add, .date, .number), (.add, .number, .date), (.subtract, .date, .number):
            return [Phrase("use add_days(date, days), add_months or add_years to move a date",
                           nl: "gebruik add_days(datum, dagen), add_months of add_years om een datum te verschuiven")]
        case (.add, .money, .percentage), (.subtract, .money, .percentage):
            return [Phrase("multiply to take a percentage of an amount, as in amount * 20%",
                           nl: "vermenigvuldig om een percentage van een bedrag te nemen, zoals bedrag * 20%")]
        case (_, .date, _), (_, _, .date):
            return [Phrase("use add_days(...) to move a date and days_between(...) to count days",
                           nl: "gebruik add_days(...) om een datum te verschuiven en days_between(...) om dagen te tellen")]
        default:
            return []
        }
    }

    /// `write 20% for a percentage` when a number meets a percentage.
    private func percentageHint(
        _ left: ExpressionNode,
        _ leftType: ValueType,
        _ right: ExpressionNode,
        _ rightType: ValueType
    ) -> Phrase? {
        let number: ExpressionNode
        switch (leftType, rightType) {
        case (.number, .percentage): number = left
        case (.percentage, .number): number = right
        default: return nil
        }
        var example = "20%"
        if case .literal(.number(let value)) = number.kind, !value.isZero {
            let magnitude = value < 0 ? -value : value
            let fraction = magnitude < 1 ? value : (try? value.divided(by: 100)) ?? value
            example = Value.percentage(fraction).literal
        }
        return Phrase("write \(example) for a percentage", nl: "schrijf \(example) voor een percentage")
    }

    private func unknownName(_ name: String, at range: Range<Int>) -> ExpressionError {
        var notes: [Phrase] = []
        if functions.function(named: name) != nil {
            notes.append(Phrase("'\(name)' is a function; call it as \(name)(...)",
                                nl: "'\(name)' is een functie; roep hem aan als \(name)(...)"))
        } else if let match = closestMatch(to: name, among: sortedNames) {
            notes.append(.didYouMean(match))
        }
        return ExpressionError("unknown name '\(name)'", nl: "onbekende naam '\(name)'", at: range, notes: notes)
    }

    private func unknownFunction(_ name: String, at range: Range<Int>) -> ExpressionError {
        var notes: [Phrase] = []
        if names[name] != nil {
            notes.append(Phrase("'\(name)' is a value, not a function", nl: "'\(name)' is een waarde, geen functie"))
        } else if let match = closestMatch(to: name, among: functions.names) {
            notes.append(.didYouMean(match))
        }
        return ExpressionError("unknown function '\(name)'", nl: "onbekende functie '\(name)'", at: range, notes: notes)
    }
}
