public import Foundation
import KoersBuiltins
public import KoersCore
import KoersExpression
public import KoersInterview

/// Answers `koers interview` as a person would, from one of the bundled SET pack's own test cases.
///
/// It reads which question the program shows, looks it up in the pack, and types the case's
/// answer, so the tests follow the pack as it grows.
public struct InterviewScript: Sendable {
    /// What one run of the program did.
    public struct Run: Sendable {
        /// The ids of the questions asked, in order.
        public var asked: [String]
        /// Everything the program wrote.
        public var transcript: String
    }

    /// The pack.
    public let pack: RulePack
    /// The test case the answers come from.
    public let testCase: PackTestCase
    private let interview: Interview

    /// Loads the bundled `set-eligibility` pack (from `$KOERS_RULES` when set, as `koers` does)
    /// and picks its first test case on a date.
    ///
    /// - Parameter caseDate: The case's date, `YYYY-MM-DD`.
    /// - Throws: When the pack does not load or has no case on that date.
    public init(caseDate: String) throws {
        let registry = try BuiltinPlugins.registry()
        let rules = ProcessInfo.processInfo.environment["KOERS_RULES"].flatMap {
            $0.isEmpty ? nil : URL(fileURLWithPath: $0)
        }
        let result = RulePackLoader(registry: registry).load(
            directory: (rules ?? Fixtures.rulesDirectory).appendingPathComponent("set-eligibility").path
        )
        guard let pack = result.pack, !result.hasErrors else {
            throw ScriptError(description: "the bundled pack set-eligibility does not load: \(result.diagnostics)")
        }
        let interview = Interview(pack: pack, registry: registry)
        // A case that answers every question the interview asks, preferring one with a verdict
        // of eligible (the longest interview).
        let candidates = pack.testCases.filter { $0.date?.description == caseDate }
            .sorted {
                ($0.expectedOutcomes.values.contains("eligible") ? 0 : 1)
                    < ($1.expectedOutcomes.values.contains("eligible") ? 0 : 1)
            }
        guard let testCase = candidates.first(where: { Self.answersEverything($0, in: interview) }) else {
            throw ScriptError(
                description:
                    "set-eligibility has no test case dated \(caseDate) that answers every question the interview asks"
            )
        }
        self.pack = pack
        self.testCase = testCase
        self.interview = interview
    }

    /// Whether an interview answered from a case never asks a question the case leaves open.
    private static func answersEverything(_ testCase: PackTestCase, in interview: Interview) -> Bool {
        guard let date = testCase.date else { return false }
        var answers = AnswerSet()
        while let question = interview.state(of: answers, on: date).nextQuestion {
            if let special = testCase.specialAnswers[question.id] {
                answers[question.id] = special == .unknown ? .unknown : .skipped
            } else if let value = testCase.answers[question.id] {
                answers[question.id] = .given(value)
            } else if question.allowsUnknown {
                answers[question.id] = .unknown
            } else if question.isOptional {
                answers[question.id] = .skipped
            } else {
                return false
            }
        }
        return true
    }

    /// Starts `koers interview set-eligibility --date <case date>` in a folder, with more
    /// arguments.
    ///
    /// - Parameters:
    ///   - folder: The working folder.
    ///   - arguments: More arguments, such as `--session`.
    /// - Returns: The running program.
    /// - Throws: When it cannot start.
    public func start(in folder: URL, _ arguments: [String] = []) throws -> InteractiveProcess {
        var all = ["interview", "set-eligibility"]
        if let date = testCase.date { all += ["--date", date.description] }
        return try InteractiveProcess(
            CommandRunner.koersExecutable,
            all + arguments,
            in: folder,
            environment: ["NO_COLOR": "1", "USER": "tester"]
        )
    }

