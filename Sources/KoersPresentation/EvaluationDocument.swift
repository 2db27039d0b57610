public import Foundation
public import KoersCore
public import KoersExpression
public import KoersInterview
import KoersSource

/// An evaluation written down for machines: what `koers check --format json` prints and what
/// the web application can serve, in the stable format `koers-check/1`.
///
/// Every key is always present; what is not known is `null`. Numbers, money and percentages
/// are exact decimal strings (`"60000"`, a percentage as its fraction: 12,5% is `"0.125"`),
/// never binary floating point, next to a `formatted` text in the document's language. The
/// schema is `schemas/check-result.schema.json`.
///
/// ```swift
/// let evaluation = PackEvaluator(pack: pack, functions: registry.functions).evaluate(answers, on: date)
/// let document = EvaluationDocument(evaluation: evaluation, pack: pack, language: "en")
/// let data = try EvaluationDocument.encoder.encode(document)
/// ```
public struct EvaluationDocument: Sendable, Hashable, Codable {
    /// `koers-check/1`: the format this version writes.
    public static let currentFormat = "koers-check/1"

    /// The format marker, ``currentFormat``.
    public var format: String
    /// The version of the engine that made the evaluation.
    public var engineVersion: String
    /// The pack evaluated.
    public var pack: PackEntry
    /// The evaluation date, `YYYY-MM-DD`.
    public var date: String
    /// The language of the texts: `nl` or `en`.
    public var language: String
    /// The answers file the answers came from, as given, if any.
    @Nullable public var answersFile: String?
    /// The verdict over all outcomes, which `koers check` also gives as its exit status.
    public var overallVerdict: OverallVerdict
    /// The outcomes, in pack order.
    public var outcomes: [OutcomeEntry]
    /// The derived values, in pack order, without the pack's internal helper values.
    public var values: [ValueEntry]
    /// The scores, in pack order.
    public var scores: [ScoreEntry]
    /// The recommendations that fire, highest priority first.
    public var recommendations: [RecommendationEntry]
    /// The unanswered questions that can still change a result, in interview order.
    public var openQuestions: [QuestionEntry]
    /// Answers that are kept but not used, because their question does not apply.
    public var ignoredAnswers: [AnswerEntry]
    /// Expressions that failed while evaluating; each made its item unknown.
    public var problems: [ProblemEntry]
    /// The calculations (business cases and the like): inputs with units, results with units
    /// and formulas.
    public var calculations: [CalculationEntry]

    enum CodingKeys: String, CodingKey {
        case format
        case engineVersion = "engine_version"
        case pack, date, language
        case answersFile = "answers_file"
        case overallVerdict = "overall_verdict"
        case outcomes, values, scores, recommendations
        case openQuestions = "open_questions"
        case ignoredAnswers = "ignored_answers"
        case problems
        case calculations
    }

    /// An encoder for the document's stable form: pretty printed, keys sorted, slashes unescaped.
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

// MARK: - Entries

extension EvaluationDocument {
    /// The verdict over all outcomes of a pack.
    public enum OverallVerdict: String, Sendable, Hashable, Codable, CaseIterable {
        /// At least one outcome is eligible.
        case eligible
        /// None is eligible, and at least one still depends on answers.
        case undetermined
        /// None is eligible or undetermined: every outcome is ineligible or closed.
        case ineligible
        /// The pack has no outcomes (it only scores or recommends), or none was requested.
        case noOutcomes = "no_outcomes"

        /// The overall verdict of some outcome verdicts. Outcomes that were not requested do
        /// not count: a scheme nobody asked about neither rejects nor waits.
        ///
        /// - Parameter verdicts: The verdicts of the outcomes.
        public init(_ verdicts: [Verdict]) {
            let verdicts = verdicts.filter { $0 != .notRequested }
            if verdicts.isEmpty {
                self = .noOutcomes
            } else if verdicts.contains(.eligible) {
                self = .eligible
            } else if verdicts.contains(.undetermined) {
                self = .undetermined
            } else {
                self = .ineligible
            }
        }
    }

