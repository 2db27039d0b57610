import Foundation
import KoersCore
import KoersExpression
import KoersInterview
import KoersPresentation
import KoersSession

/// Builds a ``Report`` from evaluated sessions of one organisation.
///
/// ```swift
/// let report = try ReportBuilder(language: "nl").build([baseline, followUp])
/// ```
public struct ReportBuilder: Sendable {
    /// `nl` or `en`.
    public var language: String
    /// Whether each session's history (every change, with who and when) is added as an appendix.
    public var includesHistory: Bool

    /// Creates a builder.
    ///
    /// - Parameters:
    ///   - language: `nl` or `en`, for every text in the report.
    ///   - includesHistory: Whether to add each session's history as an appendix.
    public init(language: String, includesHistory: Bool = false) {
        self.language = language
        self.includesHistory = includesHistory
    }

    /// Builds the report.
    ///
    /// The organisation is `organisation` when given, else the first part (before the first
    /// comma) of the files' descriptions; the project is the second part. Two or more files of
    /// the same pack are compared: the earliest is the baseline, the latest the follow-up.
    ///
    /// - Parameters:
    ///   - inputs: The evaluated files, in the order given.
    ///   - organisation: The organisation, overriding what the files say.
    ///   - project: The project, overriding what the files say.
    /// - Returns: The report.
    /// - Throws: ``ReportError/noInputs`` without files, and
    ///   ``ReportError/differentOrganisations(_:_:)`` when the files name different ones.
    public func build(_ inputs: [ReportInput], organisation: String? = nil, project: String? = nil) throws(ReportError)
        -> Report
    {
        guard !inputs.isEmpty else { throw .noInputs }
        let named = inputs.compactMap(\.description).map(Self.parts)
        var organisationName = organisation
        if organisationName == nil {
            let names = named.compactMap(\.organisation)
            if let first = names.first, let other = names.first(where: { $0 != first }) {
                throw .differentOrganisations(first, other)
            }
            organisationName = names.first
        }
        let projectName = project ?? named.compactMap(\.project).first

        var sessions = inputs.enumerated().map { index, input in
            session(input, id: "session-\(index + 1)")
        }
        var comparisons: [ReportComparison] = []
        var packOrder: [String] = []
        for session in sessions where !packOrder.contains(session.evaluation.pack.id) {
            packOrder.append(session.evaluation.pack.id)
        }
        for packID in packOrder {
            let indices = sessions.indices.filter { sessions[$0].evaluation.pack.id == packID }
            guard indices.count >= 2 else { continue }
            let ordered = indices.sorted { (sessions[$0].evaluation.date, $0) < (sessions[$1].evaluation.date, $1) }
            guard let first = ordered.first, let last = ordered.last else { continue }
            sessions[first].role = "baseline"
            sessions[last].role = "follow_up"
            comparisons.append(comparison(sessions[first], sessions[last]))
        }
        let texts = ReportTexts(language: language)
        let title = organisationName.map { "\(texts.reportTitle): \($0)" } ?? texts.reportTitle
        return Report(
            engineVersion: KoersEngine.version.description,
            language: language,
            title: title,
            organisation: organisationName,
            project: projectName,
            sessions: sessions,
            comparisons: comparisons
        )
    }

    /// Splits a description `organisation, project, …` into its first two parts.
    static func parts(of description: String) -> (organisation: String?, project: String?) {
        let parts = description.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return (parts.first, parts.count >= 2 ? parts[1] : nil)
    }

    // MARK: - One session

    func session(_ input: ReportInput, id: String) -> ReportSession {
        var document = EvaluationDocument(
            evaluation: input.evaluation,
            pack: input.pack,
            language: language,
            openQuestionIDs: input.openQuestionIDs,
            answersFile: input.source
        )
        // A report is about what the person asked: schemes nobody asked about are left out.
        document.outcomes.removeAll { $0.verdict == .notRequested }
        let answers = appendix(input)
        let answersByID = Dictionary(answers.map { ($0.questionID, $0) }, uniquingKeysWith: { first, _ in first })
        let charted = chartedScoreIDs(input.pack)
        let scores = input.evaluation.scores.map { result in
            score(result, input: input, charted: charted.contains(result.score.id), answers: answersByID)
        }
        let people = Set(answers.compactMap(\.answeredBy))
        var session = ReportSession(
            id: id,
            role: nil,
            source: input.source,
            sourceKind: input.session == nil ? "answers_file" : "session",
            description: input.description,
            answeredBy: people.sorted(),
            evaluation: document,
            scores: scores,
            actions: actions(input, document: document, answers: answersByID),
            checklists: checklists(input),
            answers: answers
        )
        if includesHistory { session.history = history(input) }
        return session
    }

