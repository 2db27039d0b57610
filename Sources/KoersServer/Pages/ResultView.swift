import Foundation
import KoersInterview
import KoersPresentation

/// The result page's values from a `koers-check/1` document: the verdicts with their reasons
/// and sources, the scores with overrides, and the actions.
struct ResultView {
    /// The evaluation.
    var document: EvaluationDocument
    /// The session's overrides, for who set them.
    var overrides: [OverrideView]
    /// The texts of the page's language.
    var texts: PageTexts

    /// The template values.
    func context() -> [String: Any] {
        let questionTexts = Dictionary(
            document.openQuestions.map { ($0.id, $0.question) }, uniquingKeysWith: { first, _ in first }
        )
        let outcomes: [[String: Any]] = document.outcomes.map { outcome in
            let amounts = outcome.amounts.compactMap { amount in
                amount.formatted.map { ["label": amount.label, "formatted": $0] }
            }
            let reasons = outcome.requirements.filter(\.decisive).map { requirement in
                var entry = ["text": requirement.explanation]
                let sources = requirement.sources.map(\.text).joined(separator: "; ")
                if !sources.isEmpty { entry["sources"] = sources }
                return entry
            }
            let missing = outcome.missingQuestions.map { questionTexts[$0] ?? $0 }
            return [
                "id": outcome.id, "title": outcome.title, "summary": outcome.summary,
                "verdict": texts["verdict.\(outcome.verdict.rawValue)"], "verdictClass": outcome.verdict.rawValue,
                "amounts": amounts, "hasAmounts": !amounts.isEmpty,
                "reasons": reasons, "hasReasons": !reasons.isEmpty,
                "missing": missing, "hasMissing": !missing.isEmpty,
            ]
        }
        let scores: [[String: Any]] = document.scores.map { score in
            var overrideText = ""
            if let override = score.override {
                let by = overrides.first { $0.scoreId == score.id }
                overrideText = "\(number(override.value)): \(override.justification)"
                if let by { overrideText += " (\(by.by)\(by.confirmedBy.map { ", \($0)" } ?? ""))" }
            }
            return [
                "id": score.id, "title": score.title,
                "computed": score.computed.map(number) ?? "–",
                "effective": score.effective.map { "\(number($0)) / \(number(score.maximum))" } ?? "–",
                "level": score.level ?? "", "override": overrideText,
            ]
        }
        let actions: [[String: Any]] = document.recommendations.map { action in
            var entry: [String: Any] = [
                "priority": texts["priority.\(action.priority)"], "priorityClass": action.priority, "text": action.text,
            ]
            let sources = action.sources.map(\.text).joined(separator: "; ")
            if !sources.isEmpty { entry["sources"] = sources }
            return entry
        }
        var context: [String: Any] = [
            "packTitle": document.pack.title, "packVersion": document.pack.version, "date": PageDates.day(document.date, language: texts.language),
            "outcomes": outcomes, "hasOutcomes": !outcomes.isEmpty,
            "scores": scores, "hasScores": !scores.isEmpty,
            "actions": actions, "hasActions": !actions.isEmpty,
            "openCount": document.openQuestions.count,
        ]
        let overall = texts["overall.\(document.overallVerdict.rawValue)"]
        if !overall.isEmpty { context["overallText"] = overall }
        return context
    }

    /// The override form's score choices.
    func scoreChoices(selected: String?) -> [[String: Any]] {
        document.scores.map { score in
            [
                "id": score.id, "title": score.title, "minimum": number(score.minimum),
                "maximum": number(score.maximum), "selected": score.id == selected,
            ]
        }
    }

    /// An exact decimal as a person reads it (a decimal comma in Dutch).
    func number(_ exact: String) -> String {
        texts.language == "nl" ? exact.replacingOccurrences(of: ".", with: ",") : exact
    }
}
