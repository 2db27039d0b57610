import Foundation
import KoersExpression
import KoersSource
import KoersYAML

extension PackBuilder {
    mutating func readCases(
        _ nodes: [YAMLNode],
        questions: [Question],
        outcomes: [Outcome],
        scores: [Score],
        recommendations: [Recommendation],
        names: NameTable
    ) -> [PackTestCase] {
        let questionsByID = Dictionary(questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var cases: [PackTestCase] = []
        var seen: [String: SourceLocation] = [:]
        var skipped: [(location: SourceLocation, reads: [String])] = []
        defer { reportSkippedCases(skipped) }
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
            let reads = brokenReferences(of: reader, names: names)
            guard reads.isEmpty else {
                skipped.append((node.location, reads))
                continue
            }
            let subject = "test case '\(name)'"
            let date = date(reader["date"], what: "date of \(subject)")
            let (answers, specialAnswers) = caseAnswers(
                reader["answers"], questions: questionsByID, names: names, subject: subject
            )
            var testCase = PackTestCase(
                name: name, date: date, answers: answers, expectedOutcomes: [:], expectedValues: [:],
                location: node.location
            )
            testCase.specialAnswers = specialAnswers
            testCase.overrides = caseOverrides(reader["overrides"], scores: scores, subject: subject)
            if let expectNode = reader["expect"],
               let expect = self.reader(expectNode, subject: "'expect' of \(subject)",
                                        allowed: PackSchema.expectKeys, required: [])
            {
                testCase.expectedOutcomes = caseVerdicts(expect["outcomes"], outcomes: outcomes, subject: subject)
                testCase.expectedValues = caseValues(expect["values"], outcomes: outcomes, names: names, subject: subject)
                if let node = expect["recommendations"] {
                    testCase.expectedRecommendations = caseRecommendations(
                        node, recommendations: recommendations, subject: subject
                    )
                }
                testCase.expectedMissing = caseMissing(
                    expect["missing"], outcomes: outcomes, questions: questionsByID, subject: subject
                )
            }
            cases.append(testCase)
        }
        return cases
    }

    /// The items with an error that a test case reads: answered or missing questions, expected
    /// values, amounts, verdicts and recommendations. Such a case cannot be checked until they
    /// are fixed, and reporting each read would bury the one real error under follow-on errors.
    private func brokenReferences(of reader: MappingReader, names: NameTable) -> [String] {
        var reads: [String] = []
        func keys(_ node: YAMLNode?) -> [String] { node?.mapping?.compactMap(\.key.scalarValue) ?? [] }
        for id in keys(reader["answers"]) where names.broken.contains(id) { reads.append(id) }
        guard let expect = reader["expect"] else { return reads }
        for id in keys(MappingReader.value(of: "values", in: expect))
        where names.broken.contains(id) || brokenItems.amounts.contains(id) {
            reads.append(id)
        }
        for id in keys(MappingReader.value(of: "outcomes", in: expect)) where brokenItems.outcomes.contains(id) {
            reads.append(id)
        }
        for item in MappingReader.value(of: "recommendations", in: expect)?.sequence ?? [] {
            if let id = item.scalarValue, brokenItems.recommendations.contains(id) { reads.append(id) }
        }
        for entry in MappingReader.value(of: "missing", in: expect)?.mapping ?? [] {
            if let id = entry.key.scalarValue, brokenItems.outcomes.contains(id) { reads.append(id) }
            for item in entry.value.sequence ?? [] {
                if let id = item.scalarValue, names.broken.contains(id) { reads.append(id) }
            }
        }
        return reads
    }

    /// One warning for all test cases left out because they read items with errors.
    private mutating func reportSkippedCases(_ skipped: [(location: SourceLocation, reads: [String])]) {
        guard let first = skipped.first else { return }
        var items: [String] = []
        for id in skipped.flatMap(\.reads) where !items.contains(id) { items.append(id) }
        let listed = items.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (items.count > 5 ? ", …" : "")
        let count = skipped.count == 1 ? "1 test case" : "\(skipped.count) test cases"
        warning("\(count) skipped because \(skipped.count == 1 ? "it reads" : "they read") items that have "
                    + "errors (\(listed)); fix those errors first",
                at: first.location, code: "cases-skipped")
    }

