import KoersSource

/// Builds an ``ExpressionNode`` tree from tokens by recursive descent.
///
/// Precedence, lowest first: `if … then … else …`, `or`, `and`, `not`, comparisons (which do
/// not chain), `+ -`, `* /`, unary `-`, then calls, literals, names, lists and parentheses.
struct Parser {
    private let tokens: [Token]
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var depth = 0

    /// Deeper nesting than this is refused, so that hostile input cannot exhaust the stack.
    ///
    /// Every parenthesis, prefix operator and operator in a chain such as `a + b + c` counts
    /// one level, so the trees the checker and the evaluator walk stay shallow too.
    static let maximumDepth = 256

    init(tokens: [Token], text: String) {
        self.tokens = tokens
        self.scalars = Array(text.unicodeScalars)
    }

    /// Parses a whole expression; the tokens must end with `.end`.
    static func parse(_ text: String) throws(ExpressionError) -> ExpressionNode {
        var parser = Parser(tokens: try Lexer.tokens(in: text), text: text)
        let node = try parser.expression()
        guard parser.current.kind == .end else { throw parser.trailingTokenError() }
        return node
    }

    // MARK: Token helpers

    private var current: Token { tokens[index] }

    private mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func isKeyword(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }

    private func isSymbol(_ symbol: Symbol) -> Bool { current.kind == .symbol(symbol) }

    private func text(of token: Token) -> String {
        String(String.UnicodeScalarView(scalars[token.range]))
    }

    /// How a token is named in messages: `')'`, or `the end of the expression`.
    private func describe(_ token: Token) -> String {
        token.kind == .end ? "the end of the expression" : "'\(text(of: token))'"
    }

    /// How a token is named in Dutch messages: `')'`, or `het einde van de expressie`.
    private func describeInDutch(_ token: Token) -> String {
        token.kind == .end ? "het einde van de expressie" : "'\(text(of: token))'"
    }

    private func trailingTokenError() -> ExpressionError {
        let token = current
        switch token.kind {
        case .symbol(.rightParenthesis):
            return ExpressionError("unmatched ')'", nl: "')' zonder bijbehorende '('", at: token.range)
        case .symbol(.rightBracket):
            return ExpressionError("unmatched ']'", nl: "']' zonder bijbehorende '['", at: token.range)
        case .keyword(.then), .keyword(.else):
            return ExpressionError("'\(text(of: token))' without 'if'", nl: "'\(text(of: token))' zonder 'if'", at: token.range)
        default:
            return ExpressionError(
                "expected an operator or the end of the expression, but found \(describe(token))",
                nl: "verwacht een operator of het einde van de expressie, maar vond \(describeInDutch(token))",
                at: token.range
            )
        }
    }

    private func expectedExpressionError() -> ExpressionError {
        let token = current
        if token.kind == .end {
            if index > 0 {
                let previous = tokens[index - 1]
                return ExpressionError(
                    "expected an expression after '\(text(of: previous))'",
                    nl: "verwacht een expressie na '\(text(of: previous))'",
                    at: token.range
                )
            }
            return ExpressionError("expected an expression", nl: "verwacht een expressie", at: token.range)
        }
        return ExpressionError(
            "expected an expression, but found \(describe(token))",
            nl: "verwacht een expressie, maar vond \(describeInDutch(token))",
            at: token.range
        )
    }

    private mutating func enter() throws(ExpressionError) {
        depth += 1
        if depth > Parser.maximumDepth {
            throw ExpressionError(
                "expression is nested too deeply", nl: "de expressie is te diep genest", at: current.range
            )
        }
    }

    // MARK: Grammar

    /// Parses `expression := or`.
    private mutating func expression() throws(ExpressionError) -> ExpressionNode {
        try enter()
        defer { depth -= 1 }
        return try or()
    }

    /// Parses `or := and ("or" and)*`.
    private mutating func or() throws(ExpressionError) -> ExpressionNode {
        var left = try and()
        let depthBefore = depth
        defer { depth = depthBefore }
        while isKeyword(.or) {
            try enter()
            let op = advance()
            let right = try and()
            left = ExpressionNode(
                .binary(.or, left, right, operatorRange: op.range),
                range: left.range.lowerBound..<right.range.upperBound
            )
        }
        return left
    }

