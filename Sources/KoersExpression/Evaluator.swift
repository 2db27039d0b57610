/// Evaluates expressions with three-valued (Kleene) logic over answers that may be missing.
///
/// Missing inputs make a result unknown only when they could still change it: `false and x`
/// is false without `x`, and `true or x` is true. An unknown result carries the slots of the
/// missing inputs that could decide it; inputs that cannot (the `x` above) are left out.
///
/// ```swift
/// let evaluator = Evaluator(functions: functions)
/// let compiled = condition.compiled(slots: { pack.slot(of: $0) }, functions: functions)
/// let result = try evaluator.evaluate(compiled, in: answers)
/// // .known(.boolean(true)), or .unknown([slot of total_costs])
/// ```
///
/// The evaluator assumes nothing about static types, but expressions should be type-checked
/// first: an unchecked expression that mixes types fails with an ``EvaluationError``.
public struct Evaluator: Sendable {
    /// The functions expressions evaluated by name may call; a ``CompiledExpression`` carries
    /// its own.
    public let functions: FunctionRegistry

    /// Creates an evaluator.
    ///
    /// - Parameter functions: The functions for expressions evaluated by name; use the registry
    ///   they were type-checked with.
    public init(functions: FunctionRegistry) {
        self.functions = functions
    }

    /// Evaluates a compiled expression.
    ///
    /// When the result is unknown only because of missing inputs, it is `.unknown` with their
    /// slots. When a branch that may never be taken fails (for instance the right side of
    /// `and` while the left side is unknown), the failure counts as undecided rather than as
    /// an error; it is reported once that branch is taken.
    ///
    /// - Parameters:
    ///   - expression: The expression, compiled against the environment's slots.
    ///   - environment: Where the values of the slots come from.
    /// - Returns: The value, or the missing inputs that could decide it.
    /// - Throws: ``EvaluationError`` for a division by zero, a date out of range, an unknown
    ///   function, or a type mismatch in an unchecked expression, with the range of the
    ///   operator or call.
    @inlinable
    public func evaluate<Environment: EvaluationEnvironment>(
        _ expression: CompiledExpression,
        in environment: Environment
    ) throws(EvaluationError) -> EvaluationResult {
        let code = expression.code
        return try Run<Environment>.evaluate(code.root, code, environment)
    }

    /// Evaluates an expression over values by name, outside a pack (constants, tests, tools).
    ///
    /// - Parameters:
    ///   - expression: The expression.
    ///   - values: The known values by name; any other name is unknown.
    /// - Returns: The value, or the names of the missing inputs that could decide it.
    /// - Throws: ``EvaluationError`` as ``evaluate(_:in:)`` does.
    public func evaluate(
        _ expression: Expression,
        values: [String: Value] = [:]
    ) throws(EvaluationError) -> NamedResult {
        let environment = NamedValues(values, for: expression, functions: functions)
        switch try evaluate(environment.compiled, in: environment) {
        case .known(let value): return .known(value)
        case .unknown(let missing): return .unknown(environment.names(in: missing))
        }
    }
}

/// The result of an evaluation by name: a value, or the names of the missing inputs.
public enum NamedResult: Sendable, Hashable {
    /// The result is decided.
    case known(Value)
    /// The result waits for the named inputs.
    case unknown(Set<String>)

    /// The value, when the result is known.
    public var value: Value? {
        if case .known(let value) = self { return value }
        return nil
    }
}

/// One evaluation of a program; generic so that the environment is called without boxing.
///
/// Inlinable, so that a pack's run (in another module) gets a specialized copy that calls its
/// environment directly instead of through the generic run's metadata and witness table.
///
/// The program and the environment are passed along as arguments rather than held in a value:
/// arguments are borrowed, where a value holding them retained and released both for every
/// expression evaluated.
@usableFromInline
enum Run<Environment: EvaluationEnvironment> {

