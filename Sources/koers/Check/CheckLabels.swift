import KoersCore
import KoersInterview
import KoersPresentation

/// The fixed words of a check report, in Dutch or English.
struct CheckLabels {
    /// `nl` or `en`.
    let language: String

    private var isDutch: Bool { language == "nl" }

    private func pick(_ dutch: String, _ english: String) -> String { isDutch ? dutch : english }
    private func pick(_ text: FrontEndText) -> String { pick(text.nl, text.en) }

    /// The verdict as a phrase after the outcome's title.
    func verdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .closed: pick("gesloten op deze datum", "closed on this date")
        default: pick(FrontEndText.verdict(verdict))
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
        Recommendation.Priority(rawValue: priority).map { pick(FrontEndText.priority($0)) } ?? priority
    }

    var pack: String { pick(.pack) }
    var date: String { pick(.date) }
    var answers: String { pick(.answers) }
    var outcomes: String { pick("Uitkomsten", "Outcomes") }
    var outcome: String { pick("Uitkomst", "Outcome") }
    var verdictHeading: String { pick(.verdict) }
    var decisiveRules: String { pick("Doorslaggevende eisen", "Decisive requirements") }
    var requirement: String { pick("Eis", "Requirement") }
    var sources: String { pick(.sources) }
    var source: String { pick("Bron", "Source") }
    var amounts: String { pick(.amounts) }
    var amount: String { pick("Bedrag", "Amount") }
    var stillNeeded: String { pick("Nog nodig", "Still needed") }
    var values: String { pick("Berekende waarden", "Calculated values") }
    var value: String { pick(.value) }
    var unknownYet: String { pick("nog onbekend", "not known yet") }
    var waitsFor: String { pick("wacht op", "waits for") }
    var scores: String { pick(.scores) }
    var score: String { pick(.score) }
    var computed: String { pick(.computed) }
    var override: String { pick(.override) }
    var effective: String { pick("Telt", "Counts") }
    var level: String { pick(.level) }
    var recommendations: String { pick(.recommendations) }
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
