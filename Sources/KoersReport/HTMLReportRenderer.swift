import Foundation
import KoersInterview
import KoersPresentation
import Mustache

/// Writes a ``Report`` as one self-contained, printable HTML file through Mustache templates
/// (``ReportTemplates``): styles inline, charts as inline SVG, no scripts and no external
/// requests.
///
/// Every text reaches the templates as a plain value, which `{{name}}` escapes; only the
/// charts, which ``SVGChart`` escapes itself, are given as markup (`{{{chart}}}`).
public struct HTMLReportRenderer: Sendable {
    /// The report.
    public var report: Report
    /// The templates.
    public var templates: ReportTemplates

    /// Creates a renderer.
    ///
    /// - Parameters:
    ///   - report: The report.
    ///   - templates: The templates.
    public init(report: Report, templates: ReportTemplates) {
        self.report = report
        self.templates = templates
    }

    /// The HTML document.
    ///
    /// - Throws: ``ReportError`` when a template cannot be parsed or rendered.
    public func render() throws(ReportError) -> String {
        let library = try templates.library()
        guard let html = library.render(context(), withTemplate: "report") else {
            throw .missingTemplate(name: "report")
        }
        return html
    }

    private var texts: ReportTexts { ReportTexts(language: report.language) }

    /// The values the templates read.
    func context() -> [String: Any] {
        let charts = ReportCharts(report: report)
        var context: [String: Any] = [
            "lang": report.language,
            "title": report.title,
            "engineVersion": report.engineVersion,
            "t": labels(),
            "comparisons": report.comparisons.enumerated().map { index, comparison in
                self.comparison(comparison, index: index, charts: charts)
            },
            "sessions": report.sessions.map { session($0, charts: charts) },
        ]
        if let organisation = report.organisation { context["organisation"] = organisation }
        if let project = report.project { context["project"] = project }
        return context
    }

    private func labels() -> [String: String] {
        let t = texts
        return [
            "organisation": t.organisation, "project": t.project, "date": t.date, "pack": t.pack,
            "source": t.source, "answeredBy": t.answeredBy, "engine": t.engine, "contents": t.contents,
            "schemes": t.schemes, "verdict": t.verdict, "amounts": t.amounts, "reasons": t.reasons,
            "stillUnknown": t.stillUnknown, "scores": t.scores, "score": t.score, "value": t.value,
            "level": t.level, "evidence": t.evidence, "override": t.override, "actions": t.actions,
            "noActions": t.noActions, "priority": t.priority, "action": t.action, "because": t.because,
            "sources": t.sources, "comparison": t.comparison, "baseline": t.baseline, "followUp": t.followUp,
            "delta": t.delta, "appendix": t.appendix, "question": t.question, "answer": t.answer,
            "note": t.note, "who": t.who, "noAnswers": t.noAnswers, "chart": t.chart,
            "checklists": t.checklists, "history": t.history, "noHistory": t.noHistory, "when": t.when,
            "change": t.change, "before": t.before, "after": t.after,
        ]
    }

    private func comparison(_ comparison: ReportComparison, index: Int, charts: ReportCharts) -> [String: Any] {
        var entry: [String: Any] = [
            "anchor": "comparison-\(index + 1)",
            "packTitle": comparison.packTitle,
            "baselineDate": comparison.baselineDate,
            "followUpDate": comparison.followUpDate,
            "rows": comparison.rows.map { row in
                Self.dropEmpty([
                    "title": row.title,
                    "baseline": texts.number(row.baseline),
                    "followUp": texts.number(row.followUp),
                    "delta": row.delta.map { texts.number($0) } ?? "",
                ])
            },
        ]
        if let chart = charts.chart(for: comparison, index: index) {
            entry["chart"] = chart.render()
            entry["chartSummary"] = chart.summary
        }
        return entry
    }

