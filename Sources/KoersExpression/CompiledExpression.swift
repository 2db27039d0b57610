/// An expression bound to the slots of one environment and to its functions, ready to evaluate
/// without looking anything up by name.
///
/// A pack compiles each of its expressions once, when it is loaded: every name becomes the
/// slot of the question, value or score it reads, and every call holds the function itself.
/// Evaluating then reads a flat array of values.
///
/// ```swift
/// let compiled = expression.compiled(slots: { pack.slot(of: $0) }, functions: registry)
/// let result = try evaluator.evaluate(compiled, in: run)
/// ```
public struct CompiledExpression: Sendable {
    /// What a compiled expression holds, behind one reference: a pack's evaluation passes
    /// compiled expressions around by the thousand, and a copy then costs one retain instead of
    /// one per array of the program.
    @usableFromInline
    final class Code: Sendable {
        let expression: Expression
        @usableFromInline let instructions: [Program.Instruction]
        @usableFromInline let constants: [Value]
        @usableFromInline let operands: [Int32]
        @usableFromInline let names: [String]
        @usableFromInline let root: Int32
        /// For each entry of the program's name table: the slot of a name, or -1.
        @usableFromInline let slots: [Int32]
        /// For each entry of the program's name table: the function of a call, or `nil`.
        @usableFromInline let functions: [(any ExpressionFunction)?]

        init(expression: Expression, slots: [Int32], functions: [(any ExpressionFunction)?]) {
            let program = expression.program
            self.expression = expression
            instructions = program.instructions
            constants = program.constants
            operands = program.operands
            names = program.names
            root = program.root
            self.slots = slots
            self.functions = functions
        }
    }

    @usableFromInline let code: Code

    /// The expression it was compiled from.
    public var expression: Expression { code.expression }

    init(expression: Expression, slots: [Int32], functions: [(any ExpressionFunction)?]) {
        code = Code(expression: expression, slots: slots, functions: functions)
    }
}

extension Expression {
    /// Binds the expression's names to slots and its calls to functions.
    ///
    /// A name without a slot evaluates as unknown with nothing to ask, and a call of an
    /// unregistered function fails when it is reached; the ``TypeChecker`` rejects both when the
    /// pack is loaded, so neither happens for a checked expression.
    ///
    /// - Parameters:
    ///   - slots: The slot of each name the expression reads.
    ///   - functions: The functions it may call.
    /// - Returns: The compiled expression.
    public func compiled(slots: (String) -> Int?, functions: FunctionRegistry) -> CompiledExpression {
        let names = program.names
        var slotTable: [Int32] = []
        var functionTable: [(any ExpressionFunction)?] = []
        slotTable.reserveCapacity(names.count)
        functionTable.reserveCapacity(names.count)
        for name in names {
            let isFunction = referencedFunctions.contains(name)
            let isVariable = referencedNames.contains(name)
            slotTable.append(isVariable ? slots(name).map(Int32.init) ?? -1 : -1)
            functionTable.append(isFunction ? functions.function(named: name) : nil)
        }
        return CompiledExpression(expression: self, slots: slotTable, functions: functionTable)
    }
}
