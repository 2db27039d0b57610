import KoersExpression
import KoersSource
import KoersYAML

/// The names expressions may read — questions, derived values, scores and `evaluation_date` —
/// with their types and where each is defined.
struct NameTable {
    /// The type of each name whose type is known.
    private(set) var types: [String: ValueType] = [:]
    /// Where each name is defined (nil for built-in names).
    private(set) var definitions: [String: SourceLocation?] = [:]
    /// Names whose definition has an error; expressions reading them are not checked further,
    /// so one mistake does not cascade into many.
    private(set) var broken: Set<String> = []

    /// Whether a name is defined.
    func contains(_ name: String) -> Bool { definitions[name] != nil }

    /// Where a name was first defined, when it already exists.
    func definition(of name: String) -> SourceLocation?? { definitions[name] }

    /// Defines a name; its type may follow later.
    mutating func declare(_ name: String, type: ValueType?, at location: SourceLocation?) {
        definitions[name] = location
        if let type { types[name] = type }
    }

    /// Sets the type of a declared name.
    mutating func setType(_ type: ValueType, of name: String) { types[name] = type }

    /// Marks a name as broken.
    mutating func markBroken(_ name: String) { broken.insert(name) }

    /// The option ids of each choice question whose answers are text, so text literals compared
    /// with its answer can be checked against them.
    private(set) var optionIDs: [String: [String]] = [:]

    /// Records the option ids of a choice question.
    mutating func setOptions(_ ids: [String], of name: String) { optionIDs[name] = ids }

    /// Whether an expression reads a broken name.
    func readsBrokenName(_ expression: Expression) -> Bool { !expression.referencedNames.isDisjoint(with: broken) }
}

extension PackBuilder {
    /// Declares an expression name, reporting a duplicate with a note at the first definition.
    mutating func declareName(_ id: String, kind: Phrase, at node: YAMLNode, in names: inout NameTable) -> Bool {
        if let existing = names.definition(of: id) {
            let notes: [Diagnostic] = existing.map { [.note(.firstDefinedHere, at: $0)] } ?? []
            let hint = existing == nil ? " ('\(id)' is a built-in name)" : ""
            let dutchHint = existing == nil ? " ('\(id)' is een ingebouwde naam)" : ""
            error("duplicate id '\(id)': a \(kind) cannot share its id with another question, value or score\(hint)",
                  nl: "id '\(id)' komt twee keer voor: \(kind.nl) mag zijn id niet delen met een andere vraag, waarde "
                    + "of score\(dutchHint)",
                  at: node.location, code: "duplicate-id", notes: notes)
            return false
        }
        names.declare(id, type: nil, at: node.location)
        return true
    }

    /// Parses and type-checks one expression written in a YAML scalar, reporting problems at the
    /// column inside the expression.
    ///
    /// - Parameters:
    ///   - node: The scalar holding the expression.
    ///   - what: What the expression is, for messages: "condition of requirement 'x'".
    ///   - expecting: The type it must have, if any (`number` is accepted where `money` is expected).
    ///   - checker: The type checker with the pack's names.
    ///   - names: The pack's names, to skip expressions that read a broken name.
    mutating func compile(
        _ node: YAMLNode?,
        what: Phrase,
        expecting: ValueType?,
        checker: TypeChecker,
        names: NameTable
    ) -> PackExpression? {
        guard let expression = parse(node, what: what), let node else { return nil }
        if names.readsBrokenName(expression) { return nil }
        let type: ValueType
        do {
            type = try checker.type(of: expression)
        } catch {
            report(error, in: node)
            return nil
        }
        if let expecting, expecting.unified(with: type) != expecting {
            error("\(what) must be \(Self.describe(expecting)), but it is \(Self.describe(type))",
                  nl: "\(what.nl) moet \(expecting.dutchDescription) zijn, maar het is \(type.dutchDescription)",
                  at: node.location, code: "type-mismatch")
            return nil
        }
        guard checkOptionLiterals(expression.root, in: node, what: what, names: names) else { return nil }
        return PackExpression(
            expression: expression,
            type: expecting ?? type,
            location: node.location,
            characterLocations: node.scalar?.characterLocations ?? []
        )
    }