    /// A requirement's status as a stable word.
    public enum RequirementState: String, Sendable, Hashable, Codable, CaseIterable {
        /// The condition holds.
        case met
        /// The condition does not hold.
        case unmet
        /// The condition waits for answers.
        case open
        /// The requirement does not apply on the date.
        case notInForce = "not_in_force"

        /// The word for a requirement status.
        ///
        /// - Parameter status: The status.
        public init(_ status: RequirementStatus) {
            switch status {
            case .met: self = .met
            case .unmet: self = .unmet
            case .open: self = .open
            case .notInForce: self = .notInForce
            }
        }
    }

    /// What a question's answer is, as a rule used it.
    public enum AnswerKind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A value was given.
        case given
        /// "I don't know".
        case unknown
        /// The question was skipped.
        case skipped
        /// The question applies but has no answer yet.
        case unanswered
        /// The question does not apply, so an answer it has is ignored.
        case notApplicable = "not_applicable"
    }

    /// The pack: id, version and title.
    public struct PackEntry: Sendable, Hashable, Codable {
        /// The pack's id.
        public var id: String
        /// Its version.
        public var version: String
        /// Its title in the document's language.
        public var title: String
    }

    /// One outcome with its verdict and what decided it.
    public struct OutcomeEntry: Sendable, Hashable, Codable {
        /// The outcome's id.
        public var id: String
        /// Its title.
        public var title: String
        /// The verdict.
        public var verdict: Verdict
        /// One sentence with the verdict, the date and the scheme.
        public var summary: String
        /// Every requirement, in pack order, also those not in force.
        public var requirements: [RequirementEntry]
        /// The amounts, for an eligible or undetermined outcome.
        public var amounts: [AmountEntry]
        /// For an undetermined outcome: the unanswered questions that could decide it.
        public var missingQuestions: [String]
        /// The sources of the outcome itself.
        public var sources: [SourceEntry]

        enum CodingKeys: String, CodingKey {
            case id, title, verdict, summary, requirements, amounts
            case missingQuestions = "missing_questions"
            case sources
        }
    }

    /// One requirement of an outcome.
    public struct RequirementEntry: Sendable, Hashable, Codable {
        /// The requirement's id.
        public var id: String
        /// How it came out.
        public var status: RequirementState
        /// Whether it decided the verdict (see `OutcomeResult.decisiveRequirements`).
        public var decisive: Bool
        /// Why it fails, in the pack's words (also for a requirement that is met).
        public var reason: String
        /// The sentence that fits its status: what holds when it is met, the reason otherwise.
        public var explanation: String
        /// The questions it reads, with their answers.
        public var inputs: [AnswerEntry]
        /// For an open requirement: the unanswered questions it waits for.
        public var missingQuestions: [String]
        /// Its sources.
        public var sources: [SourceEntry]

        enum CodingKeys: String, CodingKey {
            case id, status, decisive, reason, explanation, inputs
            case missingQuestions = "missing_questions"
            case sources
        }
    }

    /// A question with its answer as a person reads it.
    public struct AnswerEntry: Sendable, Hashable, Codable {
        /// The question's id.
        public var questionID: String
        /// The question as asked.
        public var question: String
        /// What the answer is.
        public var state: AnswerKind
        /// The answer as text, or a phrase saying it is missing or does not apply.
        public var answer: String

        enum CodingKeys: String, CodingKey {
            case questionID = "question_id"
            case question, state, answer
        }
    }

    /// An amount of an outcome, such as the maximum subsidy.
    public struct AmountEntry: Sendable, Hashable, Codable {
        /// The amount's id.
        public var id: String
        /// Its label.
        public var label: String
        /// The type of the amount, usually `money`.
        public var type: String
        /// The exact decimal, such as `"60000"`; `null` while it waits for answers.
        @Nullable public var value: String?
        /// The amount for people, such as `€ 60.000`; `null` while unknown.
        @Nullable public var formatted: String?
        /// The unanswered questions it waits for.
        public var missingQuestions: [String]
        /// Its sources.
        public var sources: [SourceEntry]

