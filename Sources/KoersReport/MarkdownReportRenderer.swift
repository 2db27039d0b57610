import Foundation
import KoersInterview
import KoersPresentation

/// Writes a ``Report`` as Markdown that renders cleanly on a code-hosting site: tables for
/// scores, comparisons and answers, lists for reasons and actions. Every text is escaped so
/// that nothing a person typed becomes markup or HTML.
public struct MarkdownReportRenderer: Sendable {
    /// The report.
    public var report: Report

    /// Creates a renderer.
    ///
    /// - Parameter report: The report.
    public init(report: Report) {
        self.report = report
    }

    private var texts: ReportTexts { ReportTexts(language: report.language) }

    /// The Markdown text, ending in a newline.
    public func render() -> String {
        var lines: [String] = ["# \(Self.inline(report.title))", ""]
        lines += ["| | |", "| --- | --- |"]
        if let organisation = report.organisation { lines.append("| \(texts.organisation) | \(Self.inline(organisation)) |") }
        if let project = report.project { lines.append("| \(texts.project) | \(Self.inline(project)) |") }
        lines.append("| \(texts.engine) | \(Self.inline(report.engineVersion)) |")
        lines.append("")
        for comparison in report.comparisons { lines += self.comparison(comparison) }
        for session in report.sessions { lines += self.session(session) }
        return lines.joined(separator: "\n").replacingOccurrences(of: "\n\n\n", with: "\n\n") + "\n"
    }

    private func comparison(_ comparison: ReportComparison) -> [String] {
        var lines = ["## \(texts.comparison): \(Self.inline(comparison.packTitle))", ""]
        lines.append(
            "| \(texts.score) | \(texts.baseline) (\(comparison.baselineDate)) | \(texts.followUp) (\(comparison.followUpDate)) | \(texts.delta) |"
        )
        lines.append("| --- | ---: | ---: | ---: |")
        for row in comparison.rows {
            lines.append(
                "| \(Self.inline(row.title)) | \(texts.number(row.baseline)) | \(texts.number(row.followUp)) | "
                    + "\(row.delta.map { texts.number($0) } ?? "") |"
            )
        }
        lines.append("")
        return lines
    }

    private func session(_ session: ReportSession) -> [String] {
        let document = session.evaluation
        var heading = "## \(Self.inline(document.pack.title)), \(document.date)"
        if let role = texts.role(session.role) { heading += " (\(role))" }
        var lines = [heading, "", "| | |", "| --- | --- |"]
        lines.append("| \(texts.pack) | `\(document.pack.id)` \(Self.inline(document.pack.version)) |")
        lines.append("| \(texts.date) | \(document.date) |")
        lines.append("| \(texts.source) | `\(Self.code(session.source))` |")
        if let description = session.description { lines.append("| \(texts.project) | \(Self.inline(description)) |") }
        let people = session.answeredBy.isEmpty ? texts.unknownPerson : session.answeredBy.map(Self.inline).joined(separator: ", ")
        lines.append("| \(texts.answeredBy) | \(people) |")
        lines.append("")
        if !document.outcomes.isEmpty { lines += schemes(document) }
        if !session.checklists.isEmpty { lines += checklists(session) }
        if !session.scores.isEmpty { lines += scores(session) }
        if !document.calculations.isEmpty {
            lines += ReportCalculations.summaryMarkdown(document.calculations, language: report.language)
            lines += ReportCalculations.markdown(document.calculations, language: report.language)
        }
        lines += actions(session)
        lines += appendix(session)
        lines += history(session)
        return lines
    }

    private func schemes(_ document: EvaluationDocument) -> [String] {
        var lines = ["### \(texts.schemes)", ""]
        let questionTexts = Dictionary(document.openQuestions.map { ($0.id, $0.question) }, uniquingKeysWith: { a, _ in a })
        for outcome in document.outcomes {
            lines += ["#### \(Self.inline(outcome.title)): \(texts.verdict(outcome.verdict))", ""]
            lines += [Self.inline(outcome.summary), ""]
            let amounts = outcome.amounts.filter { $0.formatted != nil }
            if !amounts.isEmpty {
                lines.append("\(texts.amounts):")
                lines.append("")
                for amount in amounts {
                    lines.append("- \(Self.inline(amount.label)): **\(Self.inline(amount.formatted ?? ""))**")
                }
                lines.append("")
            }
            let reasons = outcome.requirements.filter(\.decisive)
            if !reasons.isEmpty {
                lines += ["\(texts.reasons):", ""]
                for requirement in reasons {
                    var line = "- \(Self.inline(requirement.explanation))"
                    if !requirement.sources.isEmpty {
                        line += " _(\(requirement.sources.map { Self.inline($0.text) }.joined(separator: "; ")))_"
                    }
                    lines.append(line)
                }
                lines.append("")
            }
            if !outcome.missingQuestions.isEmpty {
                lines += ["\(texts.stillUnknown):", ""]
                for id in outcome.missingQuestions {
                    lines.append("- \(Self.inline(questionTexts[id] ?? id)) (`\(id)`)")
                }
                lines.append("")
            }
        }
        return lines
    }