    /// Parses `and := not ("and" not)*`.
    private mutating func and() throws(ExpressionError) -> ExpressionNode {
        var left = try not()
        let depthBefore = depth
        defer { depth = depthBefore }
        while isKeyword(.and) {
            try enter()
            let op = advance()
            let right = try not()
            left = ExpressionNode(
                .binary(.and, left, right, operatorRange: op.range),
                range: left.range.lowerBound..<right.range.upperBound
            )
        }
        return left
    }

    /// Parses `not := "not" not | comparison`.
    private mutating func not() throws(ExpressionError) -> ExpressionNode {
        guard isKeyword(.not) else { return try comparison() }
        try enter()
        defer { depth -= 1 }
        let op = advance()
        let operand = try not()
        return ExpressionNode(
            .unary(.not, operand, operatorRange: op.range),
            range: op.range.lowerBound..<operand.range.upperBound
        )
    }

    /// The comparison operator at the current token, if any, and how many tokens it takes.
    private func comparisonOperator() -> (BinaryOperator, tokenCount: Int)? {
        switch current.kind {
        case .symbol(.equal): (.equal, 1)
        case .symbol(.notEqual): (.notEqual, 1)
        case .symbol(.less): (.less, 1)
        case .symbol(.lessOrEqual): (.lessOrEqual, 1)
        case .symbol(.greater): (.greater, 1)
        case .symbol(.greaterOrEqual): (.greaterOrEqual, 1)
        case .keyword(.in): (.in, 1)
        case .keyword(.not) where tokens[index + 1].kind == .keyword(.in): (.notIn, 2)
        default: nil
        }
    }

    /// Parses `comparison := additive (compare additive)?`.
    private mutating func comparison() throws(ExpressionError) -> ExpressionNode {
        let left = try additive()
        guard let (op, count) = comparisonOperator() else { return left }
        let first = advance()
        let last = count == 2 ? advance() : first
        let operatorRange = first.range.lowerBound..<last.range.upperBound
        let right = try additive()
        if let (_, secondCount) = comparisonOperator() {
            let second = current.range.lowerBound..<tokens[index + secondCount - 1].range.upperBound
            throw ExpressionError(
                "comparisons cannot be chained",
                nl: "vergelijkingen kunnen niet aan elkaar geschakeld worden",
                at: second,
                notes: [Phrase("combine comparisons with 'and', as in a < b and b < c",
                               nl: "combineer vergelijkingen met 'and', zoals a < b and b < c")]
            )
        }
        return ExpressionNode(
            .binary(op, left, right, operatorRange: operatorRange),
            range: left.range.lowerBound..<right.range.upperBound
        )
    }

    /// Parses `additive := multiplicative (("+" | "-") multiplicative)*`.
    private mutating func additive() throws(ExpressionError) -> ExpressionNode {
        var left = try multiplicative()
        let depthBefore = depth
        defer { depth = depthBefore }
        while true {
            let op: BinaryOperator
            if isSymbol(.plus) {
                op = .add
            } else if isSymbol(.minus) {
                op = .subtract
            } else {
                return left
            }
            try enter()
            let token = advance()
            let right = try multiplicative()
            left = ExpressionNode(
                .binary(op, left, right, operatorRange: token.range),
                range: left.range.lowerBound..<right.range.upperBound
            )
        }
    }

    /// Parses `multiplicative := unary (("*" | "/") unary)*`.
    private mutating func multiplicative() throws(ExpressionError) -> ExpressionNode {
        var left = try unary()
        let depthBefore = depth
        defer { depth = depthBefore }
        while true {
            let op: BinaryOperator
            if isSymbol(.star) {
                op = .multiply
            } else if isSymbol(.slash) {
                op = .divide
            } else {
                return left
            }
            try enter()
            let token = advance()
            let right = try unary()
            left = ExpressionNode(
                .binary(op, left, right, operatorRange: token.range),
                range: left.range.lowerBound..<right.range.upperBound
            )
        }
    }

    /// Parses `unary := "-" unary | primary`.
    private mutating func unary() throws(ExpressionError) -> ExpressionNode {
        guard isSymbol(.minus) else { return try primary() }
        try enter()
        defer { depth -= 1 }
        let op = advance()
        let operand = try unary()
        return ExpressionNode(
            .unary(.negate, operand, operatorRange: op.range),
            range: op.range.lowerBound..<operand.range.upperBound
        )
    }

