import KoersInterview
import KoersPresentation

/// Writes a check result as a Markdown document: a heading per outcome with its explanation,
/// tables of amounts and decisive requirements (answers and sources), then values, scores,
/// recommendations, open questions and ignored answers.
struct CheckMarkdownRenderer {
    /// The result to write.
    let document: EvaluationDocument

    private var labels: CheckLabels { CheckLabels(language: document.language) }
    private var formatting: CheckFormatting { CheckFormatting(language: document.language) }

    /// The whole document, ending in a line break.
    func render() -> String {
        var blocks: [String] = []
        blocks.append("# " + Self.inline(document.pack.title))
        var facts = [
            "| | |", "| --- | --- |",
            "| \(labels.pack) | `\(document.pack.id)` \(document.pack.version) |",
            "| \(labels.date) | \(formatting.date(document.date)) |",
        ]
        if let file = document.answersFile { facts.append("| \(labels.answers) | `\(Self.cell(file))` |") }
        blocks.append(facts.joined(separator: "\n"))

        blocks.append("## " + labels.outcomes)
        if document.outcomes.isEmpty {
            blocks.append(labels.noOutcomes)
        } else {
            var overview = [
                "| \(labels.outcome) | \(labels.verdictHeading) | \(labels.amounts) |", "| --- | --- | --- |",
            ]
            for outcome in document.outcomes {
                let amounts = outcome.amounts.compactMap { amount in amount.formatted.map { "\(amount.label): \($0)" } }
                overview.append(
                    "| \(Self.cell(outcome.title)) | **\(labels.verdict(outcome.verdict))** | "
                        + "\(Self.cell(amounts.joined(separator: "; "))) |"
                )
            }
            blocks.append(overview.joined(separator: "\n"))
        }
        // A not-requested outcome stays in the overview (so the reader sees it was left out on
        // purpose) but gets no section: nothing about it was checked.
        for outcome in document.outcomes where outcome.verdict != .notRequested { blocks += self.outcome(outcome) }

        if !document.values.isEmpty {
            var table = ["## " + labels.values, "", "| \(labels.value) | | |", "| --- | --- | --- |"]
            for value in document.values {
                table.append(
                    "| \(Self.cell(value.label)) | `\(value.id)` | \(Self.cell(valueText(value.formatted, value.missingQuestions))) |"
                )
            }
            blocks.append(table.joined(separator: "\n"))
        }
        if !document.scores.isEmpty {
            var table = [
                "## " + labels.scores, "",
                "| \(labels.score) | \(labels.computed) | \(labels.override) | \(labels.effective) | \(labels.level) |",
                "| --- | --- | --- | --- | --- |",
            ]
            for score in document.scores {
                let computed = score.computed.map(formatting.number) ?? valueText(nil, score.missingQuestions)
                let override = score.override.map { "\(formatting.number($0.value)) (\($0.justification))" } ?? ""
                let effective = score.effective.map(formatting.number) ?? ""
                table.append(
                    "| \(Self.cell(score.title)) | \(Self.cell(computed)) | \(Self.cell(override)) | \(effective) | "
                        + "\(Self.cell(score.level ?? "")) |"
                )
            }
            blocks.append(table.joined(separator: "\n"))
        }
        if !document.calculations.isEmpty { blocks.append(CheckCalculations(document: document).markdownBlock()) }
        if !document.recommendations.isEmpty {
            var list = ["## " + labels.recommendations, ""]
            for recommendation in document.recommendations {
                var line = "- **\(labels.priority(recommendation.priority))**: \(Self.inline(recommendation.text))"
                if !recommendation.sources.isEmpty {
                    line += " _(\(Self.inline(recommendation.sources.map(\.text).joined(separator: "; "))))_"
                }
                list.append(line)
            }
            blocks.append(list.joined(separator: "\n"))
        }
        if !document.openQuestions.isEmpty {
            var list = ["## " + labels.openQuestions, "", labels.openQuestionsNote, ""]
            for question in document.openQuestions {
                list.append("- `\(question.id)`: \(Self.inline(question.question))")
            }
            blocks.append(list.joined(separator: "\n"))
        }
        if !document.ignoredAnswers.isEmpty {
            var list = ["## " + labels.ignoredAnswers, "", labels.ignoredAnswersNote, ""]
            for answer in document.ignoredAnswers {
                list.append("- `\(answer.questionID)`: \(Self.inline(answer.answer))")
            }
            blocks.append(list.joined(separator: "\n"))
        }
        if !document.problems.isEmpty {
            var list = ["## " + labels.problems, ""]
            for problem in document.problems {
                list.append("- `\(problem.location ?? "?")`: \(Self.inline(problem.message))")
            }
            blocks.append(list.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func outcome(_ outcome: EvaluationDocument.OutcomeEntry) -> [String] {
        var blocks = [
            "### \(Self.inline(outcome.title)): \(labels.verdict(outcome.verdict))", Self.inline(outcome.summary),
        ]
        if !outcome.amounts.isEmpty {
            var table = ["| \(labels.amount) | \(labels.value) |", "| --- | --- |"]
            for amount in outcome.amounts {
                table.append(
                    "| \(Self.cell(amount.label)) | \(Self.cell(valueText(amount.formatted, amount.missingQuestions))) |"
                )
            }
            blocks.append(table.joined(separator: "\n"))
        }
        if !outcome.missingQuestions.isEmpty {
            blocks.append(
                "\(labels.stillNeeded): " + outcome.missingQuestions.map { "`\($0)`" }.joined(separator: ", ")
            )
        }
        let decisive = outcome.requirements.filter(\.decisive)
        if !decisive.isEmpty {
            var table = [
                "**\(labels.decisiveRules)**", "",
                "| | \(labels.requirement) | \(labels.answers) | \(labels.sources) |", "| --- | --- | --- | --- |",
            ]
            for requirement in decisive {
                let answers = requirement.inputs.map { "\(Self.cell($0.question)) **\(Self.cell($0.answer))**" }
                table.append(
                    "| \(CheckLabels.mark(requirement.status)) | \(Self.cell(requirement.explanation)) | "
                        + "\(answers.joined(separator: "<br>")) | "
                        + "\(requirement.sources.map { Self.cell($0.text) }.joined(separator: "<br>")) |"
                )
            }
            blocks.append(table.joined(separator: "\n"))
        }
        return blocks
    }

    private func valueText(_ formatted: String?, _ missing: [String]) -> String {
        if let formatted { return formatted }
        if missing.isEmpty { return labels.unknownYet }
        return "\(labels.unknownYet) (\(labels.waitsFor) \(missing.joined(separator: ", ")))"
    }

    /// Text for a table cell: one line, with `|` escaped.
    static func cell(_ text: String) -> String {
        inline(text).replacingPipes()
    }

    /// Text on one line.
    static func inline(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}

extension String {
    fileprivate func replacingPipes() -> String {
        var result = ""
        for character in self {
            if character == "|" { result += "\\|" } else { result.append(character) }
        }
        return result
    }
}
