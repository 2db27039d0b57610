import Foundation
import KoersCore
import KoersInterview
import KoersPresentation

/// One question as an HTML form: which control it gets, what it holds (an earlier answer, or
/// the value just typed that was not accepted), and how a submitted form becomes an answer.
struct QuestionForm {
    /// The question.
    var question: QuestionView
    /// The texts of the page's language.
    var texts: PageTexts

    /// Whether the question is answered by picking (radio buttons or checkboxes in a fieldset).
    var isChoice: Bool {
        question.type == "boolean" || !question.options.isEmpty
    }

    /// The options shown: the pack's, or yes and no for a boolean.
    var options: [OptionView] {
        if question.type == "boolean" {
            return [OptionView(id: "true", label: texts["yes"]), OptionView(id: "false", label: texts["no"])]
        }
        return question.options
    }

    /// The values of the form fields for an earlier answer.
    ///
    /// - Parameter answer: The saved answer, if any.
    /// - Returns: The chosen option ids or the text to put in the field, and the special state.
    static func prefill(_ answer: AnswerView?, type: String) -> Prefill {
        guard let answer else { return Prefill() }
        switch answer.state {
        case "dontKnow": return Prefill(special: "unknown")
        case "skipped": return Prefill(special: "skip")
        default: break
        }
        switch answer.value {
        case .boolean(let flag)?: return Prefill(chosen: [flag ? "true" : "false"])
        case .list(let items)?:
            return Prefill(chosen: items.compactMap { if case .string(let id) = $0 { id } else { nil } })
        case .string(let text)?:
            switch type {
            case "single_choice", "scale", "text", "date": return Prefill(chosen: [text], text: text)
            default: return Prefill(chosen: [text], text: answer.display)
            }
        case nil: return Prefill()
        }
    }

    /// What a form field holds.
    struct Prefill {
        /// The chosen option ids.
        var chosen: [String] = []
        /// The text of a text field.
        var text: String = ""
        /// `unknown` or `skip` when the answer was one of those.
        var special: String?
    }

    /// The template values for the question.
    ///
    /// - Parameters:
    ///   - prefill: What the fields hold.
    ///   - error: The message to show next to the field, if the last answer was not accepted.
    /// - Returns: The values.
    func context(prefill: Prefill, error: String?) -> [String: Any] {
        var describedBy: [String] = []
        if question.help != nil { describedBy.append("help") }
        if hint != nil { describedBy.append("answer-hint") }
        if error != nil { describedBy.append("answer-error") }
        var context: [String: Any] = [
            "question": questionValues,
            "choice": isChoice,
            "options": options.enumerated().map { index, option in
                [
                    "index": index + 1, "id": option.id, "label": option.label,
                    "checked": prefill.chosen.contains(option.id),
                    "inputType": question.type == "multiple_choice" ? "checkbox" : "radio",
                ] as [String: Any]
            },
            "value": prefill.text,
            "multiline": question.type == "text",
            "inputType": question.type == "date" ? "date" : "text",
            "inputClass": ["text"].contains(question.type) ? "" : "short",
            "special": question.allowsDontKnow || question.optional,
            "isUnknown": prefill.special == "unknown",
            "isSkipped": prefill.special == "skip",
        ]
        if !describedBy.isEmpty { context["describedBy"] = describedBy.joined(separator: " ") }
        if let hint { context["hint"] = hint }
        if let mode = inputMode { context["inputMode"] = mode }
        if let error { context["error"] = error }
        return context
    }

    /// The question's own values; help and unit only when it has them (a Mustache section
    /// counts an empty text as present).
    private var questionValues: [String: Any] {
        var values: [String: Any] = [
            "id": question.id, "text": question.text,
            "allowsDontKnow": question.allowsDontKnow, "optional": question.optional,
        ]
        if let help = question.help, !help.isEmpty { values["help"] = help }
        if let unit = question.unit, !unit.isEmpty { values["unit"] = unit }
        return values
    }

    /// A line under the field on the accepted range, if the question has one.
    var hint: String? {
        guard !isChoice else { return nil }
        var parts: [String] = []
        if let minimum = question.minimum, let maximum = question.maximum {
            parts.append("\(texts["between"]) \(shown(minimum)) \(texts["and"]) \(shown(maximum))")
        }
        if question.optional { parts.append(texts["skipHelp"]) }
        return parts.isEmpty ? nil : parts.joined(separator: ". ")
    }

    private var inputMode: String? {
        switch question.type {
        case "integer": "numeric"
        case "decimal", "money", "percentage", "scale": "decimal"
        default: nil
        }
    }

    /// A bound as a person reads it (a percentage's fraction as a percentage).
    private func shown(_ exact: String) -> String {
        guard question.type == "percentage", let fraction = Double(exact) else {
            return texts.language == "nl" ? exact.replacingOccurrences(of: ".", with: ",") : exact
        }
        let percent = (fraction * 100 * 1000).rounded() / 1000
        let text = percent == percent.rounded() ? String(Int(percent)) : String(percent)
        return (texts.language == "nl" ? text.replacingOccurrences(of: ".", with: ",") : text) + "%"
    }

    /// The answer a submitted form gives.
    ///
    /// - Parameter form: The form.
    /// - Returns: The choice, and what to show again in the fields if it is not accepted.
    func answer(from form: FormData) -> (choice: AnswerChoice, prefill: Prefill) {
        let specials = form.all("special")
        let values = form.all("value")
        let typed = values.first ?? ""
        let prefill = Prefill(chosen: values, text: typed, special: specials.first)
        if specials.contains("unknown") { return (.dontKnow, prefill) }
        if specials.contains("skip") { return (.skip, prefill) }
        if question.type == "multiple_choice" { return (.value(.list(values)), prefill) }
        return (.value(.text(typed)), prefill)
    }
}
