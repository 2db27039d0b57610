import KoersExpression
import KoersSource
import KoersYAML

/// A calculation read from YAML whose output names are declared, before its input expressions
/// are type-checked.
struct PendingCalculation {
    var id: String
    var calculator: any Calculator
    var node: YAMLNode
    var reader: MappingReader
}

extension PackBuilder {
    /// Reads the `calculations:` items, resolves each calculator in the registry and declares
    /// every output as a name (`<id>_<output>`) with the output's type, so that values and scores
    /// can read them. The inputs are checked later by ``compileCalculations(_:checker:names:values:scores:)``.
    mutating func declareCalculations(_ nodes: [YAMLNode], names: inout NameTable) -> [PendingCalculation] {
        var pending: [PendingCalculation] = []
        for node in nodes {
            guard let reader = reader(node, subject: Phrase("calculation", nl: "berekening"),
                                      allowed: PackSchema.calculationKeys, required: ["id", "calculator"]),
                  let id = identifier(reader["id"], what: Phrase("a calculation", nl: "een berekening"))
            else { continue }
            guard let calculatorNode = reader["calculator"] else { continue }
            let calculatorID = calculatorNode.scalarValue ?? ""
            guard let calculator = registry.calculator(calculatorID) else {
                let known = registry.calculators.map(\.id)
                var notes: [Diagnostic] = []
                if let suggestion = closestMatch(to: calculatorID, among: known) {
                    notes.append(.note(.didYouMean(suggestion), at: calculatorNode.location))
                }
                let list = known.isEmpty ? "none are registered" : "known: " + known.joined(separator: ", ")
                let dutchList = known.isEmpty ? "er zijn er geen geregistreerd" : "bekend: " + known.joined(separator: ", ")
                error("unknown calculator '\(calculatorID)' in calculation '\(id)' (\(list))",
                      nl: "onbekende rekenmodule '\(calculatorID)' in berekening '\(id)' (\(dutchList))",
                      at: calculatorNode.location, code: "unknown-calculator", notes: notes)
                continue
            }
            var declaredAll = true
            for output in calculator.outputs {
                let name = Calculation.name(calculation: id, output: output.id)
                let kind = Phrase("calculation output", nl: "een uitkomst van een berekening")
                if declareName(name, kind: kind, at: reader["id"] ?? node, in: &names) {
                    names.setType(output.valueType, of: name)
                } else {
                    declaredAll = false
                }
            }
            guard declaredAll else { continue }
            pending.append(PendingCalculation(id: id, calculator: calculator, node: node, reader: reader))
        }
        return pending
    }

    /// Type-checks each calculation's input bindings, reports unknown and missing inputs and
    /// calculations that read their own outputs, and returns the calculations that are sound.
    mutating func compileCalculations(
        _ pending: [PendingCalculation],
        checker: TypeChecker,
        names: inout NameTable,
        values: [DerivedValue],
        scores: [Score]
    ) -> [Calculation] {
        var calculations: [Calculation] = []
        for item in pending {
            let subject = Phrase("calculation '\(item.id)'", nl: "berekening '\(item.id)'")
            let title =
                text(item.reader["title"], what: Phrase("title of \(subject)", nl: "titel van \(subject.nl)"))
                ?? item.calculator.title
            let calculationCitations = citations(item.reader["source"])
            var bindings: [String: CalculationBinding] = [:]
            var sound = true
            let inputsNode = item.reader["inputs"]
            if let inputsNode, inputsNode.mapping == nil {
                error("'inputs' of \(subject) must be a mapping of calculator input to expression, "
                        + "such as {device_price: device_purchase_price}",
                      nl: "'inputs' van \(subject.nl) moet een mapping zijn van invoer van de rekenmodule naar expressie, "
                        + "zoals {device_price: device_purchase_price}",
                      at: inputsNode.location, code: "wrong-kind")
                sound = false
            }
            for entry in inputsNode?.mapping ?? [] {
                let key = entry.key.scalarValue ?? ""
                guard let input = item.calculator.input(key) else {
                    var notes: [Diagnostic] = []
                    if let suggestion = closestMatch(to: key, among: item.calculator.inputs.map(\.id)) {
                        notes.append(.note(.didYouMean(suggestion), at: entry.key.location))
                    }
                    error("calculator '\(item.calculator.id)' has no input '\(key)' (\(subject))",
                          nl: "rekenmodule '\(item.calculator.id)' heeft geen invoer '\(key)' (\(subject.nl))",
                          at: entry.key.location, code: "unknown-input", notes: notes)
                    sound = false
                    continue
                }
                guard let expression = compile(
                    entry.value,
                    what: Phrase("input '\(key)' of \(subject) (\(input.unit.text(in: "en")))",
                                 nl: "invoer '\(key)' van \(subject.nl) (\(input.unit.text(in: "nl")))"),
                    expecting: input.valueType,
                    checker: checker,
                    names: names
                ) else {
                    sound = false
                    continue
                }
                bindings[key] = CalculationBinding(input: key, expression: expression)
            }
            let missing = item.calculator.inputs.filter { $0.isRequired && bindings[$0.id] == nil }
            if sound, !missing.isEmpty {
                let list = missing.map { "'\($0.id)' (\($0.title.text(in: "en")), \($0.unit.text(in: "en")))" }
                let dutchList = missing.map { "'\($0.id)' (\($0.title.text(in: "nl")), \($0.unit.text(in: "nl")))" }
                error("\(subject) does not bind the required input\(missing.count == 1 ? "" : "s") "
                        + list.joined(separator: ", ") + " of calculator '\(item.calculator.id)'; add "
                        + (missing.count == 1 ? "it" : "them") + " under 'inputs'",
                      nl: "\(subject.nl) geeft geen waarde aan de verplichte invoer "
                        + dutchList.joined(separator: ", ") + " van rekenmodule '\(item.calculator.id)'; zet "
                        + (missing.count == 1 ? "die" : "ze") + " onder 'inputs'",
                      at: (inputsNode ?? item.reader["id"] ?? item.node).location, code: "missing-input")
                sound = false
            }
            let calculation = Calculation(
                id: item.id,
                calculator: item.calculator,
                title: title,
                bindings: item.calculator.inputs.compactMap { bindings[$0.id] },
                citations: calculationCitations,
                location: item.node.location
            )
            if sound, reportSelfReference(calculation, pending: pending, values: values, scores: scores) {
                calculations.append(calculation)
            } else {
                for output in item.calculator.outputs { names.markBroken(calculation.name(ofOutput: output.id)) }
            }
        }
        return calculations
    }

