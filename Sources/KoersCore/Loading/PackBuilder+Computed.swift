import Foundation
import KoersExpression
import KoersSource
import KoersYAML

/// A derived value or score read from YAML, before its expression is type-checked.
private struct PendingComputation {
    enum Kind { case value, score }
    var kind: Kind
    var id: String
    var node: YAMLNode
    var reader: MappingReader
    var expressionNode: YAMLNode?
    var expression: KoersExpression.Expression?
}

extension PackBuilder {
    /// Reads derived values and scores, orders them so each comes after what it reads, reports
    /// cycles, and type-checks them in that order.
    mutating func readComputed(
        values valueNodes: [YAMLNode],
        scores scoreNodes: [YAMLNode],
        names: inout NameTable
    ) -> (values: [DerivedValue], scores: [Score]) {
        var pending: [PendingComputation] = []
        for (kind, nodes, keys, required) in [
            (PendingComputation.Kind.value, valueNodes, PackSchema.valueKeys, ["id", "expr"]),
            (.score, scoreNodes, PackSchema.scoreKeys, ["id", "title", "expr", "min", "max"]),
        ] {
            let kindName = kind == .value ? "value" : "score"
            for node in nodes {
                guard let reader = reader(node, subject: kindName, allowed: keys, required: required),
                      let id = identifier(reader["id"], what: "a \(kindName)"),
                      declareName(id, kind: kindName, at: reader["id"] ?? node, in: &names)
                else { continue }
                let expression = parse(reader["expr"], what: "expr of \(kindName) '\(id)'")
                if expression == nil { names.markBroken(id) }
                pending.append(PendingComputation(kind: kind, id: id, node: node, reader: reader,
                                                  expressionNode: reader["expr"], expression: expression))
            }
        }

        let order = dependencyOrder(pending, names: &names)
        var values: [DerivedValue] = []
        var scores: [Score] = []
        for index in order {
            let item = pending[index]
            let checker = TypeChecker(functions: registry.functions, names: names.types)
            switch item.kind {
            case .value:
                if let value = derivedValue(item, checker: checker, names: names) {
                    names.setType(value.type, of: item.id)
                    values.append(value)
                } else {
                    names.markBroken(item.id)
                }
            case .score:
                if let score = score(item, checker: checker, names: names) {
                    names.setType(.number, of: item.id)
                    scores.append(score)
                } else {
                    names.markBroken(item.id)
                }
            }
        }
        return (values, scores)
    }

    /// A topological order of the computations; members of a cycle are reported and left out.
    private mutating func dependencyOrder(_ pending: [PendingComputation], names: inout NameTable) -> [Int] {
        let indexByID = Dictionary(pending.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let dependencies: [[Int]] = pending.map { item in
            (item.expression?.referencedNames ?? []).compactMap { indexByID[$0] }.sorted()
        }
        enum Mark { case unvisited, visiting, done }
        var marks = [Mark](repeating: .unvisited, count: pending.count)
        var order: [Int] = []
        var reported: Set<Int> = []

        // Iterative depth-first search, so a long chain of values cannot overflow the stack.
        for start in pending.indices where marks[start] == .unvisited {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            marks[start] = .visiting
            while let top = stack.last {
                let edges = dependencies[top.node]
                if top.next < edges.count {
                    stack[stack.count - 1].next += 1
                    let target = edges[top.next]
                    switch marks[target] {
                    case .unvisited:
                        marks[target] = .visiting
                        stack.append((target, 0))
                    case .visiting:
                        let path = stack.map(\.node)
                        let cycle = Array(path[(path.lastIndex(of: target) ?? 0)...])
                        if reported.isDisjoint(with: cycle) {
                            reportCycle(cycle.map { pending[$0] })
                        }
                        reported.formUnion(cycle)
                        for member in cycle { names.markBroken(pending[member].id) }
                    case .done:
                        break
                    }
                } else {
                    marks[top.node] = .done
                    stack.removeLast()
                    if !reported.contains(top.node) { order.append(top.node) }
                }
            }
        }
        return order
    }

    private mutating func reportCycle(_ cycle: [PendingComputation]) {
        guard let first = cycle.first else { return }
        let path = (cycle + [first]).map { "'\($0.id)'" }.joined(separator: " → ")
        let kind = first.kind == .value ? "value" : "score"
        error("\(kind) '\(first.id)' depends on itself: \(path); break the cycle",
              at: first.expressionNode?.location ?? first.node.location, code: "cycle",
              notes: cycle.dropFirst().map { .note("'\($0.id)' is defined here", at: $0.node.location) })
    }

    private mutating func derivedValue(
        _ item: PendingComputation,
        checker: TypeChecker,
        names: NameTable
    ) -> DerivedValue? {
        let subject = "value '\(item.id)'"
        var declared: ValueType?
        if let typeNode = item.reader["type"] {
            declared = typeNode.scalarValue.flatMap { PackSchema.declarableTypes[$0] }
            if declared == nil {
                error("type of \(subject) must be one of "
                        + PackSchema.declarableTypes.keys.sorted().joined(separator: ", "),
                      at: typeNode.location, code: "unknown-type")
            }
        }
        let label = text(item.reader["label"], what: "label of \(subject)")
        let valueCitations = citations(item.reader["source"])
        guard let expression = compile(item.expressionNode, what: "expr of \(subject)", expecting: declared,
                                       checker: checker, names: names)
        else { return nil }
        var value = DerivedValue(id: item.id, expression: expression, label: label, citations: valueCitations,
                                 location: item.node.location)
        value.isInternal = flag(item.reader["internal"], what: "'internal' of \(subject)")
        return value
    }

    private mutating func score(_ item: PendingComputation, checker: TypeChecker, names: NameTable) -> Score? {
        let subject = "score '\(item.id)'"
        let title = text(item.reader["title"], what: "title of \(subject)")
        let minimum = number(item.reader["min"], what: "min of \(subject)")
        let maximum = number(item.reader["max"], what: "max of \(subject)")
        if let minimum, let maximum, minimum >= maximum {
            error("min of \(subject) must be below its max", at: item.reader["min"]?.location, code: "bad-value")
        }
        var levels: [ScoreLevel] = []
        if let levelNodes = item.reader["levels"] {
            for node in levelNodes.sequence ?? [] {
                guard let level = reader(node, subject: "level of \(subject)", allowed: PackSchema.levelKeys,
                                         required: ["min", "label"]),
                      let bound = number(level["min"], what: "min of a level of \(subject)"),
                      let label = text(level["label"], what: "label of a level of \(subject)")
                else { continue }
                if let previous = levels.last, bound <= previous.minimum {
                    error("levels of \(subject) must be in ascending order of 'min'", at: node.location,
                          code: "bad-value")
                }
                levels.append(ScoreLevel(minimum: bound, label: label))
            }
            if levelNodes.sequence == nil {
                error("'levels' of \(subject) must be a list of {min, label}", at: levelNodes.location,
                      code: "wrong-kind")
            }
        }
        let scoreCitations = citations(item.reader["source"])
        guard let expression = compile(item.expressionNode, what: "expr of \(subject)", expecting: .number,
                                       checker: checker, names: names),
              let title, let minimum, let maximum
        else { return nil }
        return Score(id: item.id, title: title, expression: expression, minimum: minimum, maximum: maximum,
                     levels: levels, citations: scoreCitations, location: item.node.location)
    }
}
