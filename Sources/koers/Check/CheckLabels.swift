import KoersInterview
import KoersPresentation

/// The fixed words of a check report, in Dutch or English.
struct CheckLabels {
    /// `nl` or `en`.
    let language: String

    private var isDutch: Bool { language == "nl" }

    private func pick(_ dutch: String, _ english: String) -> String { isDutch ? dutch : english }

    /// The verdict as a phrase after the outcome's title.
    func verdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .eligible: pick("komt in aanmerking", "eligible")
        case .ineligible: pick("komt niet in aanmerking", "not eligible")
        case .undetermined: pick("nog niet te bepalen", "undetermined")
        case .closed: pick("gesloten op deze datum", "closed on this date")
        case .notRequested: pick("niet gevraagd", "not requested")
        }
    }

    /// A one-character mark for a requirement's status.
    static func mark(_ status: EvaluationDocument.RequirementState) -> String {
        switch status {
        case .met: "✓"
        case .unmet: "✗"
        case .open: "?"
        case .notInForce: "–"
        }
    }

    /// A recommendation's priority in words.
    func priority(_ priority: String) -> String {
        switch priority {
        case "high": pick("hoog", "high")
        case "medium": pick("middel", "medium")
        case "low": pick("laag", "low")
        default: priority
        }
    }

    var pack: String { pick("Pakket", "Pack") }
    var date: String { pick("Datum", "Date") }
    var answers: String { pick("Antwoorden", "Answers") }
    var outcomes: String { pick("Uitkomsten", "Outcomes") }
    var outcome: String { pick("Uitkomst", "Outcome") }
    var verdictHeading: String { pick("Oordeel", "Verdict") }
    var decisiveRules: String { pick("Doorslaggevende eisen", "Decisive requirements") }
    var requirement: String { pick("Eis", "Requirement") }
    var sources: String { pick("Bronnen", "Sources") }
    var source: String { pick("Bron", "Source") }
    var amounts: String { pick("Bedragen", "Amounts") }
    var amount: String { pick("Bedrag", "Amount") }
    var stillNeeded: String { pick("Nog nodig", "Still needed") }
    var values: String { pick("Berekende waarden", "Calculated values") }
    var value: String { pick("Waarde", "Value") }
    var unknownYet: String { pick("nog onbekend", "not known yet") }
    var waitsFor: String { pick("wacht op", "waits for") }
    var scores: String { pick("Scores", "Scores") }
    var score: String { pick("Score", "Score") }
    var computed: String { pick("Berekend", "Computed") }
    var override: String { pick("Aangepast", "Override") }
    var effective: String { pick("Telt", "Counts") }
    var level: String { pick("Niveau", "Level") }
    var recommendations: String { pick("Aanbevelingen", "Recommendations") }
    var openQuestions: String { pick("Open vragen", "Open questions") }
    var openQuestionsNote: String {
        pick(
            "Deze vragen kunnen de uitkomst nog veranderen:",
            "These questions can still change the result:"
        )
    }
    var ignoredAnswers: String { pick("Genegeerde antwoorden", "Ignored answers") }
    var ignoredAnswersNote: String {
        pick(
            "Deze vragen zijn met de andere antwoorden niet van toepassing; hun antwoorden tellen niet mee:",
            "These questions do not apply given the other answers; their answers do not count:"
        )
    }
    var problems: String { pick("Problemen bij het berekenen", "Problems while evaluating") }
    var noOutcomes: String { pick("Dit pakket heeft geen uitkomsten.", "This pack has no outcomes.") }
}
