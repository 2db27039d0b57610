import Foundation
import KoersCore
import KoersInterview
import KoersPresentation

/// The fixed texts of a report, in Dutch or English.
struct ReportTexts: Sendable {
    let language: String

    func pick(_ dutch: String, _ english: String) -> String { language == "en" ? english : dutch }
    /// A text of the shared catalogue, by the same rule.
    func pick(_ text: FrontEndText) -> String { pick(text.nl, text.en) }

    var reportTitle: String { pick(.report) }
    var organisation: String { pick("Organisatie", "Organisation") }
    var project: String { pick("Project", "Project") }
    var date: String { pick(.date) }
    var pack: String { pick(.pack) }
    var source: String { pick(.file) }
    var answeredBy: String { pick("Beantwoord door", "Answered by") }
    var unknownPerson: String { pick("niet vastgelegd", "not recorded") }
    var engine: String { pick("Gemaakt met Koers", "Made with Koers") }
    var contents: String { pick("Inhoud", "Contents") }
    var schemes: String { pick("Regelingen", "Schemes") }
    var verdict: String { pick(.verdict) }
    var amounts: String { pick(.amounts) }
    var reasons: String { pick("Redenen", "Reasons") }
    var stillUnknown: String { pick("Nog onbekend", "Still unknown") }
    var scores: String { pick(.scores) }
    var score: String { pick(.score) }
    var value: String { pick(.value) }
    var level: String { pick(.level) }
    var evidence: String { pick("Onderbouwing", "Evidence") }
    var override: String { pick("Aangepast", "Overridden") }
    var overrideBy: String { pick("door", "by") }
    var confirmedBy: String { pick("bevestigd door", "confirmed by") }
    var computed: String { pick("berekend", "computed") }
    var actions: String { pick(.actions) }
    var noActions: String { pick(.noActions) }
    var priority: String { pick(.priority) }
    var action: String { pick("Actie", "Action") }
    var because: String { pick("Aanleiding", "Because of") }
    var sources: String { pick(.sources) }
    var comparison: String { pick("Vergelijking", "Comparison") }
    var baseline: String { pick(.baseline) }
    var followUp: String { pick(.followUp) }
    var delta: String { pick("Verschil", "Change") }
    var maximum: String { pick("Maximum", "Maximum") }
    var appendix: String { pick("Bijlage: alle antwoorden", "Appendix: every answer") }
    var question: String { pick(.question) }
    var answer: String { pick(.answer) }
    var note: String { pick(.note) }
    var who: String { pick(.who) }
    var noAnswers: String { pick("Geen antwoorden.", "No answers.") }
    var history: String { pick("Bijlage: geschiedenis van de wijzigingen", "Appendix: history of the changes") }
    var noHistory: String {
        pick(
            "Geen wijzigingen vastgelegd (of het bestand is van voor Koers ze bijhield).",
            "No changes recorded (or the file predates Koers keeping them)."
        )
    }
    var when: String { pick(.when) }
    var change: String { pick("Wijziging", "Change") }
    var before: String { pick(.before) }
    var after: String { pick(.after) }
    func noteBy(_ person: String) -> String { pick("notitie van \(person)", "note by \(person)") }
    /// A kind of change, as the history appendix names it.
    func changeKind(_ kind: String) -> String { FrontEndText.changeKind(kind).map(pick) ?? kind }
    /// The change's old and new value in one cell: `was → became`, with where an answer taken
    /// over came from.
    func transition(_ change: ReportChange) -> String {
        var text: String
        switch (change.old, change.new) {
        case (nil, let new?): text = new
        case (let old?, let new?): text = "\(old) → \(new)"
        case (let old?, nil): text = "\(old) → " + pick(.removed)
        case (nil, nil): text = ""
        }
        if let source = change.source { text += " (" + pick(.from) + " \(source))" }
        return text
    }
    var chart: String { pick("Grafiek", "Chart") }
    var chartOf: String { pick("Staafdiagram van", "Bar chart of") }
    var unknownValue: String { pick(.unknown) }
    var checklists: String { pick("Mee te sturen stukken", "Documents to attach") }
    var checked: String { pick("klaar", "ready") }
    var unchecked: String { pick("nog niet", "not yet") }
    var unanswered: String { pick(.notAnsweredYet) }
    var notApplicable: String { pick("niet van toepassing", "does not apply") }

    func verdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .undetermined: pick("nog niet te bepalen", "not yet decided")
        default: pick(FrontEndText.verdict(verdict))
        }
    }

    func priority(_ word: String) -> String {
        Recommendation.Priority(rawValue: word).map { pick(FrontEndText.priority($0)) } ?? word
    }

    /// The mark and the words for a checklist item's state.
    func checklistState(_ state: String) -> (mark: String, words: String) {
        switch state {
        case "checked": ("✓", checked)
        case "unchecked": ("✗", unchecked)
        default: ("?", unanswered)
        }
    }

    func role(_ role: String?) -> String? {
        switch role {
        case "baseline": baseline
        case "follow_up": followUp
        default: nil
        }
    }

    /// A decimal string in the report's language: a comma for the decimal point in Dutch.
    func number(_ text: String?) -> String {
        guard let text else { return unknownValue }
        return language == "en" ? text : text.replacingOccurrences(of: ".", with: ",")
    }
}
