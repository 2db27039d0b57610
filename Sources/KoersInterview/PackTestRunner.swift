public import KoersCore
public import KoersExpression
public import KoersSource

/// Runs the test cases a pack ships: answers and a date in, expected verdicts, amounts,
/// values and scores out.
public struct PackTestRunner: Sendable {
    /// The evaluator of the pack under test.
    public let evaluator: PackEvaluator

    /// Creates a runner.
    ///
    /// - Parameters:
    ///   - pack: The pack whose cases to run.
    ///   - functions: The functions the pack was checked with.
    public init(pack: RulePack, functions: FunctionRegistry) {
        self.evaluator = PackEvaluator(pack: pack, functions: functions)
    }

    /// Runs every case of the pack.
    ///
    /// - Parameter today: The date for cases that give none.
    /// - Returns: One result per case, in the pack's order.
    public func run(today: CalendarDate = .today()) -> [PackTestResult] {
        evaluator.pack.testCases.map { run($0, today: today) }
    }

    /// Runs one case.
    ///
    /// - Parameters:
    ///   - testCase: The case.
    ///   - today: The date when the case gives none.
    /// - Returns: The case with every expectation that failed.
    public func run(_ testCase: PackTestCase, today: CalendarDate = .today()) -> PackTestResult {
        var answers = AnswerSet(values: testCase.answers)
        for (id, special) in testCase.specialAnswers {
            answers[id] = special == .unknown ? .unknown : .skipped
        }
        let evaluation = evaluator.evaluate(answers, on: testCase.date ?? today, overrides: testCase.overrides)
        var failures: [Phrase] = []
        for (outcomeID, expected) in testCase.expectedOutcomes.sorted(by: { $0.key < $1.key }) {
            guard let result = evaluation.outcome(outcomeID) else {
                failures.append(Phrase("outcome '\(outcomeID)' does not exist", nl: "uitkomst '\(outcomeID)' bestaat niet"))
                continue
            }
            if result.verdict.rawValue != expected {
                let verdict = result.verdict.rawValue
                var failure = Phrase("outcome '\(outcomeID)': expected \(expected), got \(verdict)",
                                     nl: "uitkomst '\(outcomeID)': verwacht \(expected), kreeg \(verdict)")
                let decisive = result.decisiveRequirements.map(\.requirement.id).joined(separator: ", ")
                let missing = result.missingQuestions.joined(separator: ", ")
                if result.verdict == .ineligible {
                    failure.en += " (not met: \(decisive))"
                    failure.nl += " (niet voldaan: \(decisive))"
                } else if result.verdict == .undetermined, !result.missingQuestions.isEmpty {
                    failure.en += " (still needs: \(missing))"
                    failure.nl += " (heeft nog nodig: \(missing))"
                }
                failures.append(failure)
            }
        }
        for (name, expected) in testCase.expectedValues.sorted(by: { $0.key < $1.key }) {
            let actual = Self.result(of: name, in: evaluation)
            switch actual {
            case .known(let value) where value.matches(expected):
                continue
            case .known(let value):
                failures.append(Phrase("'\(name)': expected \(expected.literal), got \(value.literal)",
                                       nl: "'\(name)': verwacht \(expected.literal), kreeg \(value.literal)"))
            case .unknown(let missing):
                let list = evaluation.inPackOrder(missing).sorted().joined(separator: ", ")
                let needs = missing.isEmpty ? "" : " (still needs: \(list))"
                let dutchNeeds = missing.isEmpty ? "" : " (heeft nog nodig: \(list))"
                failures.append(Phrase("'\(name)': expected \(expected.literal), got unknown\(needs)",
                                       nl: "'\(name)': verwacht \(expected.literal), kreeg onbekend\(dutchNeeds)"))
            case nil:
                failures.append(Phrase(
                    "'\(name)': expected \(expected.literal), but it was not computed (is the outcome eligible on this date?)",
                    nl: "'\(name)': verwacht \(expected.literal), maar het is niet berekend (komt de uitkomst op deze datum in aanmerking?)"
                ))
            }
        }
        if let expected = testCase.expectedRecommendations {
            let fired = Set(evaluation.recommendations.map(\.recommendation.id))
            let missing = expected.subtracting(fired).sorted()
            let unexpected = fired.subtracting(expected).sorted()
            if !missing.isEmpty {
                let list = missing.joined(separator: ", ")
                failures.append(Phrase("recommendations expected to fire but silent: \(list)",
                                       nl: "aanbevelingen die zouden moeten afgaan maar stil blijven: \(list)"))
            }
            if !unexpected.isEmpty {
                let list = unexpected.joined(separator: ", ")
                failures.append(Phrase("recommendations that fire but were not expected: \(list)",
                                       nl: "aanbevelingen die afgaan maar niet werden verwacht: \(list)"))
            }
        }
        for (outcomeID, expected) in testCase.expectedMissing.sorted(by: { $0.key < $1.key }) {
            let actual = Set(evaluation.outcome(outcomeID)?.missingQuestions ?? [])
            if actual != expected {
                let expectedList = expected.sorted().joined(separator: ", ")
                let actualList = actual.sorted().joined(separator: ", ")
                failures.append(Phrase(
                    "outcome '\(outcomeID)': expected missing questions [\(expectedList)], got [\(actualList)]",
                    nl: "uitkomst '\(outcomeID)': verwacht ontbrekende vragen [\(expectedList)], kreeg [\(actualList)]"
                ))
            }
        }
        for problem in evaluation.problems {
            let place = problem.location.map { "\($0)" } ?? "?"
            failures.append(Phrase("evaluation failed at \(place): \(problem.message)",
                                   nl: "evaluatie mislukt bij \(place): \(problem.message(in: .dutch))"))
        }
        return PackTestResult(testCase: testCase, failures: failures.map(\.en), dutchFailures: failures.map(\.nl))
    }

    /// The result of a value, a score or an `outcome.amount` by name.
    static func result(of name: String, in evaluation: Evaluation) -> EvaluationResult? {
        if let value = evaluation.value(name) { return value.result }
        if let output = evaluation.calculationOutput(named: name) { return output.result }
        if let score = evaluation.score(name) {
            return score.effectiveValue.map { .known(.number($0)) } ?? score.computed
        }
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let outcome = evaluation.outcome(parts[0]) else { return nil }
        return outcome.amounts.first { $0.amount.id == parts[1] }?.result
    }
}

/// The result of one test case.
public struct PackTestResult: Sendable {
    /// The case.
    public var testCase: PackTestCase
    /// What did not come out as expected; empty when the case passed.
    public var failures: [String]
    /// The same in Dutch, one for each of ``failures``, for `koers test --lang nl`.
    public var dutchFailures: [String] = []

    /// The failures in a language.
    ///
    /// - Parameter language: The language.
    /// - Returns: ``failures``, or their Dutch texts.
    public func failures(in language: DiagnosticLanguage) -> [String] {
        language == .dutch && dutchFailures.count == failures.count ? dutchFailures : failures
    }

    /// Whether every expectation held.
    public var passed: Bool { failures.isEmpty }

    /// Where the case is written, for `file:line:col` reports.
    public var location: SourceLocation { testCase.location }
}
