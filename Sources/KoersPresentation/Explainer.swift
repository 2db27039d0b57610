public import KoersCore
public import KoersInterview

/// Why an outcome, a score or a recommendation came out as it did, in sentences.
public struct Explanation: Sendable, Hashable {
    /// One sentence with the verdict, the date and the scheme.
    public var summary: String
    /// The rules that decided it, each with the answers it used and its sources.
    public var rules: [ExplainedRule]
}

/// One rule in an explanation.
public struct ExplainedRule: Sendable, Hashable {
    /// The rule's id in the pack.
    public var id: String
    /// `met`, `unmet`, `open` or `not_in_force`.
    public var status: String
    /// What the rule requires, in the pack's words.
    public var text: String
    /// The answers the rule read, as the person gave them.
    public var answers: [ExplainedAnswer]
    /// The sources: document, place and year.
    public var sources: [String]
}

/// A question and the person's answer, as used by a rule.
public struct ExplainedAnswer: Sendable, Hashable {
    /// The question's id.
    public var questionID: String
    /// The question as asked.
    public var question: String
    /// The answer as text, or a phrase that says it is missing.
    public var answer: String

    /// Creates an explained answer.
    public init(questionID: String, question: String, answer: String) {
        self.questionID = questionID
        self.question = question
        self.answer = answer
    }
}

/// Writes explanations in Dutch or English.
///
/// ```swift
/// let explainer = Explainer(pack: pack, language: "en")
/// explainer.explain(evaluation.outcome("set_klein")!, in: evaluation).summary
/// // "On 1 October 2021 you qualify for SET small: all 11 requirements are met."
/// ```
public struct Explainer: Sendable {
    /// The pack the explanations are about.
    public let pack: RulePack
    /// `nl` or `en`.
    public let language: String
    /// Formats the answers and amounts.
    public let formatter: ValueFormatter

    /// Creates an explainer.
    ///
    /// - Parameters:
    ///   - pack: The pack.
    ///   - language: `nl` or `en`.
    public init(pack: RulePack, language: String) {
        self.pack = pack
        self.language = language
        self.formatter = ValueFormatter(language: language)
    }

    private var isDutch: Bool { language == "nl" }

    /// Explains an outcome's verdict.
    ///
    /// - Parameters:
    ///   - result: The outcome's result.
    ///   - evaluation: The evaluation it is part of, for the answers.
    /// - Returns: The summary and the rules that decided it.
    public func explain(_ result: OutcomeResult, in evaluation: Evaluation) -> Explanation {
        let title = result.outcome.title.text(in: language)
        let date = formatter.format(evaluation.date)
        let summary: String
        switch result.verdict {
        case .eligible:
            let count = result.decisiveRequirements.count
            summary =
                isDutch
                ? "Op \(date) komt u in aanmerking voor \(title): aan \(count == 1 ? "de enige eis" : "alle \(count) eisen") is voldaan."
                : "On \(date) you qualify for \(title): \(count == 1 ? "the one requirement is" : "all \(count) requirements are") met."
        case .ineligible:
            let count = result.decisiveRequirements.count
            summary =
                isDutch
                ? "Op \(date) komt u niet in aanmerking voor \(title): aan \(count) \(count == 1 ? "eis" : "eisen") is niet voldaan."
                : "On \(date) you do not qualify for \(title): \(count) \(count == 1 ? "requirement is" : "requirements are") not met."
        case .undetermined:
            let count = result.missingQuestions.filter { evaluation.question($0)?.answer == nil }.count
            if count > 0 {
                summary =
                    isDutch
                    ? "Of u op \(date) in aanmerking komt voor \(title), hangt nog af van \(count) \(count == 1 ? "vraag" : "vragen")."
                    : "Whether you qualify for \(title) on \(date) still depends on \(count) \(count == 1 ? "question" : "questions")."
            } else {
                summary =
                    isDutch
                    ? "Of u op \(date) in aanmerking komt voor \(title), is met deze antwoorden niet te bepalen."
                    : "Whether you qualify for \(title) on \(date) cannot be decided from these answers."
            }
        case .notRequested:
            summary =
                isDutch
                ? "Naar \(title) is niet gevraagd; Koers heeft het daarom niet gecontroleerd."
                : "\(title) was not requested, so Koers did not check it."
        case .closed:
            // The period is where the outcome's own period and the pack's overlap.
            let packValidity = pack.manifest.validity
            let from = [result.outcome.validity.from, packValidity.from].compactMap { $0 }.max().map(formatter.format)
            let until = [result.outcome.validity.until, packValidity.until].compactMap { $0 }.min().map(formatter.format)
            let period: String =
                switch (from, until) {
                case let (from?, until?): isDutch ? "gold van \(from) tot en met \(until)" : "ran from \(from) to \(until)"
                case let (from?, nil): isDutch ? "geldt vanaf \(from)" : "runs from \(from)"
                case let (nil, until?): isDutch ? "gold tot en met \(until)" : "ran until \(until)"
                case (nil, nil): isDutch ? "had geen geldigheidsperiode" : "had no period of validity"
                }
            summary =
                isDutch
                ? "\(title) was op \(date) niet open: de regeling \(period)."
                : "\(title) was not open on \(date): the scheme \(period)."
        }
        let rules = result.decisiveRequirements.map { requirement in
            ExplainedRule(
                id: requirement.requirement.id,
                status: Self.statusName(requirement.status),
                text: sentence(for: requirement),
                answers: answers(requirement.inputs, in: evaluation),
                sources: requirement.requirement.citations.map(cite)
            )
        }
        return Explanation(summary: summary, rules: rules)
    }

    /// The answers to some questions, as an explanation lists them.
    ///
    /// - Parameters:
    ///   - questionIDs: The questions, in the order to list them.
    ///   - evaluation: The evaluation with the answers.
    public func answers(_ questionIDs: [String], in evaluation: Evaluation) -> [ExplainedAnswer] {
        questionIDs.compactMap { id in
            guard let result = evaluation.question(id) else { return nil }
            let answer: String
            if result.relevance == .irrelevant {
                answer = isDutch ? "(niet van toepassing)" : "(does not apply)"
            } else if let state = result.answer {
                answer = formatter.format(state, for: result.question)
            } else {
                answer = isDutch ? "(nog niet beantwoord)" : "(not answered yet)"
            }
            return ExplainedAnswer(questionID: id, question: result.question.text.text(in: language), answer: answer)
        }
    }

    /// The sentence that fits how a requirement came out: what holds for a met requirement
    /// (the pack's `holds`, or a plain "met"), why it fails otherwise (the pack's `reason`).
    public func sentence(for requirement: RequirementResult) -> String {
        guard requirement.status == .met else { return requirement.requirement.reason.text(in: language) }
        if let holds = requirement.requirement.holds { return holds.text(in: language) }
        return isDutch ? "Aan deze eis is voldaan." : "This requirement is met."
    }

    /// A citation as a reader looks it up: `title (year), place`.
    public func cite(_ citation: Citation) -> String {
        guard let source = pack.manifest.sources.first(where: { $0.id == citation.sourceID }) else {
            return citation.sourceID
        }
        var text = source.title.text(in: language)
        if let year = source.year { text += " (\(year))" }
        if let place = citation.place, !place.isEmpty { text += ", " + place }
        return text
    }

    /// The status of a requirement as a stable word: `met`, `unmet`, `open`, `not_in_force`.
    public static func statusName(_ status: RequirementStatus) -> String {
        switch status {
        case .met: "met"
        case .unmet: "unmet"
        case .open: "open"
        case .notInForce: "not_in_force"
        }
    }
}