        enum CodingKeys: String, CodingKey {
            case id, label, type, value, formatted
            case missingQuestions = "missing_questions"
            case sources
        }
    }

    /// A derived value.
    public struct ValueEntry: Sendable, Hashable, Codable {
        /// The value's id.
        public var id: String
        /// Its label, or its id when the pack gives none.
        public var label: String
        /// Its type: `number`, `money`, `percentage`, `boolean`, `text`, `date` or `list of …`.
        public var type: String
        /// The exact value (see ``ExactValue``); `null` while it waits for answers.
        @Nullable public var value: ExactValue?
        /// The value for people; `null` while unknown.
        @Nullable public var formatted: String?
        /// The unanswered questions it waits for.
        public var missingQuestions: [String]

        enum CodingKeys: String, CodingKey {
            case id, label, type, value, formatted
            case missingQuestions = "missing_questions"
        }
    }

    /// A score with its computed value, a coach's override and its level.
    public struct ScoreEntry: Sendable, Hashable, Codable {
        /// The score's id.
        public var id: String
        /// Its title.
        public var title: String
        /// The lowest value it can have, as an exact decimal.
        public var minimum: String
        /// The highest value it can have, as an exact decimal.
        public var maximum: String
        /// The value computed from the answers; `null` while it waits for answers.
        @Nullable public var computed: String?
        /// A coach's override, if any.
        @Nullable public var override: OverrideEntry?
        /// The value that counts: the override, else the computed value.
        @Nullable public var effective: String?
        /// The label of the level the effective value reaches, if any.
        @Nullable public var level: String?
        /// The unanswered questions the computed value waits for.
        public var missingQuestions: [String]

        enum CodingKeys: String, CodingKey {
            case id, title, minimum, maximum, computed, override, effective, level
            case missingQuestions = "missing_questions"
        }
    }

    /// A coach's override of a score.
    public struct OverrideEntry: Sendable, Hashable, Codable {
        /// The value, as an exact decimal.
        public var value: String
        /// Why the coach chose it.
        public var justification: String
    }

    /// A recommendation that fires.
    public struct RecommendationEntry: Sendable, Hashable, Codable {
        /// The recommendation's id.
        public var id: String
        /// `high`, `medium` or `low`.
        public var priority: String
        /// What to do.
        public var text: String
        /// Its sources.
        public var sources: [SourceEntry]
    }

    /// A source a rule cites, with the place in it.
    public struct SourceEntry: Sendable, Hashable, Codable {
        /// The source's id in the pack.
        public var id: String
        /// The citation as a reader looks it up: `title (year), place`.
        public var text: String
        /// The place in the source, such as a page or section.
        @Nullable public var place: String?
        /// Where the source can be read online.
        @Nullable public var url: String?
        /// The file the source is in.
        @Nullable public var file: String?
        /// The year of publication.
        @Nullable public var year: Int?
    }

    /// An open question.
    public struct QuestionEntry: Sendable, Hashable, Codable {
        /// The question's id.
        public var id: String
        /// The question as asked.
        public var question: String
    }

    /// A problem met while evaluating.
    public struct ProblemEntry: Sendable, Hashable, Codable {
        /// `error`, `warning` or `note`.
        public var severity: String
        /// What went wrong.
        public var message: String
        /// Where, as `file:line:column`, if known.
        @Nullable public var location: String?
        /// The kind of problem, if known.
        @Nullable public var code: String?
    }

    /// A value in its exact, machine-readable form: a string for numbers, money, percentages
    /// (as fractions), text and dates (`YYYY-MM-DD`); a JSON boolean; or a list of these.
    public enum ExactValue: Sendable, Hashable, Codable {
        /// A number, an amount, a percentage's fraction, a text or a date, as a string.
        case string(String)
        /// A truth value.
        case boolean(Bool)
        /// A list.
        case list([ExactValue])

        /// The exact form of a value.
        ///
        /// - Parameter value: The value.
        public init(_ value: Value) {
            switch value {
            case .number(let number), .money(let number), .percentage(let number): self = .string(number.description)
            case .boolean(let flag): self = .boolean(flag)
            case .text(let text): self = .string(text)
            case .date(let date): self = .string(date.description)
            case .list(let elements, _): self = .list(elements.map(ExactValue.init))
            }
        }