    /// How many prompts (`> `) the program has shown.
    ///
    /// - Parameter transcript: The output so far.
    /// - Returns: The number of prompts.
    public static func prompts(in transcript: String) -> Int {
        transcript.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("> ") }.count
    }

    /// Answers every question until the program ends.
    ///
    /// - Parameters:
    ///   - process: The running interview.
    ///   - overrides: Typed answers to use instead of the case's, by question id.
    ///   - first: Called before each answer; a text it returns is typed first (to be rejected).
    /// - Returns: The questions asked and the transcript.
    /// - Throws: On a timeout, or a question the case does not answer.
    public func answerAll(
        _ process: InteractiveProcess,
        overriding overrides: [String: String] = [:],
        first: (String, Question) -> String? = { _, _ in nil }
    ) throws -> Run {
        try answer(process, count: Int.max, overriding: overrides, first: first)
    }

    /// Answers up to `count` questions, or until the program ends.
    ///
    /// - Parameters:
    ///   - process: The running interview.
    ///   - count: How many questions to answer.
    ///   - overrides: Typed answers to use instead of the case's, by question id.
    ///   - first: Called before each answer; a text it returns is typed first (to be rejected).
    /// - Returns: The questions asked and the transcript.
    /// - Throws: On a timeout, or a question the case does not answer.
    public func answer(
        _ process: InteractiveProcess,
        count: Int,
        overriding overrides: [String: String] = [:],
        first: (String, Question) -> String? = { _, _ in nil }
    ) throws -> Run {
        var asked: [String] = []
        var sent = 0
        while asked.count < count {
            let transcript = try process.waitForOutput { Self.prompts(in: $0) > sent || $0.contains("Bewaard in ") }
            guard Self.prompts(in: transcript) > sent, process.isRunning else { break }
            guard let question = currentQuestion(in: transcript) else {
                throw ScriptError(description: "no question found before the prompt:\n\(transcript)")
            }
            if let wrong = first(question.id, question) {
                try process.send(wrong + "\n")
                sent += 1
                try process.waitForOutput { Self.prompts(in: $0) > sent }
            }
            try process.send(try input(for: question, overriding: overrides) + "\n")
            sent += 1
            asked.append(question.id)
        }
        if count == Int.max { try process.waitForExit() }
        return Run(asked: asked, transcript: process.output)
    }

    /// The question whose header (`[3/12] text`) was shown last.
    public func currentQuestion(in transcript: String) -> Question? {
        guard let header = transcript.split(separator: "\n").last(where: { $0.hasPrefix("[") && $0.contains("] ") }),
            let end = header.range(of: "] ")
        else { return nil }
        var text = String(header[end.upperBound...])
        if text.hasPrefix("(wijzigen) ") { text.removeFirst("(wijzigen) ".count) }
        return pack.questions.filter { text.hasPrefix($0.text.text(in: "nl")) }
            .max { $0.text.text(in: "nl").count < $1.text.text(in: "nl").count }
    }

    /// What a person types for a question: the override, else the case's answer, else
    /// "don't know" or "skip" where allowed.
    public func input(for question: Question, overriding overrides: [String: String] = [:]) throws -> String {
        if let typed = overrides[question.id] { return typed }
        if let special = testCase.specialAnswers[question.id] { return special == .unknown ? "??" : "-" }
        if let value = testCase.answers[question.id] { return Self.typed(value) }
        if question.allowsUnknown { return "??" }
        if question.isOptional { return "-" }
        throw ScriptError(
            description: "the interview asked '\(question.id)', which test case '\(testCase.name)' does not answer"
        )
    }

    /// The answer the case gives to a question, as the session should hold it.
    public func expectedState(_ id: String) -> AnswerState? {
        if let special = testCase.specialAnswers[id] { return special == .unknown ? .unknown : .skipped }
        if let value = testCase.answers[id] { return .given(value) }
        guard let question = pack.question(id) else { return nil }
        return question.allowsUnknown ? .unknown : question.isOptional ? .skipped : nil
    }

    /// The result line of an outcome: `SET klein (klein innovatiecluster): komt in aanmerking`.
    public func verdictLine(_ outcomeID: String, _ verdict: Verdict) -> String {
        let title = pack.outcomes.first { $0.id == outcomeID }?.title.text(in: "nl") ?? outcomeID
        let word =
            switch verdict {
            case .eligible: "komt in aanmerking"
            case .ineligible: "komt niet in aanmerking"
            case .undetermined: "nog niet te bepalen"
            case .closed: "gesloten"
            case .notRequested: "niet gevraagd"
            }
        return "\n\(title): \(word)\n"
    }

    /// Checks that a transcript shows every verdict the case expects.
    public func expectVerdicts(in transcript: String) throws {
        for (id, name) in testCase.expectedOutcomes.sorted(by: { $0.key < $1.key }) {
            guard let verdict = Verdict(rawValue: name) else { continue }
            guard transcript.contains(verdictLine(id, verdict)) else {
                throw ScriptError(
                    description:
                        "expected '\(verdictLine(id, verdict).trimmingCharacters(in: .newlines))' in:\n\(transcript)"
                )
            }
        }
    }

    private static func typed(_ value: Value) -> String {
        switch value {
        case .boolean(let flag): flag ? "ja" : "nee"
        case .text(let text): text
        case .list(let elements, _): elements.isEmpty ? "geen" : elements.map(typed).joined(separator: ", ")
        case .money, .number, .percentage, .date: value.description
        }
    }
}

/// Why a scripted interview could not go on.
public struct ScriptError: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String

    /// Creates an error.
    ///
    /// - Parameter description: What went wrong.
    public init(description: String) {
        self.description = description
    }
}