    private func checklists(_ session: ReportSession) -> [String] {
        var lines = ["### \(texts.checklists)", ""]
        for checklist in session.checklists {
            lines += ["#### \(Self.inline(checklist.title))", ""]
            for item in checklist.items {
                let state = texts.checklistState(item.state)
                lines.append("- \(state.mark) \(Self.inline(item.label)) (\(state.words))")
            }
            lines.append("")
        }
        return lines
    }

    private func scores(_ session: ReportSession) -> [String] {
        var lines = ["### \(texts.scores)", ""]
        lines += ["| \(texts.score) | \(texts.value) | \(texts.level) | \(texts.override) |", "| --- | ---: | --- | --- |"]
        for score in session.scores {
            var overrideText = ""
            if let override = score.override {
                overrideText = "\(texts.computed) \(texts.number(score.computed)); \(Self.inline(override.justification))"
                if let by = override.by { overrideText += " (\(texts.overrideBy) \(Self.inline(by)))" }
                if let confirmed = override.confirmedBy { overrideText += " (\(texts.confirmedBy) \(Self.inline(confirmed)))" }
            }
            if let verification = score.verification {
                overrideText += (overrideText.isEmpty ? "\(texts.computed) \(texts.number(score.computed)); " : "; ")
                    + Self.inline(verification.text(texts))
            }
            lines.append(
                "| \(Self.inline(score.title)) | \(texts.number(score.effective)) / \(texts.number(score.maximum)) | "
                    + "\(Self.inline(score.level ?? "")) | \(overrideText) |"
            )
        }
        lines.append("")
        for score in session.scores {
            let notes = score.evidence.filter { $0.note != nil }
            guard !notes.isEmpty else { continue }
            lines += ["#### \(texts.evidence): \(Self.inline(score.title))", ""]
            for answer in notes {
                lines.append(
                    "- \(Self.inline(answer.question)): **\(Self.inline(answer.answer))** — \(Self.inline(answer.note ?? ""))"
                )
            }
            lines.append("")
        }
        return lines
    }

    private func actions(_ session: ReportSession) -> [String] {
        var lines = ["### \(texts.actions)", ""]
        guard !session.actions.isEmpty else { return lines + [texts.noActions, ""] }
        for (index, action) in session.actions.enumerated() {
            lines.append("\(index + 1). **\(texts.priority(action.priority))**: \(Self.inline(action.text))")
            if !action.gaps.isEmpty {
                let gaps = action.gaps.map { gap in
                    Self.inline(gap.title) + (gap.current.map { " (\(Self.inline($0)))" } ?? "")
                }
                lines.append("   - \(texts.because): \(gaps.joined(separator: "; "))")
            }
            if !action.sources.isEmpty {
                lines.append("   - \(texts.sources): \(action.sources.map(Self.inline).joined(separator: "; "))")
            }
        }
        lines.append("")
        return lines
    }

    private func appendix(_ session: ReportSession) -> [String] {
        var lines = ["### \(texts.appendix)", ""]
        guard !session.answers.isEmpty else { return lines + [texts.noAnswers, ""] }
        lines += ["| \(texts.question) | \(texts.answer) | \(texts.who) | \(texts.note) |", "| --- | --- | --- | --- |"]
        for answer in session.answers {
            var text = Self.inline(answer.answer)
            if answer.state == "not_applicable" { text += " (\(texts.notApplicable))" }
            lines.append(
                "| \(Self.inline(answer.question)) `\(answer.questionID)` | \(text) | "
                    + "\(Self.inline(answer.answeredBy ?? "")) | \(Self.inline(note(answer))) |"
            )
        }
        lines.append("")
        return lines
    }

    /// The note with its author when someone other than who answered wrote it.
    private func note(_ answer: ReportAnswer) -> String {
        (answer.note ?? "") + (answer.noteBy.map { " (\(texts.noteBy($0)))" } ?? "")
    }

    private func history(_ session: ReportSession) -> [String] {
        guard let history = session.history else { return [] }
        var lines = ["### \(texts.history)", ""]
        guard !history.isEmpty else { return lines + [texts.noHistory, ""] }
        lines += [
            "| \(texts.when) | \(texts.who) | \(texts.change) | \(texts.question) | \(texts.before) → \(texts.after) |",
            "| --- | --- | --- | --- | --- |",
        ]
        for change in history {
            lines.append(
                "| \(change.at) | \(Self.inline(change.by)) | \(texts.changeKind(change.kind)) | "
                    + "\(Self.inline(change.subject)) `\(change.id)` | \(Self.inline(texts.transition(change))) |"
            )
        }
        lines.append("")
        return lines
    }

    /// Escapes text for Markdown on one line (also inside a table cell): markup characters get
    /// a backslash, `<`, `>` and `&` become entities, and line breaks become spaces.
    ///
    /// - Parameter text: The text.
    /// - Returns: The escaped text.
    public static func inline(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "|", "*", "_", "`", "[", "]", "#": result += "\\" + String(character)
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\n", "\r", "\r\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    /// Text for a code span: backticks and line breaks are replaced.
    static func code(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "\n", with: " ")
    }
}