    private func session(_ session: ReportSession, charts: ReportCharts) -> [String: Any] {
        let document = session.evaluation
        let questionTexts = Dictionary(
            document.openQuestions.map { ($0.id, $0.question) },
            uniquingKeysWith: { a, _ in a }
        )
        var entry: [String: Any] = [
            "anchor": session.id,
            "packTitle": document.pack.title,
            "packID": document.pack.id,
            "packVersion": document.pack.version,
            "date": document.date,
            "source": session.source,
            "answeredBy": session.answeredBy.isEmpty ? texts.unknownPerson : session.answeredBy.joined(separator: ", "),
            "outcomes": document.outcomes.map { outcome in
                [
                    "title": outcome.title,
                    "verdict": texts.verdict(outcome.verdict),
                    "verdictClass": outcome.verdict.rawValue,
                    "summary": outcome.summary,
                    "amounts": outcome.amounts.compactMap { amount in
                        amount.formatted.map { ["label": amount.label, "formatted": $0] }
                    },
                    "reasons": outcome.requirements.filter(\.decisive).map { requirement in
                        Self.dropEmpty([
                            "text": requirement.explanation,
                            "sources": requirement.sources.map(\.text).joined(separator: "; "),
                        ])
                    },
                    "unknown": outcome.missingQuestions.map { ["question": questionTexts[$0] ?? $0, "id": $0] },
                    "has_amounts": outcome.amounts.contains { $0.formatted != nil },
                    "has_reasons": outcome.requirements.contains(where: \.decisive),
                    "has_unknown": !outcome.missingQuestions.isEmpty,
                ] as [String: Any]
            },
            "checklists": session.checklists.map { checklist in
                [
                    "title": checklist.title,
                    "items": checklist.items.map { item in
                        let state = texts.checklistState(item.state)
                        return ["label": item.label, "mark": state.mark, "words": state.words, "state": item.state]
                    },
                ] as [String: Any]
            },
            "scores": session.scores.map(score),
            "evidence": session.scores.compactMap { score -> [String: Any]? in
                let notes = score.evidence.filter { $0.note != nil }
                guard !notes.isEmpty else { return nil }
                return [
                    "title": score.title,
                    "items": notes.map { ["question": $0.question, "answer": $0.answer, "note": $0.note ?? ""] },
                ]
            },
            "actions": session.actions.map { action in
                Self.dropEmpty([
                    "priority": texts.priority(action.priority),
                    "priorityClass": action.priority,
                    "text": action.text,
                    "gaps": action.gaps.map { gap in
                        gap.title + (gap.current.map { " (\($0))" } ?? "")
                    }.joined(separator: "; "),
                    "sources": action.sources.joined(separator: "; "),
                ])
            },
            "answers": session.answers.map { answer in
                Self.dropEmpty([
                    "id": answer.questionID,
                    "question": answer.question,
                    "answer": answer.answer + (answer.state == "not_applicable" ? " (\(texts.notApplicable))" : ""),
                    "who": answer.answeredBy ?? "",
                    "note": (answer.note ?? "") + (answer.noteBy.map { " (\(texts.noteBy($0)))" } ?? ""),
                ])
            },
        ]
        if let history = session.history {
            entry["has_history"] = true
            entry["history"] = history.map { change in
                Self.dropEmpty([
                    "at": change.at, "by": change.by, "kind": texts.changeKind(change.kind), "id": change.id,
                    "subject": change.subject, "change": texts.transition(change),
                ])
            }
        }
        entry["has_outcomes"] = !document.outcomes.isEmpty
        entry["has_checklists"] = !session.checklists.isEmpty
        entry["has_scores"] = !session.scores.isEmpty
        entry["has_actions"] = !session.actions.isEmpty
        entry["has_answers"] = !session.answers.isEmpty
        entry["has_calculations"] = !document.calculations.isEmpty
        entry["calculations"] = ReportCalculations.htmlContext(document.calculations, language: report.language)
        entry["calculationLabels"] = ReportCalculations.Labels(language: report.language).dictionary
        let summary = ReportCalculations.summaryContext(document.calculations, language: report.language)
        if !summary.isEmpty {
            entry["directorSummary"] = [
                "heading": ReportCalculations.summaryHeading(report.language),
                "note": ReportCalculations.summaryNote(report.language),
                "groups": summary,
            ] as [String: Any]
        }
        if let role = texts.role(session.role) { entry["role"] = role }
        if let description = session.description { entry["description"] = description }
        if let chart = charts.chart(for: session) {
            entry["chart"] = chart.render()
            entry["chartSummary"] = chart.summary
        }
        return entry
    }

    /// Leaves out empty texts, which a Mustache section would count as present.
    private static func dropEmpty(_ entry: [String: String]) -> [String: String] {
        entry.filter { !$0.value.isEmpty }
    }

    private func score(_ score: ReportScore) -> [String: Any] {
        var entry: [String: Any] = [
            "title": score.title,
            "value": "\(texts.number(score.effective)) / \(texts.number(score.maximum))",
        ]
        if let level = score.level { entry["level"] = level }
        if let override = score.override {
            var text = "\(texts.computed) \(texts.number(score.computed)); \(override.justification)"
            if let by = override.by { text += " (\(texts.overrideBy) \(by))" }
            if let confirmed = override.confirmedBy { text += " (\(texts.confirmedBy) \(confirmed))" }
            entry["override"] = text
        }
        if let verification = score.verification {
            let text = verification.text(texts)
            if let override = entry["override"] as? String {
                entry["override"] = override + "; " + text
            } else {
                entry["override"] = "\(texts.computed) \(texts.number(score.computed)); \(text)"
            }
        }
        return entry
    }
}