    @inlinable
    static func evaluate(
        _ index: Int32,
        _ code: CompiledExpression.Code,
        _ environment: Environment
    ) throws(EvaluationError) -> EvaluationResult {
        let instruction = code.instructions[Int(index)]
        switch instruction.opcode {
        case .constant:
            return .known(code.constants[Int(instruction.a)])
        case .name:
            let slot = code.slots[Int(instruction.a)]
            return slot < 0 ? .unknown(InputSet()) : environment.resolve(Int(slot))
        case .negate:
            switch try evaluate(instruction.a, code, environment) {
            case .known(let value):
                do {
                    return .known(try Operations.negate(value))
                } catch {
                    throw failure(error, instruction, "cannot apply '-' to \(value.type)")
                }
            case let unknown:
                return unknown
            }
        case .not:
            switch try evaluate(instruction.a, code, environment) {
            case .known(let value):
                guard case .boolean(let flag) = value else { throw notBoolean(value, "not", instruction) }
                return .known(.boolean(!flag))
            case let unknown:
                return unknown
            }
        case .and:
            return try junction(instruction, deciding: false, code, environment)
        case .or:
            return try junction(instruction, deciding: true, code, environment)
        case .add, .subtract, .multiply, .divide:
            let left = try evaluate(instruction.a, code, environment)
            let right = try evaluate(instruction.b, code, environment)
            guard case .known(let x) = left, case .known(let y) = right else { return Run.unknown(left, right) }
            let op = Run.binaryOperator(instruction.opcode)
            do {
                return .known(try Operations.arithmetic(op, x, y))
            } catch {
                throw failure(error, instruction, "cannot apply '\(op.rawValue)' to \(x.type) and \(y.type)")
            }
        case .equal, .notEqual:
            let left = try evaluate(instruction.a, code, environment)
            let right = try evaluate(instruction.b, code, environment)
            guard case .known(let x) = left, case .known(let y) = right else { return Run.unknown(left, right) }
            do {
                return .known(.boolean(try Operations.equals(x, y) == (instruction.opcode == .equal)))
            } catch {
                let op = Run.binaryOperator(instruction.opcode)
                throw failure(error, instruction, "cannot apply '\(op.rawValue)' to \(x.type) and \(y.type)")
            }
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            let left = try evaluate(instruction.a, code, environment)
            let right = try evaluate(instruction.b, code, environment)
            guard case .known(let x) = left, case .known(let y) = right else { return Run.unknown(left, right) }
            let op = Run.binaryOperator(instruction.opcode)
            do {
                return .known(.boolean(try Operations.compare(op, x, y)))
            } catch {
                throw failure(error, instruction, "cannot apply '\(op.rawValue)' to \(x.type) and \(y.type)")
            }
        case .in, .notIn:
            let left = try evaluate(instruction.a, code, environment)
            let right = try evaluate(instruction.b, code, environment)
            guard case .known(let x) = left, case .known(let list) = right else { return Run.unknown(left, right) }
            guard case .list(let elements, _) = list else {
                throw EvaluationError(
                    "the right operand of 'in' must be a list, but it is \(list.type)",
                    at: instruction.range
                )
            }
            var found = false
            for element in elements where try matches(x, element, instruction) {
                found = true
                break
            }
            return .known(.boolean(found == (instruction.opcode == .in)))
        case .inElements, .notInElements:
            return try membership(instruction, code, environment)
        case .conditional:
            return try conditional(instruction, code, environment)
        case .call:
            return try call(instruction, code, environment)
        case .list:
            var values: [Value] = []
            values.reserveCapacity(Int(instruction.c))
            var missing: InputSet?
            for operand in operands(of: instruction, code) {
                switch try evaluate(operand, code, environment) {
                case .known(let value):
                    values.append(value)
                case .unknown(let names):
                    missing = missing.map { $0.union(names) } ?? names
                }
            }
            if let missing { return .unknown(missing) }
            do {
                return .known(try Operations.list(values))
            } catch {
                throw failure(error, instruction, "list elements have different types")
            }
        }
    }

    // MARK: Kleene logic

    /// `and` (`deciding` false) and `or` (`deciding` true): a deciding operand decides alone.
    @inlinable
    static func junction(
        _ instruction: Program.Instruction,
        deciding: Bool,
        _ code: CompiledExpression.Code,
        _ environment: Environment
    ) throws(EvaluationError) -> EvaluationResult {
        let name = deciding ? "or" : "and"
        let left = try evaluate(instruction.a, code, environment)
        let leftMissing: InputSet
        switch left {
        case .known(let value):
            guard case .boolean(let flag) = value else { throw notBoolean(value, name, instruction) }
            if flag == deciding { return left }
            let right = try evaluate(instruction.b, code, environment)
            if case .known(let value) = right, value.booleanValue == nil { throw notBoolean(value, name, instruction) }
            return right
        case .unknown(let names):
            leftMissing = names
        }
        // The left side is undecided: the right side may still decide, and if it fails, the
        // failure only matters once the left side lets it through.
        let right: EvaluationResult
        do {
            right = try evaluate(instruction.b, code, environment)
        } catch {
            return left
        }
        switch right {
        case .known(let value):
            guard case .boolean(let flag) = value else { throw notBoolean(value, name, instruction) }
            return flag == deciding ? right : left
        case .unknown(let names):
            return .unknown(leftMissing.union(names))
        }
    }

    /// `x in [a, b, c]` element by element: true as soon as a known element equals a known `x`.
    @inlinable
    static func membership(
        _ instruction: Program.Instruction,
        _ code: CompiledExpression.Code,
        _ environment: Environment
    ) throws(EvaluationError) -> EvaluationResult {
        let positive = instruction.opcode == .inElements
        let left = try evaluate(instruction.a, code, environment)
        var missing: InputSet?
        if case .unknown(let names) = left { missing = names }
        for operand in operands(of: instruction, code) {
            switch try evaluate(operand, code, environment) {
            case .known(let element):
                if case .known(let x) = left, try matches(x, element, instruction) {
                    return .known(.boolean(positive))
                }
            case .unknown(let names):
                missing = missing.map { $0.union(names) } ?? names
            }
        }
        if let missing { return .unknown(missing) }
        return .known(.boolean(!positive))
    }

