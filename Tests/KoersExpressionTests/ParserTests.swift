import Foundation
import KoersExpression
import Testing

@Suite struct ParserTests {
    @Test(arguments: [
        ("not a and b or c", "(or (and (not a) b) c)"),
        ("a or b and c", "(or a (and b c))"),
        ("not not a", "(not (not a))"),
        ("not a == b", "(not (== a b))"),
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
        ("a - b - c", "(- (- a b) c)"),
        ("a / b * c", "(* (/ a b) c)"),
        ("-x * y", "(* (- x) y)"),
        ("x * -y", "(* x (- y))"),
        ("- -x", "(- (- x))"),
        ("-5", "(- 5)"),
        ("a + b < c * d", "(< (+ a b) (* c d))"),
        ("a < b and b < c", "(and (< a b) (< b c))"),
        ("x in [1, 2]", "(in x [1 2])"),
        ("x not in [1, 2,]", "(not in x [1 2])"),
        ("not x in lt", "(not (in x lt))"),
        ("if a then 1 else 2", "(if a 1 2)"),
        ("if a then 1 else if b then 2 else 3", "(if a 1 (if b 2 3))"),
        ("if a then if b then 1 else 2 else 3", "(if a (if b 1 2) 3)"),
        ("if a or b then 1 else 2 + 3", "(if (or a b) 1 (+ 2 3))"),
        ("1 + (if a then 2 else 3)", "(+ 1 (if a 2 3))"),
        ("1 + if a then 2 else 3", "(+ 1 (if a 2 3))"),
        ("min(a, b + 1)", "(call min a (+ b 1))"),
        ("today()", "(call today)"),
        ("round(x * 20%, 2)", "(call round (* x 20%) 2)"),
        ("ehealth_costs <= 20% * total_costs", "(<= ehealth_costs (* 20% total_costs))"),
        ("€ 125.000,50 > € 50.000", "(> € 125.000,50 € 50.000,00)"),
        ("[[1], [2, 3]]", "[[1] [2 3]]"),
    ])
    func parsesWithPrecedence(text: String, structure: String) throws {
        #expect(try Expression(parsing: text).root.description == structure)
    }

    @Test func nodesCarryTheirRanges() throws {
        let expression = try Expression(parsing: "a + b * c")
        #expect(expression.root.range == 0..<9)
        guard case .binary(.add, let left, let right, let operatorRange) = expression.root.kind else {
            Issue.record("not an addition: \(expression.root)")
            return
        }
        #expect(left.range == 0..<1)
        #expect(right.range == 4..<9)
        #expect(operatorRange == 2..<3)
    }

    @Test func parenthesesBelongToTheRangeOfWhatTheyEnclose() throws {
        let expression = try Expression(parsing: "(a + b) * c")
        guard case .binary(.multiply, let left, _, _) = expression.root.kind else {
            Issue.record("not a multiplication: \(expression.root)")
            return
        }
        #expect(left.range == 0..<7)
    }

    @Test func notInHasOneOperatorRangeOverBothWords() throws {
        let expression = try Expression(parsing: "x not in lt")
        guard case .binary(.notIn, _, _, let operatorRange) = expression.root.kind else {
            Issue.record("not 'not in': \(expression.root)")
            return
        }
        #expect(operatorRange == 2..<8)
    }

    @Test func callsAndConditionalsCoverTheirWholeText() throws {
        let call = try Expression(parsing: "min(a, b)")
        #expect(call.root.range == 0..<9)
        if case .call("min", let arguments, let nameRange) = call.root.kind {
            #expect(nameRange == 0..<3)
            #expect(arguments.map(\.range) == [4..<5, 7..<8])
        } else {
            Issue.record("not a call: \(call.root)")
        }
        #expect(try Expression(parsing: "if a then 1 else 2").root.range == 0..<18)
        #expect(try Expression(parsing: " [1, 2] ").root.range == 1..<7)
    }

    @Test func collectsReferencedNamesButNotFunctions() throws {
        let expression = try Expression(parsing: "min(a, b) > c and d in [e, 1] and not answered(f)")
        #expect(expression.referencedNames == ["a", "b", "c", "d", "e", "f"])
        #expect(expression.referencedFunctions == ["min", "answered"])
    }

    @Test func expressionsWithTheSameTextAreEqual() throws {
        #expect(try Expression(parsing: "a + 1") == Expression(parsing: "a + 1"))
        #expect(try Expression(parsing: "a + 1") != Expression(parsing: "a+1"))
    }

    @Test(arguments: [
        ("a < b 1️⃣<2️⃣ c", "comparisons cannot be chained"),
        ("a == b 1️⃣==2️⃣ c", "comparisons cannot be chained"),
        ("x in lt 1️⃣not in2️⃣ lm", "comparisons cannot be chained"),
    ])
    func rejectsChainedComparisons(marked: String, message: String) throws {
        try expectSyntaxError(marked, message, notes: ["combine comparisons with 'and', as in a < b and b < c"])
    }

    @Test(arguments: [
        ("1 +1️⃣2️⃣", "expected an expression after '+'"),
        ("1️⃣2️⃣", "expected an expression"),
        ("   1️⃣2️⃣", "expected an expression"),
        ("a and 1️⃣)2️⃣", "expected an expression, but found ')'"),
        ("(a + b1️⃣2️⃣", "expected ')' to close the '(', but found the end of the expression"),
        ("a 1️⃣b2️⃣", "expected an operator or the end of the expression, but found 'b'"),
        ("a1️⃣)2️⃣", "unmatched ')'"),
        ("a1️⃣]2️⃣", "unmatched ']'"),
        ("a 1️⃣then2️⃣ b", "'then' without 'if'"),
        ("1️⃣[]2️⃣", "a list needs at least one element"),
        ("[1 1️⃣22️⃣]", "expected ',' or ']' in the list, but found '2'"),
        ("min(a 1️⃣b2️⃣)", "expected ',' or ')' in the call of 'min', but found 'b'"),
        ("if a 1️⃣12️⃣ else 2", "expected 'then' after the condition of 'if', but found '1'"),
        ("f(1️⃣,2️⃣)", "expected an expression, but found ','"),
        ("(a)1️⃣(2️⃣b)", "expected an operator or the end of the expression, but found '('"),
    ])
    func rejectsSyntaxErrors(marked: String, message: String) throws {
        try expectSyntaxError(marked, message, notes: [])
    }

    @Test func requiresAnElseBranch() throws {
        try expectSyntaxError(
            "if a then 11️⃣2️⃣",
            "expected 'else' after the 'then' branch, but found the end of the expression",
            notes: ["every 'if' needs an 'else' branch"]
        )
    }

    @Test func acceptsDeepButNotHostileNesting() throws {
        let deep = String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100)
        #expect(try Fixtures.value(deep) == .number(1))
        let hostile = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        let error = #expect(throws: ExpressionError.self) { _ = try Expression(parsing: hostile) }
        #expect(error?.message == "expression is nested too deeply")
        let longChain = Array(repeating: "1", count: 5_000).joined(separator: " + ")
        #expect(throws: ExpressionError.self) { _ = try Expression(parsing: longChain) }
        let acceptableChain = Array(repeating: "n", count: 200).joined(separator: " + ")
        #expect(try Fixtures.value(acceptableChain, ["n": .number(1)]) == .number(200))
    }
}