        /// Reads a string, a boolean or a list.
        ///
        /// - Parameter decoder: The decoder.
        /// - Throws: `DecodingError` for anything else.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                self = .boolean(flag)
            } else if let text = try? container.decode(String.self) {
                self = .string(text)
            } else {
                self = .list(try container.decode([ExactValue].self))
            }
        }

        /// Writes the value as a JSON string, boolean or array.
        ///
        /// - Parameter encoder: The encoder.
        /// - Throws: Whatever the encoder throws.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let text): try container.encode(text)
            case .boolean(let flag): try container.encode(flag)
            case .list(let elements): try container.encode(elements)
            }
        }
    }
}

// MARK: - Building

extension EvaluationDocument {
    /// Writes down an evaluation.
    ///
    /// - Parameters:
    ///   - evaluation: The evaluation.
    ///   - pack: The pack it was made with.
    ///   - language: `nl` or `en`, for titles, explanations and formatted values.
    ///   - openQuestionIDs: The unanswered questions that can still change a result, such as
    ///     `InterviewState.openQuestionIDs`.
    ///   - answersFile: The answers file, as given, if any.
    public init(
        evaluation: Evaluation,
        pack: RulePack,
        language: String,
        openQuestionIDs: [String] = [],
        answersFile: String? = nil
    ) {
        let builder = DocumentBuilder(pack: pack, evaluation: evaluation, language: language)
        self.format = Self.currentFormat
        self.engineVersion = KoersEngine.version.description
        self.pack = PackEntry(
            id: pack.id,
            version: pack.manifest.version.description,
            title: pack.manifest.title.text(in: language)
        )
        self.date = evaluation.date.description
        self.language = language
        self.answersFile = answersFile
        self.overallVerdict = OverallVerdict(evaluation.outcomes.map(\.verdict))
        self.outcomes = evaluation.outcomes.map(builder.outcome)
        self.values = evaluation.values.filter { !$0.value.isInternal }.map(builder.value)
        self.scores = evaluation.scores.map(builder.score)
        self.recommendations = evaluation.recommendations.map(builder.recommendation)
        self.openQuestions = openQuestionIDs.compactMap { id in
            pack.question(id).map { QuestionEntry(id: id, question: $0.text.text(in: language)) }
        }
        self.calculations = Self.calculationEntries(of: evaluation, pack: pack, language: language)
        self.ignoredAnswers = evaluation.questions.filter(\.isIgnored).map {
            builder.answer($0.question.id, showingIgnored: true)
        }
        self.problems = evaluation.problems.map { problem in
            ProblemEntry(
                severity: problem.severity.rawValue,
                message: problem.message,
                location: problem.location?.description,
                code: problem.code
            )
        }
    }
}

/// Turns the parts of an evaluation into document entries.
private struct DocumentBuilder {
    let pack: RulePack
    let evaluation: Evaluation
    let language: String
    let explainer: Explainer
    let formatter: ValueFormatter

    init(pack: RulePack, evaluation: Evaluation, language: String) {
        self.pack = pack
        self.evaluation = evaluation
        self.language = language
        self.explainer = Explainer(pack: pack, language: language)
        self.formatter = ValueFormatter(language: language)
    }

