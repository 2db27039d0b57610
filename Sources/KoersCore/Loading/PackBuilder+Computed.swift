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
            let dutchName = kind == .value ? "waarde" : "score"
            for node in nodes {
                guard let reader = reader(node, subject: Phrase(kindName, nl: dutchName), allowed: keys, required: required),
                      let id = identifier(reader["id"], what: Phrase("a \(kindName)", nl: "een \(dutchName)")),
                      declareName(id, kind: Phrase(kindName, nl: "een \(dutchName)"), at: reader["id"] ?? node, in: &names)
                else { continue }
                let expression = parse(
                    reader["expr"], what: Phrase("expr of \(kindName) '\(id)'", nl: "expr van \(dutchName) '\(id)'")
                )
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
        let dutchKind = first.kind == .value ? "waarde" : "score"
        error("\(kind) '\(first.id)' depends on itself: \(path); break the cycle",
              nl: "\(dutchKind) '\(first.id)' hangt van zichzelf af: \(path); doorbreek de kringloop",
              at: first.expressionNode?.location ?? first.node.location, code: "cycle",
              notes: cycle.dropFirst().map {
                  .note("'\($0.id)' is defined here", nl: "'\($0.id)' wordt hier gedefinieerd", at: $0.node.location)
              })
    }

    private mutating func derivedValue(
        _ item: PendingComputation,
        checker: TypeChecker,
        names: NameTable
    ) -> DerivedValue? {
        let subject = Phrase("value '\(item.id)'", nl: "waarde '\(item.id)'")
        var declared: ValueType?
        if let typeNode = item.reader["type"] {
            declared = typeNode.scalarValue.flatMap { PackSchema.declarableTypes[$0] }
            if declared == nil {
                error("type of \(subject) must be one of "
                        + PackSchema.declarableTypes.keys.sorted().joined(separator: ", "),
                      nl: "het type van \(subject.nl) moet een van deze zijn: "
                        + PackSchema.declarableTypes.keys.sorted().joined(separator: ", "),
                      at: typeNode.location, code: "unknown-type")
            }
        }
        let label = text(item.reader["label"], what: Phrase("label of \(subject)", nl: "label van \(subject.nl)"))
        let valueCitations = citations(item.reader["source"])
        guard let expression = compile(item.expressionNode, what: Phrase("expr of \(subject)", nl: "expr van \(subject.nl)"),
                                       expecting: declared,
                                       checker: checker, names: names)
        else { return nil }
        var value = DerivedValue(id: item.id, expression: expression, label: label, citations: valueCitations,
                                 location: item.node.location)
        value.isInternal = flag(item.reader["internal"], what: subject.part("'internal'", nl: "'internal'"))
        return value
    }

    private mutating func score(_ item: PendingComputation, checker: TypeChecker, names: NameTable) -> Score? {
        let subject = Phrase("score '\(item.id)'", nl: "score '\(item.id)'")
        let title = text(item.reader["title"], what: Phrase("title of \(subject)", nl: "titel van \(subject.nl)"))
        let minimum = number(item.reader["min"], what: Phrase("min of \(subject)", nl: "min van \(subject.nl)"))
        let maximum = number(item.reader["max"], what: Phrase("max of \(subject)", nl: "max van \(subject.nl)"))
        if let minimum, let maximum, minimum >= maximum {
            error("min of \(subject) must be below its max", nl: "min van \(subject.nl) moet lager zijn dan de max",
                  at: item.reader["min"]?.location, code: "bad-value")
        }
        var levels: [ScoreLevel] = []
        if let levelNodes = item.reader["levels"] {
            for node in levelNodes.sequence ?? [] {
                guard let level = reader(node, subject: Phrase("level of \(subject)", nl: "niveau van \(subject.nl)"),
                                         allowed: PackSchema.levelKeys, required: ["min", "label"]),
                      let bound = number(level["min"], what: Phrase("min of a level of \(subject)",
                                                                    nl: "min van een niveau van \(subject.nl)")),
                      let label = text(level["label"], what: Phrase("label of a level of \(subject)",
                                                                    nl: "label van een niveau van \(subject.nl)"))
                else { continue }
                if let previous = levels.last, bound <= previous.minimum {
                    error("levels of \(subject) must be in ascending order of 'min'",
                          nl: "de niveaus van \(subject.nl) moeten oplopen in 'min'", at: node.location,
                          code: "bad-value")
                }
                levels.append(ScoreLevel(minimum: bound, label: label))
            }
            if levelNodes.sequence == nil {
                error("'levels' of \(subject) must be a list of {min, label}",
                      nl: "'levels' van \(subject.nl) moet een lijst van {min, label} zijn", at: levelNodes.location,
                      code: "wrong-kind")
            }
        }
        let scoreCitations = citations(item.reader["source"])
        guard let expression = compile(item.expressionNode, what: Phrase("expr of \(subject)", nl: "expr van \(subject.nl)"),
                                       expecting: .number,
                                       checker: checker, names: names),
              let title, let minimum, let maximum
        else { return nil }
        return Score(id: item.id, title: title, expression: expression, minimum: minimum, maximum: maximum,
                     levels: levels, citations: scoreCitations, location: item.node.location)
    }
}