    @inlinable
    static func matches(_ x: Value, _ element: Value, _ instruction: Program.Instruction) throws(EvaluationError)
        -> Bool
    {
        do {
            return try Operations.equals(x, element)
        } catch {
            throw failure(error, instruction, "cannot look for \(x.type) in a list of \(element.type)")
        }
    }

    /// `if c then a else b`; with `c` unknown, the result is known only if both branches agree.
    @inlinable
    static func conditional(
        _ instruction: Program.Instruction,
        _ code: CompiledExpression.Code,
        _ environment: Environment
    ) throws(EvaluationError) -> EvaluationResult {
        let condition = try evaluate(instruction.a, code, environment)
        switch condition {
        case .known(let value):
            guard case .boolean(let flag) = value else { throw notBoolean(value, "if", instruction) }
            return try evaluate(flag ? instruction.b : instruction.c, code, environment)
        case .unknown(var missing):
            let then = (try? evaluate(instruction.b, code, environment)) ?? .unknown([])
            let otherwise = (try? evaluate(instruction.c, code, environment)) ?? .unknown([])
            if case .known(let x) = then, case .known(let y) = otherwise, (try? Operations.equals(x, y)) == true {
                return then
            }
            missing.formUnion(then.missing)
            missing.formUnion(otherwise.missing)
            return .unknown(missing)
        }
    }

    // MARK: Calls

    @inlinable
    static func call(
        _ instruction: Program.Instruction,
        _ code: CompiledExpression.Code,
        _ environment: Environment
    ) throws(EvaluationError) -> EvaluationResult {
        guard let function = code.functions[Int(instruction.a)] else {
            let name = code.names[Int(instruction.a)]
            throw EvaluationError("unknown function '\(name)'", at: instruction.range)
        }
        // One and two arguments, the usual calls, go without an arguments array.
        switch instruction.c {
        case 1:
            let argument = try evaluate(code.operands[Int(instruction.b)], code, environment)
            do {
                return try function.evaluate(argument)
            } catch {
                throw located(error, instruction)
            }
        case 2:
            let first = try evaluate(code.operands[Int(instruction.b)], code, environment)
            let second = try evaluate(code.operands[Int(instruction.b) + 1], code, environment)
            do {
                return try function.evaluate(first, second)
            } catch {
                throw located(error, instruction)
            }
        default:
            var arguments: [EvaluationResult] = []
            arguments.reserveCapacity(Int(instruction.c))
            for operand in operands(of: instruction, code) {
                arguments.append(try evaluate(operand, code, environment))
            }
            do {
                return try function.evaluate(arguments)
            } catch {
                throw located(error, instruction)
            }
        }
    }

    /// A function's error at the call, unless the function gave it a place of its own.
    @inlinable
    static func located(_ error: EvaluationError, _ instruction: Program.Instruction) -> EvaluationError {
        var error = error
        if error.range.isEmpty { error.range = instruction.range }
        return error
    }

    // MARK: Helpers

    @inlinable
    static func operands(of instruction: Program.Instruction, _ code: CompiledExpression.Code) -> ArraySlice<Int32> {
        code.operands[Int(instruction.b)..<Int(instruction.b + instruction.c)]
    }

    @inlinable
    static func unknown(_ left: EvaluationResult, _ right: EvaluationResult) -> EvaluationResult {
        switch (left, right) {
        case (.unknown(let x), .unknown(let y)): .unknown(x.union(y))
        case (.unknown, _): left
        default: right
        }
    }

    @inlinable
    static func binaryOperator(_ opcode: Program.Opcode) -> BinaryOperator {
        switch opcode {
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        default: .greaterOrEqual
        }
    }

    @usableFromInline
    static func failure(_ error: OperationFailure, _ instruction: Program.Instruction, _ mismatch: String)
        -> EvaluationError
    {
        switch error {
        case .divisionByZero: EvaluationError("division by zero", at: instruction.range)
        case .overflow: EvaluationError("the result is too large", at: instruction.range)
        case .underflow:
            EvaluationError(
                "the result is too small to hold exactly: it needs more than 128 decimal places", at: instruction.range
            )
        case .typeMismatch: EvaluationError(mismatch, at: instruction.range)
        }
    }

    @usableFromInline
    static func notBoolean(_ value: Value, _ name: String, _ instruction: Program.Instruction) -> EvaluationError {
        let message =
            switch name {
            case "not": "the operand of 'not' must be a boolean, but it is \(value.type)"
            case "if": "the condition of 'if' must be a boolean, but it is \(value.type)"
            default: "the operands of '\(name)' must be booleans, but one is \(value.type)"
            }
        return EvaluationError(message, at: instruction.range)
    }
}