    /// Reports a calculation whose inputs read its own outputs, through values, scores or other
    /// calculations. Returns whether the calculation is free of such a cycle.
    private mutating func reportSelfReference(
        _ calculation: Calculation,
        pending: [PendingCalculation],
        values: [DerivedValue],
        scores: [Score]
    ) -> Bool {
        var reads: [String: Set<String>] = [:]
        for value in values { reads[value.id] = value.expression.referencedNames }
        for score in scores { reads[score.id] = score.expression.referencedNames }
        var outputOwner: [String: String] = [:]
        for other in pending {
            for output in other.calculator.outputs {
                outputOwner[Calculation.name(calculation: other.id, output: output.id)] = other.id
            }
        }
        var calculationReads: [String: Set<String>] = [:]
        for other in pending {
            let inputs = other.reader["inputs"]?.mapping ?? []
            var names: Set<String> = []
            for entry in inputs {
                if let scalar = entry.value.scalar, let expression = try? Expression(parsing: scalar.value) {
                    names.formUnion(expression.referencedNames)
                }
            }
            calculationReads[other.id] = names
        }
        calculationReads[calculation.id] = calculation.referencedNames

        // Breadth-first from what the calculation reads; a path back to one of its outputs is a cycle.
        var previous: [String: String] = [:]
        var queue = Array(calculation.referencedNames.sorted())
        var seen = Set(queue)
        while !queue.isEmpty {
            let name = queue.removeFirst()
            if outputOwner[name] == calculation.id {
                var path = [name]
                var cursor = name
                while let before = previous[cursor] {
                    path.insert(before, at: 0)
                    cursor = before
                }
                error("calculation '\(calculation.id)' reads its own output: "
                        + (["'\(calculation.id)'"] + path.map { "'\($0)'" }).joined(separator: " → ")
                        + "; bind its inputs to questions or values that do not depend on it",
                      nl: "berekening '\(calculation.id)' leest haar eigen uitkomst: "
                        + (["'\(calculation.id)'"] + path.map { "'\($0)'" }).joined(separator: " → ")
                        + "; koppel haar invoer aan vragen of waarden die niet van haar afhangen",
                      at: calculation.binding(containing: path.first ?? name)?.expression.location
                        ?? calculation.location,
                      code: "cycle")
                return false
            }
            let next = reads[name] ?? outputOwner[name].flatMap { calculationReads[$0] } ?? []
            for target in next.sorted() where seen.insert(target).inserted {
                previous[target] = name
                queue.append(target)
            }
        }
        return true
    }
}

extension Calculation {
    /// The first binding whose expression reads a name.
    fileprivate func binding(containing name: String) -> CalculationBinding? {
        bindings.first { $0.expression.referencedNames.contains(name) }
    }
}

extension PackSchema {
    static let calculationKeys = ["id", "calculator", "title", "inputs", "source"]
}
