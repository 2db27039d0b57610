import KoersExpression
import KoersSource
import KoersYAML

extension PackBuilder {
    mutating func readCases(
        _ nodes: [YAMLNode],
        questions: [Question],
        outcomes: [Outcome],
        names: NameTable
    ) -> [PackTestCase] {
        let questionsByID = Dictionary(questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var cases: [PackTestCase] = []
        var seen: [String: SourceLocation] = [:]
        for node in nodes {
            guard let reader = reader(node, subject: "test case", allowed: PackSchema.caseKeys,
                                      required: ["name", "answers", "expect"]),
                  let name = reader["name"]?.scalarValue
            else { continue }
            if let first = seen[name] {
                error("duplicate test case name '\(name)'", at: reader["name"]?.location, code: "duplicate-id",
                      notes: [.note("first defined here", at: first)])
                continue
            }
            seen[name] = reader["name"]?.location
            let subject = "test case '\(name)'"
            let date = date(reader["date"], what: "date of \(subject)")
            let answers = caseAnswers(reader["answers"], questions: questionsByID, names: names, subject: subject)
            var expectedOutcomes: [String: String] = [:]
            var expectedValues: [String: Value] = [:]
            if let expectNode = reader["expect"],
               let expect = self.reader(expectNode, subject: "'expect' of \(subject)",
                                        allowed: PackSchema.expectKeys, required: [])
            {
                expectedOutcomes = caseVerdicts(expect["outcomes"], outcomes: outcomes, subject: subject)
                expectedValues = caseValues(expect["values"], outcomes: outcomes, names: names, subject: subject)
            }
            cases.append(
                PackTestCase(name: name, date: date, answers: answers, expectedOutcomes: expectedOutcomes,
                             expectedValues: expectedValues, location: node.location)
            )
        }
        return cases
    }

    private mutating func caseAnswers(
        _ node: YAMLNode?,
        questions: [String: Question],
        names: NameTable,
        subject: String
    ) -> [String: Value] {
        guard let node else { return [:] }
        guard let entries = node.mapping else {
            error("answers of \(subject) must be a mapping of question id to answer", at: node.location,
                  code: "wrong-kind")
            return [:]
        }
        var answers: [String: Value] = [:]
        for entry in entries {
            let id = entry.key.scalarValue ?? ""
            guard let question = questions[id] else {
                if names.broken.contains(id) { continue }
                var notes: [Diagnostic] = []
                if let suggestion = closestMatch(to: id, among: questions.keys) {
                    notes.append(.note("did you mean '\(suggestion)'?", at: entry.key.location))
                }
                error("\(subject) answers unknown question '\(id)'", at: entry.key.location,
                      code: "unknown-question", notes: notes)
                continue
            }
            guard let type = registry.questionType(question.typeID) else { continue }
            let input: AnswerInput
            if let items = entry.value.sequence {
                input = .list(items.compactMap(\.scalarValue))
            } else if let text = entry.value.scalarValue {
                input = .text(text)
            } else {
                error("answer to '\(id)' in \(subject) must be a value or a list", at: entry.value.location,
                      code: "wrong-kind")
                continue
            }
            switch type.parse(input, for: question) {
            case .success(let value): answers[id] = value
            case .failure(let problem):
                error("answer to '\(id)' in \(subject) is not accepted: \(problem.description)",
                      at: entry.value.location, code: "bad-answer")
            }
        }
        return answers
    }

    private mutating func caseVerdicts(_ node: YAMLNode?, outcomes: [Outcome], subject: String) -> [String: String] {
        guard let node else { return [:] }
        guard let entries = node.mapping else {
            error("expected outcomes of \(subject) must be a mapping of outcome id to verdict", at: node.location,
                  code: "wrong-kind")
            return [:]
        }
        var verdicts: [String: String] = [:]
        for entry in entries {
            let id = entry.key.scalarValue ?? ""
            guard outcomes.contains(where: { $0.id == id }) else {
                var notes: [Diagnostic] = []
                if let suggestion = closestMatch(to: id, among: outcomes.map(\.id)) {
                    notes.append(.note("did you mean '\(suggestion)'?", at: entry.key.location))
                }
                error("\(subject) expects unknown outcome '\(id)'", at: entry.key.location, code: "unknown-outcome",
                      notes: notes)
                continue
            }
            guard let verdict = entry.value.scalarValue, PackSchema.verdicts.contains(verdict) else {
                error("expected verdict for '\(id)' must be one of " + PackSchema.verdicts.joined(separator: ", "),
                      at: entry.value.location, code: "bad-value")
                continue
            }
            verdicts[id] = verdict
        }
        return verdicts
    }

    private mutating func caseValues(
        _ node: YAMLNode?,
        outcomes: [Outcome],
        names: NameTable,
        subject: String
    ) -> [String: Value] {
        guard let node else { return [:] }
        guard let entries = node.mapping else {
            error("expected values of \(subject) must be a mapping of id to value", at: node.location,
                  code: "wrong-kind")
            return [:]
        }
        var amountTypes: [String: ValueType] = [:]
        for outcome in outcomes {
            for amount in outcome.amounts { amountTypes["\(outcome.id).\(amount.id)"] = amount.expression.type }
        }
        let evaluator = Evaluator(functions: registry.functions)
        var values: [String: Value] = [:]
        for entry in entries {
            let id = entry.key.scalarValue ?? ""
            guard let type = names.types[id].flatMap({ id == PackSchema.evaluationDateName ? nil : $0 })
                ?? amountTypes[id]
            else {
                if names.broken.contains(id) { continue }
                let candidates = Array(names.types.keys) + Array(amountTypes.keys)
                var notes: [Diagnostic] = []
                if let suggestion = closestMatch(to: id, among: candidates) {
                    notes.append(.note("did you mean '\(suggestion)'?", at: entry.key.location))
                }
                error("\(subject) expects unknown value '\(id)'; name a value, a score, or an amount as "
                        + "'outcome.amount'",
                      at: entry.key.location, code: "unknown-value", notes: notes)
                continue
            }
            guard let expression = parse(entry.value, what: "expected value of '\(id)' in \(subject)") else {
                continue
            }
            let checker = TypeChecker(functions: registry.functions, names: [:])
            do {
                let literalType = try checker.type(of: expression)
                guard type.unified(with: literalType) == type else {
                    error("expected value of '\(id)' in \(subject) must be \(Self.describe(type)), "
                            + "but it is \(Self.describe(literalType))",
                          at: entry.value.location, code: "type-mismatch")
                    continue
                }
                guard case .known(let value) = try evaluator.evaluate(expression, in: NoNames()) else { continue }
                values[id] = value
            } catch {
                self.error("expected value of '\(id)' in \(subject) must be a constant such as € 62.500 or 20%",
                           at: entry.value.location, code: "bad-value")
            }
        }
        return values
    }
}

/// An environment without names, for constant expressions.
private struct NoNames: EvaluationEnvironment {
    func resolve(_ name: String) -> EvaluationResult { .unknown([name]) }
}
