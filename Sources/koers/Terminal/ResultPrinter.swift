import Foundation
import KoersCore
import KoersExpression
import KoersInterview
import KoersPresentation
import KoersSession
import KoersSource

/// Prints the end of an interview: the verdict of each outcome with its explanation, amounts,
/// the decisive rules with the answers they used and their sources, the scores with their
/// levels, the recommendations, and the answers that no longer count.
struct ResultPrinter {
    let pack: RulePack
    let language: String
    let console: Console

    private var texts: InterviewTexts { InterviewTexts(language: language) }

    /// Prints the result of an evaluation.
    ///
    /// - Parameters:
    ///   - evaluation: The evaluation of the session's answers.
    ///   - session: The session, for who set and who confirmed score overrides, and who verified
    ///     or disputed each score.
    func print(_ evaluation: Evaluation, session: SessionFile) {
        let explainer = Explainer(pack: pack, language: language)
        let formatter = explainer.formatter
        console.line()
        console.line(console.styled("== \(texts.resultTitle(formatter.format(evaluation.date))) ==", .bold))
        console.line("\(pack.manifest.title.text(in: language)) (\(pack.id) \(pack.manifest.version))")

        for result in evaluation.outcomes {
            console.line()
            let verdictStyle: Console.Style =
                switch result.verdict {
                case .eligible: .green
                case .ineligible: .red
                case .undetermined: .yellow
                case .closed, .notRequested: .dim
                }
            console.line(
                console.styled(result.outcome.title.text(in: language), .bold) + ": "
                    + console.styled(texts.verdict(result.verdict), .bold, verdictStyle)
            )
            let explanation = explainer.explain(result, in: evaluation)
            console.line("  " + explanation.summary)
            for amount in result.amounts {
                let value = amount.result.value.map { formatter.format($0) } ?? texts.notYetComputable
                console.line("  \(amount.amount.label.text(in: language)): " + console.styled(value, .bold))
            }
            guard !explanation.rules.isEmpty else { continue }
            console.line("  " + texts.rulesTitle)
            for rule in explanation.rules {
                let mark: String =
                    switch rule.status {
                    case "met": console.styled("✓", .green)
                    case "unmet": console.styled("✗", .red)
                    default: console.styled("?", .yellow)
                    }
                console.line("    \(mark) \(rule.text)")
                if !rule.answers.isEmpty {
                    let answers = rule.answers.map { "\($0.question) \(console.styled($0.answer, .bold))" }
                    console.line(
                        "      " + console.styled(texts.answersLabel + ":", .dim) + " "
                            + answers.joined(separator: "; ")
                    )
                }
                if !rule.sources.isEmpty {
                    console.line(
                        "      " + console.styled(texts.sourcesLabel + ":", .dim) + " "
                            + rule.sources.joined(separator: "; ")
                    )
                }
            }
        }

        if !evaluation.scores.isEmpty {
            console.line()
            console.line(console.styled(texts.scoresTitle, .bold))
            for score in evaluation.scores {
                let value =
                    score.effectiveValue.map { formatter.number($0, fractionDigits: nil) } ?? texts.notYetComputable
                var line = "  \(score.score.title.text(in: language)): \(console.styled(value, .bold))"
                if let level = score.level { line += " (\(level.label.text(in: language)))" }
                if let override = score.override {
                    let computed = score.computed.value?.decimalValue.map { formatter.number($0, fractionDigits: nil) }
                    let record = session.scoreOverrides[score.score.id]
                    line +=
                        "; "
                        + texts.overridden(
                            computed: computed ?? texts.notYetComputable,
                            by: record?.by,
                            confirmedBy: record?.confirmedBy,
                            justification: override.justification
                        )
                }
                console.line(line)
                if let check = session.scoreVerifications[score.score.id] {
                    let holds = check.holds(
                        computed: score.computed.value?.decimalValue, override: session.scoreOverrides[score.score.id]?.value
                    )
                    console.line(
                        "    " + console.styled(texts.verification(check, holds: holds), check.status == .verified ? .green : .yellow)
                    )
                }
            }
        }

        if !evaluation.recommendations.isEmpty {
            console.line()
            console.line(console.styled(texts.recommendationsTitle, .bold))
            for result in evaluation.recommendations {
                let priority = texts.priority(result.recommendation.priority)
                console.line("  - [\(priority)] \(result.recommendation.text.text(in: language))")
            }
        }

        let ignored = evaluation.questions.filter(\.isIgnored)
        if !ignored.isEmpty {
            console.line()
            console.line(texts.ignoredTitle)
            for result in ignored {
                let answer = result.answer.map { formatter.format($0, for: result.question) } ?? ""
                console.line("  - \(result.question.text.text(in: language)) \(console.styled(answer, .dim))")
            }
        }

        if !evaluation.problems.isEmpty {
            console.line()
            console.line(texts.problemsTitle)
            for problem in evaluation.problems { console.line("  - \(problem.message)") }
        }
    }

    /// Prints what changed in the pack since the session was saved; nothing when nothing did.
    ///
    /// - Parameter changes: The report from opening the session.
    func print(_ changes: PackChangeReport) {
        guard !changes.isEmpty else { return }
        console.line(
            console.styled(
                changes.versionChanged
                    ? texts.packChanged(from: changes.oldVersion, to: changes.newVersion) : texts.packQuestionsChanged,
                .yellow
            )
        )
        for id in changes.removedQuestions { console.line("  - " + texts.questionRemoved(id)) }
        for change in changes.typeChanges {
            console.line("  - " + texts.typeChanged(change.questionID, from: change.old.typeID, to: change.new.typeID))
        }
        for removal in changes.removedOptions {
            console.line("  - " + texts.optionsRemoved(removal.questionID, removal.optionIDs))
        }
        for entry in changes.setAside {
            console.line("  - " + texts.setAside(entry.questionID, reason: entry.reason(in: language)))
        }
    }
}