    /// Every change the session keeps, oldest first, in words; empty for an answers file.
    func history(_ input: ReportInput) -> [ReportChange] {
        guard let session = input.session else { return [] }
        let formatter = ValueFormatter(language: language)
        return session.history.map { change in
            let question = input.pack.question(change.id)
            let score = input.pack.scores.first { $0.id == change.id }
            func text(_ content: SessionChange.Content?) -> String? {
                switch content {
                case nil: return nil
                case .answer(let state)?: return formatter.format(state, for: question)
                case .text(let text)?: return text
                case .override(let value, let justification)?:
                    return formatter.format(.number(value)) + " (\(justification))"
                }
            }
            let confirmation = change.kind == .takenOverConfirmed || change.kind == .overrideConfirmed
            return ReportChange(
                at: Self.timestamp(change.at),
                by: change.by,
                kind: change.kind.rawValue,
                id: change.id,
                subject: question?.text.text(in: language) ?? score?.title.text(in: language) ?? change.id,
                old: text(change.old),
                new: confirmation ? nil : text(change.new),
                source: change.source
            )
        }
    }

    /// The scores a chart shows: those that read no other score (not a total), sharing the most
    /// common range; empty when fewer than two share one.
    func chartedScoreIDs(_ pack: RulePack) -> Set<String> {
        let scoreIDs = Set(pack.scores.map(\.id))
        let parts = pack.scores.filter { $0.expression.referencedNames.isDisjoint(with: scoreIDs) }
        var counts: [String: Int] = [:]
        for score in parts { counts["\(score.minimum)…\(score.maximum)", default: 0] += 1 }
        guard let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), best.value >= 2 else { return [] }
        return Set(parts.filter { "\($0.minimum)…\($0.maximum)" == best.key }.map(\.id))
    }

    func score(_ result: ScoreResult, input: ReportInput, charted: Bool, answers: [String: ReportAnswer])
        -> ReportScore
    {
        var override: ReportOverride?
        if let given = result.override {
            let saved = input.session?.scoreOverrides[result.score.id]
            let confirmation = input.confirmations[result.score.id]
            override = ReportOverride(
                value: given.value.description,
                justification: given.justification,
                by: saved?.by,
                at: saved.map { Self.timestamp($0.at) },
                confirmedBy: confirmation?.by,
                confirmedAt: confirmation?.at
            )
        }
        let verification = input.session?.scoreVerifications[result.score.id].map { entry in
            ReportVerification(
                status: entry.status.rawValue,
                by: entry.by,
                at: Self.timestamp(entry.at),
                reason: entry.reason,
                current: entry.holds(computed: result.computed.value?.decimalValue, override: result.override?.value)
            )
        }
        var score = ReportScore(
            id: result.score.id,
            title: result.score.title.text(in: language),
            minimum: result.score.minimum.description,
            maximum: result.score.maximum.description,
            effective: result.effectiveValue?.description,
            computed: result.computed.value?.decimalValue?.description,
            level: result.level?.label.text(in: language),
            charted: charted,
            override: override,
            evidence: result.inputs.compactMap { answers[$0] }
        )
        score.verification = verification
        return score
    }

    func actions(_ input: ReportInput, document: EvaluationDocument, answers: [String: ReportAnswer])
        -> [ReportAction]
    {
        let scores = Dictionary(input.evaluation.scores.map { ($0.score.id, $0) }, uniquingKeysWith: { a, _ in a })
        let values = Dictionary(document.values.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rank = ["high": 0, "medium": 1, "low": 2]
        let entries = Dictionary(document.recommendations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let fired = input.evaluation.recommendations.enumerated().sorted {
            (rank[$0.element.recommendation.priority.rawValue] ?? 3, $0.offset)
                < (rank[$1.element.recommendation.priority.rawValue] ?? 3, $1.offset)
        }
        return fired.map { _, result in
            let names = result.recommendation.condition.referencedNames
            var gaps: [ReportGap] = input.pack.scores.filter { names.contains($0.id) }.compactMap { score in
                guard let found = scores[score.id] else { return nil }
                let maximum = score.maximum.description
                return ReportGap(
                    kind: "score",
                    id: score.id,
                    title: score.title.text(in: language),
                    current: found.effectiveValue.map { "\($0.description) / \(maximum)" }
                )
            }
            gaps += document.values.filter { names.contains($0.id) }.compactMap { value in
                values[value.id].map { ReportGap(kind: "value", id: $0.id, title: $0.label, current: $0.formatted) }
            }
            gaps += input.pack.questions.filter { names.contains($0.id) }.map { question in
                ReportGap(
                    kind: "question",
                    id: question.id,
                    title: question.text.text(in: language),
                    current: answers[question.id]?.answer
                )
            }
            let entry = entries[result.recommendation.id]
            return ReportAction(
                id: result.recommendation.id,
                priority: result.recommendation.priority.rawValue,
                text: entry?.text ?? result.recommendation.text.text(in: language),
                gaps: gaps,
                sources: entry?.sources.map(\.text) ?? []
            )
        }
    }

    /// One checklist per `checklist: true` question that is not irrelevant, in pack order: every
    /// option, `checked` when chosen, `unchecked` when not, `unanswered` without a value.
    func checklists(_ input: ReportInput) -> [ReportChecklist] {
        input.evaluation.questions.compactMap { result in
            guard result.question.isChecklist, result.relevance != .irrelevant else { return nil }
            var chosen: Set<String>?
            if case .given(let value) = result.answer {
                if case .list(let elements, _) = value {
                    chosen = Set(elements.compactMap { element -> String? in
                        if case .text(let id) = element { return id }
                        return nil
                    })
                } else {
                    chosen = []
                }
            }
            let items = result.question.options.map { option in
                ReportChecklistItem(
                    id: option.id,
                    label: option.label.text(in: language),
                    state: chosen.map { $0.contains(option.id) ? "checked" : "unchecked" } ?? "unanswered"
                )
            }
            return ReportChecklist(
                questionID: result.question.id,
                title: result.question.text.text(in: language),
                items: items
            )
        }
    }

    /// Every answer in the file, in pack order, with who gave it and the note.
    func appendix(_ input: ReportInput) -> [ReportAnswer] {
        let formatter = ValueFormatter(language: language)
        return input.evaluation.questions.compactMap { result in
            guard let answer = result.answer else { return nil }
            let state: String =
                if result.relevance == .irrelevant {
                    "not_applicable"
                } else {
                    switch answer {
                    case .given: "given"
                    case .unknown: "unknown"
                    case .skipped: "skipped"
                    }
                }
            let saved = input.session?.answers[result.question.id]
            let note = saved?.note?.trimmingCharacters(in: .whitespacesAndNewlines)
            return ReportAnswer(
                questionID: result.question.id,
                question: result.question.text.text(in: language),
                state: state,
                answer: formatter.format(answer, for: result.question),
                answeredBy: saved?.answeredBy,
                answeredAt: saved.map { Self.timestamp($0.answeredAt) },
                note: note?.isEmpty == false ? note : nil,
                noteBy: Self.noteAuthor(saved, note: note)
            )
        }
    }

    /// Who wrote a note, when someone other than who gave the answer did.
    static func noteAuthor(_ saved: SessionAnswer?, note: String?) -> String? {
        guard let saved, let author = saved.noteAuthor, note?.isEmpty == false, author != saved.answeredBy else {
            return nil
        }
        return author
    }

    // MARK: - Comparison

    func comparison(_ baseline: ReportSession, _ followUp: ReportSession) -> ReportComparison {
        let after = Dictionary(followUp.scores.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = baseline.scores.map { score in
            let later = after[score.id]
            var delta: String?
            if let before = score.effective.flatMap({ Decimal(string: $0) }),
                let now = later?.effective.flatMap({ Decimal(string: $0) })
            {
                let difference = now - before
                delta = difference > 0 ? "+\(difference)" : difference.description
            }
            return ReportComparisonRow(
                id: score.id,
                title: score.title,
                maximum: score.maximum,
                charted: score.charted,
                baseline: score.effective,
                followUp: later?.effective,
                delta: delta
            )
        }
        return ReportComparison(
            packID: baseline.evaluation.pack.id,
            packTitle: baseline.evaluation.pack.title,
            baseline: baseline.id,
            baselineDate: baseline.evaluation.date,
            followUp: followUp.id,
            followUpDate: followUp.evaluation.date,
            rows: rows
        )
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
