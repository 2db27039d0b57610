import KoersInterview
import KoersPresentation

/// Writes a check result for a terminal: per outcome its verdict, the explanation and the
/// decisive requirements with the answers they used and their sources; then amounts, values,
/// scores, recommendations, open questions and ignored answers.
struct CheckTextRenderer {
    /// The result to write.
    let document: EvaluationDocument

    private var labels: CheckLabels { CheckLabels(language: document.language) }

    /// The whole report, ending in a line break.
    func render() -> String {
        var lines: [String] = []
        lines.append("\(document.pack.title) (\(document.pack.id) \(document.pack.version))")
        var meta = "\(labels.date): \(formattedDate)"
        if let file = document.answersFile { meta += " · \(labels.answers): \(file)" }
        lines.append(meta)

        if document.outcomes.isEmpty { lines += ["", labels.noOutcomes] }
        for outcome in document.outcomes {
            lines.append("")
            lines += self.outcome(outcome)
        }
        let values = document.values
        if !values.isEmpty {
            lines += ["", labels.values]
            for value in values {
                lines.append("  \(value.label): \(valueText(value.formatted, missing: value.missingQuestions))")
            }
        }
        if !document.scores.isEmpty {
            lines += ["", labels.scores]
            for score in document.scores { lines.append("  " + scoreText(score)) }
        }
        if !document.calculations.isEmpty { lines += CheckCalculations(document: document).textLines() }
        if !document.recommendations.isEmpty {
            lines += ["", labels.recommendations]
            for recommendation in document.recommendations {
                lines.append("  [\(labels.priority(recommendation.priority))] \(recommendation.text)")
                if !recommendation.sources.isEmpty {
                    lines.append(
                        "      \(labels.source): " + recommendation.sources.map(\.text).joined(separator: "; ")
                    )
                }
            }
        }
        if !document.openQuestions.isEmpty {
            lines += ["", labels.openQuestions, "  " + labels.openQuestionsNote]
            for question in document.openQuestions {
                lines.append("  - \(question.id): \(question.question)")
            }
        }
        if !document.ignoredAnswers.isEmpty {
            lines += ["", labels.ignoredAnswers, "  " + labels.ignoredAnswersNote]
            for answer in document.ignoredAnswers {
                lines.append("  - \(answer.questionID): \(answer.answer)")
            }
        }
        if !document.problems.isEmpty {
            lines += ["", labels.problems]
            for problem in document.problems {
                lines.append(
                    "  " + [problem.location, problem.severity].compactMap { $0 }.joined(separator: ": ")
                        + ": " + problem.message
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func outcome(_ outcome: EvaluationDocument.OutcomeEntry) -> [String] {
        var lines = ["\(outcome.title): \(labels.verdict(outcome.verdict).uppercased())"]
        lines.append("  " + outcome.summary)
        for amount in outcome.amounts {
            lines.append("  \(amount.label): \(valueText(amount.formatted, missing: amount.missingQuestions))")
        }
        if !outcome.missingQuestions.isEmpty {
            lines.append("  \(labels.stillNeeded): " + outcome.missingQuestions.joined(separator: ", "))
        }
        let decisive = outcome.requirements.filter(\.decisive)
        if !decisive.isEmpty {
            lines.append("  \(labels.decisiveRules):")
            for requirement in decisive {
                lines.append("    \(CheckLabels.mark(requirement.status)) \(requirement.id): \(requirement.explanation)")
                // Answers on one line, by question id; missing ones are listed as still needed.
                let given = requirement.inputs.filter { $0.state != .unanswered && $0.state != .notApplicable }
                if !given.isEmpty {
                    lines.append(
                        "        \(labels.answers): "
                            + given.map { "\($0.questionID) = \($0.answer)" }.joined(separator: "; ")
                    )
                }
                if !requirement.missingQuestions.isEmpty {
                    lines.append(
                        "        \(labels.stillNeeded): " + requirement.missingQuestions.joined(separator: ", ")
                    )
                }
                if !requirement.sources.isEmpty {
                    lines.append("        \(labels.source): " + requirement.sources.map(\.text).joined(separator: "; "))
                }
            }
        }
        return lines
    }

    private func scoreText(_ score: EvaluationDocument.ScoreEntry) -> String {
        var text = "\(score.title): "
        if let effective = score.effective {
            text += "\(number(effective)) (\(number(score.minimum))–\(number(score.maximum)))"
            if let level = score.level { text += ", \(level)" }
            if let override = score.override {
                text += " — \(labels.override.lowercased()): \(override.justification)"
                if let computed = score.computed { text += " (\(labels.computed.lowercased()) \(number(computed)))" }
            }
        } else {
            text += valueText(nil, missing: score.missingQuestions)
        }
        return text
    }

    private func valueText(_ formatted: String?, missing: [String]) -> String {
        if let formatted { return formatted }
        if missing.isEmpty { return labels.unknownYet }
        return "\(labels.unknownYet) (\(labels.waitsFor) \(missing.joined(separator: ", ")))"
    }

    private func number(_ exact: String) -> String { CheckFormatting(language: document.language).number(exact) }

    private var formattedDate: String { CheckFormatting(language: document.language).date(document.date) }
}
