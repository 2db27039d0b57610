import Foundation
import KoersInterview

/// The fixed texts of a report, in Dutch or English.
struct ReportTexts: Sendable {
    let language: String

    func pick(_ dutch: String, _ english: String) -> String { language == "en" ? english : dutch }

    var reportTitle: String { pick("Rapportage", "Report") }
    var organisation: String { pick("Organisatie", "Organisation") }
    var project: String { pick("Project", "Project") }
    var date: String { pick("Datum", "Date") }
    var pack: String { pick("Pakket", "Pack") }
    var source: String { pick("Bestand", "File") }
    var answeredBy: String { pick("Beantwoord door", "Answered by") }
    var unknownPerson: String { pick("niet vastgelegd", "not recorded") }
    var engine: String { pick("Gemaakt met Koers", "Made with Koers") }
    var contents: String { pick("Inhoud", "Contents") }
    var schemes: String { pick("Regelingen", "Schemes") }
    var verdict: String { pick("Oordeel", "Verdict") }
    var amounts: String { pick("Bedragen", "Amounts") }
    var reasons: String { pick("Redenen", "Reasons") }
    var stillUnknown: String { pick("Nog onbekend", "Still unknown") }
    var scores: String { pick("Scores", "Scores") }
    var score: String { pick("Score", "Score") }
    var value: String { pick("Waarde", "Value") }
    var level: String { pick("Niveau", "Level") }
    var evidence: String { pick("Onderbouwing", "Evidence") }
    var override: String { pick("Aangepast", "Overridden") }
    var overrideBy: String { pick("door", "by") }
    var confirmedBy: String { pick("bevestigd door", "confirmed by") }
    var computed: String { pick("berekend", "computed") }
    var actions: String { pick("Acties", "Actions") }
    var noActions: String { pick("Geen acties.", "No actions.") }
    var priority: String { pick("Prioriteit", "Priority") }
    var action: String { pick("Actie", "Action") }
    var because: String { pick("Aanleiding", "Because of") }
    var sources: String { pick("Bronnen", "Sources") }
    var comparison: String { pick("Vergelijking", "Comparison") }
    var baseline: String { pick("0-meting", "Baseline") }
    var followUp: String { pick("Vervolgmeting", "Follow-up") }
    var delta: String { pick("Verschil", "Change") }
    var maximum: String { pick("Maximum", "Maximum") }
    var appendix: String { pick("Bijlage: alle antwoorden", "Appendix: every answer") }
    var question: String { pick("Vraag", "Question") }
    var answer: String { pick("Antwoord", "Answer") }
    var note: String { pick("Notitie", "Note") }
    var who: String { pick("Wie", "Who") }
    var noAnswers: String { pick("Geen antwoorden.", "No answers.") }
    var history: String { pick("Bijlage: geschiedenis van de wijzigingen", "Appendix: history of the changes") }
    var noHistory: String {
        pick(
            "Geen wijzigingen vastgelegd (of het bestand is van voor Koers ze bijhield).",
            "No changes recorded (or the file predates Koers keeping them)."
        )
    }
    var when: String { pick("Wanneer", "When") }
    var change: String { pick("Wijziging", "Change") }
    var before: String { pick("Was", "Was") }
    var after: String { pick("Werd", "Became") }
    func noteBy(_ person: String) -> String { pick("notitie van \(person)", "note by \(person)") }
    /// A kind of change, as the history appendix names it.
    func changeKind(_ kind: String) -> String {
        switch kind {
        case "answer": pick("antwoord", "answer")
        case "note": pick("notitie", "note")
        case "taken_over": pick("overgenomen", "taken over")
        case "taken_over_confirmed": pick("overname bevestigd", "takeover confirmed")
        case "override": pick("score aangepast", "score override")
        case "override_confirmed": pick("aanpassing bevestigd", "override confirmed")
        case "score_verified": pick("score geverifieerd", "score verified")
        case "score_disputed": pick("score betwist", "score disputed")
        default: kind
        }
    }
    /// The change's old and new value in one cell: `was → became`, with where an answer taken
    /// over came from.
    func transition(_ change: ReportChange) -> String {
        var text: String
        switch (change.old, change.new) {
        case (nil, let new?): text = new
        case (let old?, let new?): text = "\(old) → \(new)"
        case (let old?, nil): text = "\(old) → " + pick("(verwijderd)", "(removed)")
        case (nil, nil): text = ""
        }
        if let source = change.source { text += " (" + pick("uit", "from") + " \(source))" }
        return text
    }
    var chart: String { pick("Grafiek", "Chart") }
    var chartOf: String { pick("Staafdiagram van", "Bar chart of") }
    var unknownValue: String { pick("onbekend", "unknown") }
    var checklists: String { pick("Mee te sturen stukken", "Documents to attach") }
    var checked: String { pick("klaar", "ready") }
    var unchecked: String { pick("nog niet", "not yet") }
    var unanswered: String { pick("nog niet beantwoord", "not answered yet") }
    var notApplicable: String { pick("niet van toepassing", "does not apply") }

    func verdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .eligible: pick("komt in aanmerking", "eligible")
        case .ineligible: pick("komt niet in aanmerking", "not eligible")
        case .undetermined: pick("nog niet te bepalen", "not yet decided")
        case .closed: pick("gesloten", "closed")
        case .notRequested: pick("niet gevraagd", "not requested")
        }
    }

    func priority(_ word: String) -> String {
        switch word {
        case "high": pick("hoog", "high")
        case "medium": pick("middel", "medium")
        case "low": pick("laag", "low")
        default: word
        }
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