    func outcome(_ result: OutcomeResult) -> EvaluationDocument.OutcomeEntry {
        let decisive = Set(result.decisiveRequirements.map(\.requirement.id))
        let requirements = result.requirements.map { requirement in
            var missing: [String] = []
            if case .open(let names) = requirement.status { missing = evaluation.inPackOrder(names) }
            return EvaluationDocument.RequirementEntry(
                id: requirement.requirement.id,
                status: .init(requirement.status),
                decisive: decisive.contains(requirement.requirement.id),
                reason: requirement.requirement.reason.text(in: language),
                explanation: explainer.sentence(for: requirement),
                inputs: requirement.inputs.map(answer),
                missingQuestions: missing,
                sources: requirement.requirement.citations.map(source)
            )
        }
        let amounts = result.amounts.map { amount in
            let value = amount.result.value?.converted(to: amount.amount.expression.type) ?? amount.result.value
            return EvaluationDocument.AmountEntry(
                id: amount.amount.id,
                label: amount.amount.label.text(in: language),
                type: amount.amount.expression.type.description,
                value: value?.decimalValue?.description,
                formatted: value.map { formatter.format($0) },
                missingQuestions: evaluation.inPackOrder(amount.result.missing),
                sources: amount.amount.citations.map(source)
            )
        }
        return EvaluationDocument.OutcomeEntry(
            id: result.outcome.id,
            title: result.outcome.title.text(in: language),
            verdict: result.verdict,
            summary: explainer.explain(result, in: evaluation).summary,
            requirements: requirements,
            amounts: amounts,
            missingQuestions: result.missingQuestions,
            sources: result.outcome.citations.map(source)
        )
    }

    func value(_ result: ValueResult) -> EvaluationDocument.ValueEntry {
        let value = result.result.value?.converted(to: result.value.type) ?? result.result.value
        return EvaluationDocument.ValueEntry(
            id: result.value.id,
            label: result.value.label?.text(in: language) ?? result.value.id,
            type: result.value.type.description,
            value: value.map(EvaluationDocument.ExactValue.init),
            formatted: value.map { formatter.format($0) },
            missingQuestions: evaluation.inPackOrder(result.result.missing)
        )
    }

    func score(_ result: ScoreResult) -> EvaluationDocument.ScoreEntry {
        EvaluationDocument.ScoreEntry(
            id: result.score.id,
            title: result.score.title.text(in: language),
            minimum: result.score.minimum.description,
            maximum: result.score.maximum.description,
            computed: result.computed.value?.decimalValue?.description,
            override: result.override.map {
                EvaluationDocument.OverrideEntry(value: $0.value.description, justification: $0.justification)
            },
            effective: result.effectiveValue?.description,
            level: result.level?.label.text(in: language),
            missingQuestions: evaluation.inPackOrder(result.computed.missing)
        )
    }

    func recommendation(_ result: RecommendationResult) -> EvaluationDocument.RecommendationEntry {
        EvaluationDocument.RecommendationEntry(
            id: result.recommendation.id,
            priority: result.recommendation.priority.rawValue,
            text: result.recommendation.text.text(in: language),
            sources: result.recommendation.citations.map(source)
        )
    }

    /// A question and its answer, as a rule shows it.
    func answer(_ questionID: String) -> EvaluationDocument.AnswerEntry {
        answer(questionID, showingIgnored: false)
    }

    /// A question and its answer; an ignored answer is shown as given when `showingIgnored` is
    /// set (for the list of ignored answers), else as not applying (for a rule's inputs).
    func answer(_ questionID: String, showingIgnored: Bool) -> EvaluationDocument.AnswerEntry {
        let result = evaluation.question(questionID)
        let state: EvaluationDocument.AnswerKind =
            switch (result?.relevance, result?.answer) {
            case (.irrelevant?, _): .notApplicable
            case (_, .given?): .given
            case (_, .unknown?): .unknown
            case (_, .skipped?): .skipped
            case (_, nil): .unanswered
            }
        var text: String
        if showingIgnored, let result, state == .notApplicable, let answer = result.answer {
            text = formatter.format(answer, for: result.question)
        } else {
            text = explainer.answers([questionID], in: evaluation).first?.answer ?? ""
        }
        if text.isEmpty { text = questionID }
        return EvaluationDocument.AnswerEntry(
            questionID: questionID,
            question: result?.question.text.text(in: language) ?? questionID,
            state: state,
            answer: text
        )
    }

    func source(_ citation: Citation) -> EvaluationDocument.SourceEntry {
        let declared = pack.manifest.sources.first { $0.id == citation.sourceID }
        return EvaluationDocument.SourceEntry(
            id: citation.sourceID,
            text: explainer.cite(citation),
            place: citation.place,
            url: declared?.url,
            file: declared?.file,
            year: declared?.year
        )
    }
}
