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
            guard let reader = reader(node, subject: Phrase("test case", nl: "testgeval"), allowed: PackSchema.caseKeys,
                                      required: ["name", "answers", "expect"]),
                  let name = reader["name"]?.scalarValue
            else { continue }
            if let first = seen[name] {
                error("duplicate test case name '\(name)'", nl: "de naam van testgeval '\(name)' komt twee keer voor",
                      at: reader["name"]?.location, code: "duplicate-id", notes: [.note(.firstDefinedHere, at: first)])
                continue
            }
            seen[name] = reader["name"]?.location
            let reads = brokenReferences(of: reader, names: names)
            guard reads.isEmpty else {
                skipped.append((node.location, reads))
                continue
            }
            let subject = Phrase("test case '\(name)'", nl: "testgeval '\(name)'")
            let date = date(reader["date"], what: Phrase("date of \(subject)", nl: "datum van \(subject.nl)"))
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
               let expect = self.reader(expectNode, subject: Phrase("'expect' of \(subject)", nl: "'expect' van \(subject.nl)"),
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
        let dutchCount = skipped.count == 1 ? "1 testgeval is" : "\(skipped.count) testgevallen zijn"
        warning("\(count) skipped because \(skipped.count == 1 ? "it reads" : "they read") items that have "
                    + "errors (\(listed)); fix those errors first",
                nl: "\(dutchCount) overgeslagen omdat \(skipped.count == 1 ? "het" : "ze") onderdelen "
                    + "met fouten \(skipped.count == 1 ? "leest" : "lezen") (\(listed)); herstel eerst die fouten",
                at: first.location, code: "cases-skipped")
    }

    private mutating func caseAnswers(
        _ node: YAMLNode?,
        questions: [String: Question],
        names: NameTable,
        subject: Phrase
    ) -> ([String: Value], [String: SpecialAnswer]) {
        guard let node else { return ([:], [:]) }
        guard let entries = node.mapping else {
            error("answers of \(subject) must be a mapping of question id to answer",
                  nl: "de antwoorden van \(subject.nl) moeten een mapping van vraag-id naar antwoord zijn",
                  at: node.location, code: "wrong-kind")
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
                    notes.append(.note(.didYouMean(suggestion), at: entry.key.location))
                }
                error("\(subject) answers unknown question '\(id)'",
                      nl: "\(subject.nl) beantwoordt een onbekende vraag '\(id)'", at: entry.key.location,
                      code: "unknown-question", notes: notes)
                continue
            }
            if let text = entry.value.scalarValue, let meaning = AnswerWords.meaning(of: text) {
                switch meaning {
                case .unknown where !question.allowsUnknown:
                    error("answer '\(text)' to '\(id)' in \(subject) means \"I don't know\", but the question does "
                            + "not allow it; add 'allow_unknown: true' to the question or give a value",
                          nl: "antwoord '\(text)' op '\(id)' in \(subject.nl) betekent \"weet ik niet\", maar de vraag "
                            + "staat dat niet toe; zet 'allow_unknown: true' bij de vraag of geef een waarde",
                          at: entry.value.location, code: "bad-answer")
                case .skipped where !question.isOptional:
                    error("answer '\(text)' to '\(id)' in \(subject) skips the question, but it is not optional; "
                            + "add 'optional: true' to the question or give a value",
                          nl: "antwoord '\(text)' op '\(id)' in \(subject.nl) slaat de vraag over, maar die is niet "
                            + "optioneel; zet 'optional: true' bij de vraag of geef een waarde",
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
                error("answer to '\(id)' in \(subject) must be a value or a list",
                      nl: "het antwoord op '\(id)' in \(subject.nl) moet een waarde of een lijst zijn",
                      at: entry.value.location, code: "wrong-kind")
                continue
            }
            switch type.parse(input, for: question) {
            case .success(let value): answers[id] = value
            case .failure(let problem):
                error("answer to '\(id)' in \(subject) is not accepted: \(problem.description)",
                      nl: "het antwoord op '\(id)' in \(subject.nl) wordt niet aanvaard: \(problem.message.text(in: "nl"))",
                      at: entry.value.location, code: "bad-answer")
            }
        }
        return (answers, specialAnswers)
    }

    private mutating func caseOverrides(_ node: YAMLNode?, scores: [Score], subject: Phrase) -> [String: ScoreOverride] {
        guard let node else { return [:] }
        guard let entries = node.mapping else {
            error("overrides of \(subject) must be a mapping of score id to {value, justification}",
                  nl: "de overschrijvingen van \(subject.nl) moeten een mapping van score-id naar {value, justification} zijn",
                  at: node.location, code: "wrong-kind")
            return [:]
        }
        var overrides: [String: ScoreOverride] = [:]
        for entry in entries {
            let id = entry.key.scalarValue ?? ""
            guard scores.contains(where: { $0.id == id }) else {
                var notes: [Diagnostic] = []
                if let suggestion = closestMatch(to: id, among: scores.map(\.id)) {
                    notes.append(.note(.didYouMean(suggestion), at: entry.key.location))
                }
                error("\(subject) overrides unknown score '\(id)'",
                      nl: "\(subject.nl) overschrijft een onbekende score '\(id)'", at: entry.key.location, code: "unknown-score",
                      notes: notes)
                continue
            }
            guard let reader = reader(entry.value,
                                      subject: Phrase("override of '\(id)' in \(subject)",
                                                      nl: "overschrijving van '\(id)' in \(subject.nl)"),
                                      allowed: PackSchema.overrideKeys, required: ["value", "justification"]),
                  let valueNode = reader["value"], let justification = reader["justification"]?.scalarValue
            else { continue }
            guard let text = valueNode.scalarValue, let value = Decimal(string: text, locale: nil),
                  text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" })
            else {
                error("value of the override of '\(id)' in \(subject) must be a number such as 3 or 2.5",
                      nl: "de waarde van de overschrijving van '\(id)' in \(subject.nl) moet een getal zijn, zoals 3 of 2.5",
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
        subject: Phrase
    ) -> Set<String>? {
        guard let items = node.sequence else {
            error("expected recommendations of \(subject) must be a list of the recommendation ids that fire "
                    + "(use [] for none)",
                  nl: "de verwachte aanbevelingen van \(subject.nl) moeten een lijst zijn van de id's van de aanbevelingen "
                    + "die afgaan (gebruik [] voor geen)",
                  at: node.location, code: "wrong-kind")
            return nil
        }
        var ids: Set<String> = []
        for item in items {
            let id = item.scalarValue ?? ""
            guard recommendations.contains(where: { $0.id == id }) else {
                var notes: [Diagnostic] = []
                if let suggestion = closestMatch(to: id, among: recommendations.map(\.id)) {
                    notes.append(.note(.didYouMean(suggestion), at: item.location))
                }
                error("\(subject) expects unknown recommendation '\(id)'",
                      nl: "\(subject.nl) verwacht een onbekende aanbeveling '\(id)'", at: item.location,
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
        subject: Phrase
    ) -> [String: Set<String>] {
        guard let node else { return [:] }
        guard let entries = node.mapping else {
            error("expected missing questions of \(subject) must be a mapping of outcome id to a list of question ids",
                  nl: "de verwachte ontbrekende vragen van \(subject.nl) moeten een mapping van uitkomst-id naar een lijst "
                    + "van vraag-id's zijn",
                  at: node.location, code: "wrong-kind")
            return [:]
        }
        var missing: [String: Set<String>] = [:]
        for entry in entries {
            let id = entry.key.scalarValue ?? ""
            guard outcomes.contains(where: { $0.id == id }) else {
                error("\(subject) expects missing questions of unknown outcome '\(id)'",
                      nl: "\(subject.nl) verwacht ontbrekende vragen bij een onbekende uitkomst '\(id)'", at: entry.key.location,
                      code: "unknown-outcome")
                continue
            }
            guard let items = entry.value.sequence else {
                error("missing questions of '\(id)' in \(subject) must be a list of question ids",
                      nl: "de ontbrekende vragen van '\(id)' in \(subject.nl) moeten een lijst van vraag-id's zijn",
                      at: entry.value.location, code: "wrong-kind")
                continue
            }
            var questionIDs: Set<String> = []
            for item in items {
                let questionID = item.scalarValue ?? ""
                guard questions[questionID] != nil else {
                    var notes: [Diagnostic] = []
                    if let suggestion = closestMatch(to: questionID, among: questions.keys) {
                        notes.append(.note(.didYouMean(suggestion), at: item.location))
                    }
                    error("\(subject) expects unknown question '\(questionID)' to be missing",
                          nl: "\(subject.nl) verwacht dat de onbekende vraag '\(questionID)' ontbreekt", at: item.location,
                          code: "unknown-question", notes: notes)
                    continue
                }
                questionIDs.insert(questionID)
            }
            missing[id] = questionIDs
        }
        return missing
    }

    private mutating func caseVerdicts(_ node: YAMLNode?, outcomes: [Outcome], subject: Phrase) -> [String: String] {
        guard let node else { return [:] }
        guard let entries = node.mapping else {
            error("expected outcomes of \(subject) must be a mapping of outcome id to verdict",
                  nl: "de verwachte uitkomsten van \(subject.nl) moeten een mapping van uitkomst-id naar oordeel zijn",
                  at: node.location, code: "wrong-kind")
            return [:]
        }
        var verdicts: [String: String] = [:]
        for entry in entries {
            let id = entry.key.scalarValue ?? ""
            guard outcomes.contains(where: { $0.id == id }) else {
                var notes: [Diagnostic] = []
                if let suggestion = closestMatch(to: id, among: outcomes.map(\.id)) {
                    notes.append(.note(.didYouMean(suggestion), at: entry.key.location))
                }
                error("\(subject) expects unknown outcome '\(id)'",
                      nl: "\(subject.nl) verwacht een onbekende uitkomst '\(id)'", at: entry.key.location, code: "unknown-outcome",
                      notes: notes)
                continue
            }
            guard let verdict = entry.value.scalarValue, PackSchema.verdicts.contains(verdict) else {
                error("expected verdict for '\(id)' must be one of " + PackSchema.verdicts.joined(separator: ", "),
                      nl: "het verwachte oordeel voor '\(id)' moet een van deze zijn: " + PackSchema.verdicts.joined(separator: ", "),
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
        subject: Phrase
    ) -> [String: Value] {
        guard let node else { return [:] }
        guard let entries = node.mapping else {
            error("expected values of \(subject) must be a mapping of id to value",
                  nl: "de verwachte waarden van \(subject.nl) moeten een mapping van id naar waarde zijn",
                  at: node.location, code: "wrong-kind")
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
                    notes.append(.note(.didYouMean(suggestion), at: entry.key.location))
                }
                error("\(subject) expects unknown value '\(id)'; name a value, a score, or an amount as "
                        + "'outcome.amount'",
                      nl: "\(subject.nl) verwacht een onbekende waarde '\(id)'; noem een waarde, een score of een bedrag "
                        + "als 'uitkomst.bedrag'",
                      at: entry.key.location, code: "unknown-value", notes: notes)
                continue
            }
            guard let expression = parse(entry.value, what: Phrase("expected value of '\(id)' in \(subject)",
                                                                   nl: "verwachte waarde van '\(id)' in \(subject.nl)"))
            else {
                continue
            }
            let checker = TypeChecker(functions: registry.functions, names: [:])
            do {
                let literalType = try checker.type(of: expression)
                guard type.unified(with: literalType) == type else {
                    error("expected value of '\(id)' in \(subject) must be \(Self.describe(type)), "
                            + "but it is \(Self.describe(literalType))",
                          nl: "de verwachte waarde van '\(id)' in \(subject.nl) moet \(type.dutchDescription) zijn, "
                            + "maar het is \(literalType.dutchDescription)",
                          at: entry.value.location, code: "type-mismatch")
                    continue
                }
                guard case .known(let value) = try evaluator.evaluate(expression) else { continue }
                values[id] = value
            } catch {
                self.error("expected value of '\(id)' in \(subject) must be a constant such as € 62.500 or 20%",
                           nl: "de verwachte waarde van '\(id)' in \(subject.nl) moet een vaste waarde zijn, zoals € 62.500 of 20%",
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
