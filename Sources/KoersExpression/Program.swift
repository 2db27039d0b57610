/// An expression compiled into a flat array of instructions, for fast repeated evaluation.
///
/// The tree of ``ExpressionNode`` values is convenient to check and to show, but walking
/// indirect enums costs a reference count per node. The program keeps the same tree as
/// indices into arrays; literals (including negated literals, constant arithmetic and constant
/// lists) are folded into constants when the expression is parsed.
@usableFromInline
struct Program: Sendable {
    @usableFromInline
    enum Opcode: UInt8, Sendable {
        /// `constants[a]`.
        case constant
        /// The environment's value for `names[a]`.
        case name
        /// `-instructions[a]`.
        case negate
        /// `not instructions[a]`.
        case not
        /// Kleene `a and b`.
        case and
        /// Kleene `a or b`.
        case or
        case add, subtract, multiply, divide
        case equal, notEqual
        case less, lessOrEqual, greater, greaterOrEqual
        /// `a in b`, where `b` evaluates to a list.
        case `in`, notIn
        /// `a in [operands[b..<b+c]]`, deciding as soon as one element matches.
        case inElements, notInElements
        /// `if a then b else c`.
        case conditional
        /// The function `names[a]` applied to `operands[b..<b+c]`.
        case call
        /// A list of `operands[b..<b+c]`.
        case list
    }

    @usableFromInline
    struct Instruction: Sendable {
        @usableFromInline var opcode: Opcode
        @usableFromInline var a: Int32
        @usableFromInline var b: Int32 = 0
        @usableFromInline var c: Int32 = 0
        /// Where an error is reported: the operator for operations, the whole call for calls.
        @usableFromInline var range: Range<Int>
    }

    var instructions: [Instruction] = []
    var constants: [Value] = []
    var names: [String] = []
    var operands: [Int32] = []
    var root: Int32 = 0

    /// Compiles a checked-for-syntax tree.
    init(_ node: ExpressionNode) {
        root = compile(node)
    }

    // MARK: Compiling

    private mutating func emit(_ instruction: Instruction) -> Int32 {
        instructions.append(instruction)
        return Int32(instructions.count - 1)
    }

    private mutating func constant(_ value: Value, range: Range<Int>) -> Int32 {
        constants.append(value)
        return emit(Instruction(opcode: .constant, a: Int32(constants.count - 1), range: range))
    }

    private mutating func name(_ name: String) -> Int32 {
        if let index = names.firstIndex(of: name) { return Int32(index) }
        names.append(name)
        return Int32(names.count - 1)
    }

    /// The folded value of an instruction, if it is a constant.
    private func constantValue(_ index: Int32) -> Value? {
        let instruction = instructions[Int(index)]
        return instruction.opcode == .constant ? constants[Int(instruction.a)] : nil
    }

    /// Replaces trailing instructions with a constant; the instructions after `mark` must be
    /// the folded subtree, so removing them leaves every other index valid.
    private mutating func fold(
        to value: Value,
        removingFrom mark: Int,
        constantsFrom constantMark: Int,
        range: Range<Int>
    ) -> Int32 {
        instructions.removeSubrange(mark...)
        constants.removeSubrange(constantMark...)
        return constant(value, range: range)
    }

    private mutating func operandList(_ nodes: [ExpressionNode]) -> (start: Int32, count: Int32) {
        let compiled = nodes.map { compile($0) }
        let start = Int32(operands.count)
        operands.append(contentsOf: compiled)
        return (start, Int32(compiled.count))
    }

    private mutating func compile(_ node: ExpressionNode) -> Int32 {
        let mark = instructions.count
        let constantMark = constants.count
        switch node.kind {
        case .literal(let value):
            return constant(value, range: node.range)
        case .name(let text):
            return emit(Instruction(opcode: .name, a: name(text), range: node.range))
        case .unary(let op, let operand, let operatorRange):
            let compiled = compile(operand)
            if op == .negate, let value = constantValue(compiled), let negated = try? Operations.negate(value) {
                return fold(to: negated, removingFrom: mark, constantsFrom: constantMark, range: node.range)
            }
            return emit(Instruction(opcode: op == .negate ? .negate : .not, a: compiled, range: operatorRange))
        case .binary(let op, let left, let right, let operatorRange):
            if op == .in || op == .notIn, case .list(let elements) = right.kind {
                let compiledLeft = compile(left)
                let elementMark = instructions.count
                let elementConstantMark = constants.count
                let (start, count) = operandList(elements)
                let values = operands[Int(start)...].compactMap { constantValue($0) }
                if values.count == elements.count, let list = try? Operations.list(values) {
                    operands.removeSubrange(Int(start)...)
                    let listIndex = fold(
                        to: list,
                        removingFrom: elementMark,
                        constantsFrom: elementConstantMark,
                        range: right.range
                    )
                    return emit(
                        Instruction(
                            opcode: op == .in ? .in : .notIn,
                            a: compiledLeft,
                            b: listIndex,
                            range: operatorRange
                        )
                    )
                }
                // Keep the elements apart so that a match decides before the unknown elements do.
                return emit(
                    Instruction(
                        opcode: op == .in ? .inElements : .notInElements,
                        a: compiledLeft,
                        b: start,
                        c: count,
                        range: operatorRange
                    )
                )
            }
            let compiledLeft = compile(left)
            let compiledRight = compile(right)
            let opcode = Program.opcode(for: op)
            if [.add, .subtract, .multiply, .divide].contains(op),
                let x = constantValue(compiledLeft), let y = constantValue(compiledRight),
                let folded = try? Operations.arithmetic(op, x, y)
            {
                return fold(to: folded, removingFrom: mark, constantsFrom: constantMark, range: node.range)
            }
            return emit(Instruction(opcode: opcode, a: compiledLeft, b: compiledRight, range: operatorRange))
        case .call(let function, let arguments, _):
            let nameIndex = name(function)
            let (start, count) = operandList(arguments)
            return emit(Instruction(opcode: .call, a: nameIndex, b: start, c: count, range: node.range))
        case .list(let elements):
            let (start, count) = operandList(elements)
            let values = operands[Int(start)...].compactMap { constantValue($0) }
            if values.count == elements.count, let list = try? Operations.list(values) {
                operands.removeSubrange(Int(start)...)
                return fold(to: list, removingFrom: mark, constantsFrom: constantMark, range: node.range)
            }
            return emit(Instruction(opcode: .list, a: 0, b: start, c: count, range: node.range))
        case .conditional(let condition, let then, let otherwise):
            let compiledCondition = compile(condition)
            let compiledThen = compile(then)
            let compiledElse = compile(otherwise)
            return emit(
                Instruction(
                    opcode: .conditional,
                    a: compiledCondition,
                    b: compiledThen,
                    c: compiledElse,
                    range: node.range
                )
            )
        }
    }

    private static func opcode(for op: BinaryOperator) -> Opcode {
        switch op {
        case .or: .or
        case .and: .and
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        case .greaterOrEqual: .greaterOrEqual
        case .in: .in
        case .notIn: .notIn
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        }
    }
}