    /// Parses `primary := literal | name | call | "(" expression ")" | list | conditional | "not" not`.
    private mutating func primary() throws(ExpressionError) -> ExpressionNode {
        let token = current
        switch token.kind {
        case .literal(let value):
            _ = advance()
            return ExpressionNode(.literal(value), range: token.range)
        case .identifier(let name):
            _ = advance()
            if isSymbol(.leftParenthesis) { return try call(name, nameToken: token) }
            return ExpressionNode(.name(name), range: token.range)
        case .symbol(.leftParenthesis):
            _ = advance()
            var inner = try expression()
            guard isSymbol(.rightParenthesis) else {
                throw ExpressionError(
                    "expected ')' to close the '(', but found \(describe(current))",
                    nl: "verwacht ')' om de '(' te sluiten, maar vond \(describeInDutch(current))",
                    at: current.range
                )
            }
            let close = advance()
            inner.range = token.range.lowerBound..<close.range.upperBound
            return inner
        case .symbol(.leftBracket):
            return try list()
        case .keyword(.if):
            return try conditional()
        case .keyword(.not):
            return try not()
        default:
            throw expectedExpressionError()
        }
    }

    /// Parses `call := name "(" (expression ("," expression)*)? ")"`.
    private mutating func call(_ name: String, nameToken: Token) throws(ExpressionError) -> ExpressionNode {
        _ = advance()
        var arguments: [ExpressionNode] = []
        if !isSymbol(.rightParenthesis) {
            while true {
                arguments.append(try expression())
                if isSymbol(.comma) {
                    _ = advance()
                    continue
                }
                guard isSymbol(.rightParenthesis) else {
                    throw ExpressionError(
                        "expected ',' or ')' in the call of '\(name)', but found \(describe(current))",
                        nl: "verwacht ',' of ')' in de aanroep van '\(name)', maar vond \(describeInDutch(current))",
                        at: current.range
                    )
                }
                break
            }
        }
        let close = advance()
        return ExpressionNode(
            .call(name, arguments, nameRange: nameToken.range),
            range: nameToken.range.lowerBound..<close.range.upperBound
        )
    }

    /// Parses `list := "[" expression ("," expression)* ","? "]"`.
    private mutating func list() throws(ExpressionError) -> ExpressionNode {
        let open = advance()
        if isSymbol(.rightBracket) {
            let close = advance()
            throw ExpressionError(
                "a list needs at least one element",
                nl: "een lijst heeft minstens één element nodig",
                at: open.range.lowerBound..<close.range.upperBound
            )
        }
        var elements: [ExpressionNode] = []
        while true {
            elements.append(try expression())
            if isSymbol(.comma) {
                _ = advance()
                if isSymbol(.rightBracket) { break }
                continue
            }
            guard isSymbol(.rightBracket) else {
                throw ExpressionError(
                    "expected ',' or ']' in the list, but found \(describe(current))",
                    nl: "verwacht ',' of ']' in de lijst, maar vond \(describeInDutch(current))",
                    at: current.range
                )
            }
            break
        }
        let close = advance()
        return ExpressionNode(.list(elements), range: open.range.lowerBound..<close.range.upperBound)
    }

    /// Parses `conditional := "if" expression "then" expression "else" expression`.
    private mutating func conditional() throws(ExpressionError) -> ExpressionNode {
        let start = advance()
        let condition = try expression()
        guard isKeyword(.then) else {
            throw ExpressionError(
                "expected 'then' after the condition of 'if', but found \(describe(current))",
                nl: "verwacht 'then' na de voorwaarde van 'if', maar vond \(describeInDutch(current))",
                at: current.range
            )
        }
        _ = advance()
        let then = try expression()
        guard isKeyword(.else) else {
            throw ExpressionError(
                "expected 'else' after the 'then' branch, but found \(describe(current))",
                nl: "verwacht 'else' na de 'then'-tak, maar vond \(describeInDutch(current))",
                at: current.range,
                notes: [Phrase("every 'if' needs an 'else' branch", nl: "elke 'if' heeft een 'else'-tak nodig")]
            )
        }
        _ = advance()
        let otherwise = try expression()
        return ExpressionNode(
            .conditional(condition, then: then, else: otherwise),
            range: start.range.lowerBound..<otherwise.range.upperBound
        )
    }
}