    /// Parses an expression without type-checking it.
    mutating func parse(_ node: YAMLNode?, what: Phrase) -> Expression? {
        guard let node else { return nil }
        guard let scalar = node.scalar, !scalar.isNull else {
            error("\(what) must be an expression written as text, but it is \(node.kindDescription)",
                  nl: "\(what.nl) moet een expressie zijn, geschreven als tekst, maar het is \(node.dutchKindDescription)",
                  at: node.location, code: "wrong-kind")
            return nil
        }
        do {
            return try Expression(parsing: scalar.value)
        } catch {
            report(error, in: node)
            return nil
        }
    }

    /// Checks that text literals compared with a choice question's answer name one of its
    /// options: `"gemeente" in purchaser_partners`, `scheme in ["sett"]`, `scheme == "set"`.
    /// A typo there would otherwise make the condition silently never (or always) hold.
    ///
    /// - Returns: `false` when a literal names no option (the error is reported at it).
    private mutating func checkOptionLiterals(
        _ root: ExpressionNode, in node: YAMLNode, what: Phrase, names: NameTable
    ) -> Bool {
        var valid = true
        var pending = [root]
        while let current = pending.popLast() {
            switch current.kind {
            case .literal, .name:
                break
            case .unary(_, let operand, _):
                pending.append(operand)
            case .binary(let op, let left, let right, _):
                pending.append(left)
                pending.append(right)
                guard [.equal, .notEqual, .in, .notIn].contains(op) else { continue }
                for (question, other) in [(left, right), (right, left)] {
                    guard case .name(let name) = question.kind, let options = names.optionIDs[name] else { continue }
                    let literals: [ExpressionNode] =
                        switch other.kind {
                        case .list(let elements): elements
                        default: [other]
                        }
                    for literal in literals {
                        guard case .literal(.text(let text)) = literal.kind, !options.contains(text) else { continue }
                        let location = node.location(atValueOffset: literal.range.lowerBound)
                        var notes: [Diagnostic] = []
                        if let suggestion = closestMatch(to: text, among: options) {
                            notes.append(.note(.didYouMean(suggestion), at: location))
                        }
                        let shown = options.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
                        let more = options.count > 8 ? ", …" : ""
                        notes.append(.note("the options of '\(name)' are \(shown)\(more)",
                                           nl: "de opties van '\(name)' zijn \(shown)\(more)", at: nil))
                        error("'\(text)' in \(what) is not an option of question '\(name)'",
                              nl: "'\(text)' in \(what.nl) is geen optie van vraag '\(name)'",
                              at: location, code: "unknown-option", notes: notes)
                        valid = false
                    }
                }
            case .call(_, let arguments, _):
                pending.append(contentsOf: arguments)
            case .list(let elements):
                pending.append(contentsOf: elements)
            case .conditional(let condition, let then, let otherwise):
                pending.append(contentsOf: [condition, then, otherwise])
            }
        }
        return valid
    }

    private mutating func report(_ expressionError: ExpressionError, in node: YAMLNode) {
        let location = node.location(atValueOffset: expressionError.range.lowerBound)
        let dutchNotes = expressionError.dutchNotes
        let notes = expressionError.notes.indices.map { index in
            Diagnostic.note(
                expressionError.notes[index], nl: index < dutchNotes.count ? dutchNotes[index] : nil, at: location
            )
        }
        record(.error(expressionError.message, nl: expressionError.dutchMessage, at: location, code: "expression",
                      notes: notes))
    }

    /// "a boolean", "money", "a list of text": the type with an article, for messages.
    static func describe(_ type: ValueType) -> String {
        switch type {
        case .money: "money"
        case .text: "text"
        case .number, .boolean, .date: "a \(type)"
        case .percentage, .list: "a \(type)"
        }
    }
}