    private mutating func caseAnswers(
        _ node: YAMLNode?,
        questions: [String: Question],
        names: NameTable,
        subject: String
    ) -> ([String: Value], [String: SpecialAnswer]) {
        guard let node else { return ([:], [:]) }
        guard let entries = node.mapping else {
            error("answers of \(subject) must be a mapping of question id to answer", at: node.location,
                  code: "wrong-kind")
            return ([:], [:])
        }
        var answers: [String: Value] = [:]
        var specialAnswers: [String: SpecialAnswer] = [:]
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
            if let text = entry.value.scalarValue, let meaning = AnswerWords.meaning(of: text) {
                switch meaning {
                case .unknown where !question.allowsUnknown:
                    error("answer '\(text)' to '\(id)' in \(subject) means \"I don't know\", but the question does "
                            + "not allow it; add 'allow_unknown: true' to the question or give a value",
                          at: entry.value.location, code: "bad-answer")
                case .skipped where !question.isOptional:
                    error("answer '\(text)' to '\(id)' in \(subject) skips the question, but it is not optional; "
                            + "add 'optional: true' to the question or give a value",
                          at: entry.value.location, code: "bad-answer")
                default:
                    specialAnswers[id] = meaning
                }
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
        return (answers, specialAnswers)
    }

    private mutating func caseOverrides(_ node: YAMLNode?, scores: [Score], subject: String) -> [String: ScoreOverride] {
        guard let node else { return [:] }
        guard let entries = node.mapping else {
            error("overrides of \(subject) must be a mapping of score id to {value, justification}",
                  at: node.location, code: "wrong-kind")
            return [:]
        }
        var overrides: [String: ScoreOverride] = [:]
        for entry in entries {
            let id = entry.key.scalarValue ?? ""
            guard scores.contains(where: { $0.id == id }) else {
                var notes: [Diagnostic] = []
                if let suggestion = closestMatch(to: id, among: scores.map(\.id)) {
                    notes.append(.note("did you mean '\(suggestion)'?", at: entry.key.location))
                }
                error("\(subject) overrides unknown score '\(id)'", at: entry.key.location, code: "unknown-score",
                      notes: notes)
                continue
            }
            guard let reader = reader(entry.value, subject: "override of '\(id)' in \(subject)",
                                      allowed: PackSchema.overrideKeys, required: ["value", "justification"]),
                  let valueNode = reader["value"], let justification = reader["justification"]?.scalarValue
            else { continue }
            guard let text = valueNode.scalarValue, let value = Decimal(string: text, locale: nil),
                  text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" })
            else {
                error("value of the override of '\(id)' in \(subject) must be a number such as 3 or 2.5",
                      at: valueNode.location, code: "bad-value")
                continue
            }
            overrides[id] = ScoreOverride(value: value, justification: justification)
        }
        return overrides
    }

    private mutating func caseRecommendations(
        _ node: YAMLNode,
        recommendations: [Recommendation],
        subject: String
    ) -> Set<String>? {
        guard let items = node.sequence else {
            error("expected recommendations of \(subject) must be a list of the recommendation ids that fire "
                    + "(use [] for none)",
                  at: node.location, code: "wrong-kind")
            return nil
        }
        var ids: Set<String> = []
        for item in items {
            let id = item.scalarValue ?? ""
            guard recommendations.contains(where: { $0.id == id }) else {
                var notes: [Diagnostic] = []
                if let suggestion = closestMatch(to: id, among: recommendations.map(\.id)) {
                    notes.append(.note("did you mean '\(suggestion)'?", at: item.location))
                }
                error("\(subject) expects unknown recommendation '\(id)'", at: item.location,
                      code: "unknown-recommendation", notes: notes)
                continue
            }
            ids.insert(id)
        }
        return ids
    }

    private mutating func caseMissing(
        _ node: YAMLNode?,
        outcomes: [Outcome],
        questions: [String: Question],
        subject: String
    ) -> [String: Set<String>] {
        guard let node else { return [:] }
        guard let entries = node.mapping else {
            error("expected missing questions of \(subject) must be a mapping of outcome id to a list of question ids",
                  at: node.location, code: "wrong-kind")
            return [:]
        }
        var missing: [String: Set<String>] = [:]
        for entry in entries {
            let id = entry.key.scalarValue ?? ""
            guard outcomes.contains(where: { $0.id == id }) else {
                error("\(subject) expects missing questions of unknown outcome '\(id)'", at: entry.key.location,
                      code: "unknown-outcome")
                continue
            }
            guard let items = entry.value.sequence else {
                error("missing questions of '\(id)' in \(subject) must be a list of question ids",
                      at: entry.value.location, code: "wrong-kind")
                continue
            }
            var questionIDs: Set<String> = []
            for item in items {
                let questionID = item.scalarValue ?? ""
                guard questions[questionID] != nil else {
                    var notes: [Diagnostic] = []
                    if let suggestion = closestMatch(to: questionID, among: questions.keys) {
                        notes.append(.note("did you mean '\(suggestion)'?", at: item.location))
                    }
                    error("\(subject) expects unknown question '\(questionID)' to be missing", at: item.location,
                          code: "unknown-question", notes: notes)
                    continue
                }
                questionIDs.insert(questionID)
            }
            missing[id] = questionIDs
        }
        return missing
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
                guard case .known(let value) = try evaluator.evaluate(expression) else { continue }
                values[id] = value
            } catch {
                self.error("expected value of '\(id)' in \(subject) must be a constant such as € 62.500 or 20%",
                           at: entry.value.location, code: "bad-value")
            }
        }
        return values
    }
}

/// Items of a pack that were left out because of an error in them (or in what they read).
struct BrokenItems {
    /// Outcome ids.
    var outcomes: Set<String> = []
    /// Amounts as `outcome.amount`, the way test cases name them.
    var amounts: Set<String> = []
    /// Recommendation ids.
    var recommendations: Set<String> = []
}
