import Foundation
import KoersCore
import KoersExpression
import KoersInterview
import KoersPresentation
import KoersSession

/// The words of the terminal interview, in Dutch or English.
struct InterviewTexts {
    /// `nl` or `en`.
    let language: String

    private var dutch: Bool { language == "nl" }
    private func pick(_ nl: String, _ en: String) -> String { dutch ? nl : en }
    private func pick(_ text: FrontEndText) -> String { pick(text.nl, text.en) }

    // MARK: Prompts

    var changing: String { pick("wijzigen", "changing") }
    var commandsHint: String { pick("? hulp · < terug", "? help · < back") }
    func current(_ answer: String) -> String {
        pick("Huidig antwoord: \(answer) (Enter houdt het)", "Current answer: \(answer) (Enter keeps it)")
    }
    var takenOverTag: String { pick(.takenOver) }
    /// Where an answer was taken over from: `overgenomen uit Maturity scan 0-meting (2 maart 2026)`.
    func takenOver(from origin: AnswerOrigin, formatter: ValueFormatter) -> String {
        let day = origin.answeredAt.flatMap(Self.day(of:)).map { formatter.format($0) }
        return pick("overgenomen uit ", "taken over from ") + origin.sourceName + (day.map { " (\($0))" } ?? "")
    }
    /// The calendar day of a moment, in UTC, as session files keep their times.
    static func day(of time: Date) -> CalendarDate? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: time)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
    func takenOverAnswer(_ answer: String, from source: String) -> String {
        pick(
            "\(answer) — \(source). Enter bevestigt, of geef een ander antwoord.",
            "\(answer) — \(source). Enter confirms, or give another answer."
        )
    }
    var optionalHint: String { pick("leeg laten slaat over", "leave empty to skip") }
    var unknownHint: String { pick("?? als u het niet weet", "?? if you don't know") }

    /// What a question accepts, by its type.
    func accepts(_ question: Question, summary: String?) -> String {
        let count = question.options.count
        switch question.typeID {
        case "boolean": return pick("ja of nee", "yes or no")
        case "single_choice":
            return pick("een nummer (1-\(count)) of de naam", "a number (1-\(count)) or the name")
        case "multiple_choice":
            return pick(
                "een of meer nummers of namen, gescheiden door komma's (bijv. 1,3); 'geen' voor geen",
                "one or more numbers or names separated by commas (e.g. 1,3); 'none' for none"
            )
        case "money":
            return pick("een bedrag, bijv. € 125.000,50 of 125000.50", "an amount, e.g. € 125,000.50 or 125000.50")
        case "integer": return pick("een heel getal", "a whole number") + bounds(question)
        case "decimal": return pick("een getal, bijv. 12,5", "a number, e.g. 12.5") + bounds(question)
        case "percentage": return pick("een percentage, bijv. 20%", "a percentage, e.g. 20%")
        case "date": return pick("een datum, bijv. 31-12-2022 of 2022-12-31", "a date, e.g. 2022-12-31 or 31-12-2022")
        case "text": return pick("vrije tekst", "free text")
        case "scale":
            let low = question.minimum?.description ?? "1"
            let high = question.maximum?.description ?? "5"
            return pick("een getal van \(low) tot en met \(high)", "a number from \(low) to \(high)")
        default: return summary ?? pick("uw antwoord", "your answer")
        }
    }

    private func bounds(_ question: Question) -> String {
        switch (question.minimum, question.maximum) {
        case let (low?, high?): pick(" van \(low) tot en met \(high)", " from \(low) to \(high)")
        case let (low?, nil): pick(", minstens \(low)", ", at least \(low)")
        case let (nil, high?): pick(", hoogstens \(high)", ", at most \(high)")
        case (nil, nil): ""
        }
    }

    func pickerHint(multiple: Bool) -> String {
        multiple
            ? pick(
                "↑/↓ bewegen · spatie kiest · Enter bevestigt · cijfer kiest · ? hulp · < terug",
                "↑/↓ move · space chooses · Enter confirms · number chooses · ? help · < back"
            )
            : pick(
                "↑/↓ kiezen · Enter bevestigt · cijfer springt · ? hulp · < terug",
                "↑/↓ choose · Enter confirms · number jumps · ? help · < back"
            )
    }
    var unknownRow: String { pick("Weet ik niet", "Don't know") }
    var skipRow: String { pick(.skip) }
    var nothingChosen: String {
        pick(
            "Niets gekozen: spatie kiest; nogmaals Enter bevestigt 'geen'.",
            "Nothing chosen: space chooses; Enter again confirms 'none'."
        )
    }

    // MARK: Help and messages

    var helpTitle: String { pick("Uitleg", "Help") }
    var noHelp: String { pick("Bij deze vraag is geen extra uitleg.", "This question has no further explanation.") }
    var unknownAllowed: String {
        pick("Weet u het niet? Typ ?? of 'weet niet'.", "Don't know? Type ?? or \"don't know\".")
    }
    var skipAllowed: String {
        pick(
            "Deze vraag is niet verplicht: laat de regel leeg of typ - om over te slaan.",
            "This question is optional: leave the line empty or type - to skip it."
        )
    }
    var commandsHelp: [String] {
        [
            pick(
                "? toont deze uitleg; < gaat terug naar de vorige vraag om die te wijzigen.",
                "? shows this help; < goes back to the previous question to change it."
            ),
            pick("# tekst bewaart een notitie bij deze vraag.", "# text keeps a note with this question."),
            pick(
                "Ctrl-D stopt; uw antwoorden zijn na elk antwoord bewaard.",
                "Ctrl-D stops; your answers are saved after every answer."
            ),
        ]
    }
    var required: String {
        pick(
            "Deze vraag is verplicht; geef een antwoord (? voor uitleg).",
            "This question is required; please answer it (? for help)."
        )
    }
    var noEarlierQuestion: String { pick("Er is geen eerdere vraag.", "There is no earlier question.") }
    var noteKept: String {
        pick("Notitie genoteerd; die wordt bewaard met het antwoord.", "Note taken; it is saved with the answer.")
    }
    var notePrompt: String { pick("Notitie: ", "Note: ") }
    func noLongerApplies(_ question: String) -> String {
        pick(
            "Let op: het antwoord op \"\(question)\" telt niet meer mee, want die vraag is niet meer van toepassing (het blijft bewaard).",
            "Note: the answer to \"\(question)\" no longer counts, as that question no longer applies (it is kept)."
        )
    }
    var finishPrompt: String {
        pick(
            "Alle vragen die ertoe doen zijn beantwoord. Enter toont de uitslag, < gaat terug.",
            "Every question that matters is answered. Enter shows the result, < goes back."
        )
    }

    // MARK: Review

    var reviewTitle: String { pick("Overzicht van de antwoorden", "Review of the answers") }
    var reviewUnanswered: String { pick("(niet beantwoord)", "(not answered)") }
    var reviewAwaiting: String { pick("overgenomen, nog te bevestigen", "taken over, to be confirmed") }
    var reviewNote: String { pick(.changedNote) }
    func reviewPrompt(count: Int) -> String {
        pick(
            "Typ een nummer (1-\(count)) om dat antwoord te wijzigen; Enter toont de uitslag, < gaat terug.",
            "Type a number (1-\(count)) to change that answer; Enter shows the result, < goes back."
        )
    }
    func reviewNoSuchNumber(_ text: String, count: Int) -> String {
        pick("'\(text)' is geen nummer van 1 tot en met \(count).", "'\(text)' is not a number from 1 to \(count).")
    }

    // MARK: Taking over answers

    func tookOver(_ count: Int, from source: String) -> String {
        pick(
            "\(count) \(count == 1 ? "antwoord" : "antwoorden") overgenomen uit \(source); u loopt ze na en bevestigt (Enter) of wijzigt ze.",
            "\(count) \(count == 1 ? "answer" : "answers") taken over from \(source); you go through them and confirm (Enter) or change each."
        )
    }
    var notTakenOverTitle: String { pick("Niet overgenomen:", "Not taken over:") }
    func differentMeaning(_ id: String, source: String, target: String) -> String {
        pick(
            "\(id): de vraag betekent in dit pack iets anders (\(source) → \(target))",
            "\(id): the question means something else in this pack (\(source) → \(target))"
        )
    }
    func rejectedTakeOver(_ id: String, _ reason: String) -> String { "\(id): \(reason)" }
    func alreadyAnswered(_ count: Int) -> String {
        pick(
            "\(count) \(count == 1 ? "vraag had" : "vragen hadden") in deze sessie al een antwoord; dat blijft staan.",
            "\(count) \(count == 1 ? "question was" : "questions were") already answered in this session; those answers stay."
        )
    }

    // MARK: Start and end

    func evaluationDate(_ date: String) -> String { pick("Peildatum: \(date)", "Evaluation date: \(date)") }
    func newSession(_ path: String) -> String {
        pick(
            "Sessie: \(path) (nieuw, wordt na elk antwoord bewaard)",
            "Session: \(path) (new, saved after every answer)"
        )
    }
    func resumedSession(_ path: String, answers: Int) -> String {
        pick(
            "Sessie: \(path) (\(answers) \(answers == 1 ? "antwoord" : "antwoorden") al gegeven; we gaan verder)",
            "Session: \(path) (\(answers) \(answers == 1 ? "answer" : "answers") already given; continuing)"
        )
    }
    func stopped(answers: Int, path: String, command: String) -> String {
        pick(
            "Gestopt. Uw \(answers) \(answers == 1 ? "antwoord is" : "antwoorden zijn") bewaard in \(path).\nGa verder met: \(command)",
            "Stopped. Your \(answers) \(answers == 1 ? "answer is" : "answers are") saved in \(path).\nContinue with: \(command)"
        )
    }
    var endOfInput: String { pick("Einde van de invoer.", "End of input.") }

    // MARK: Pack changes

    func packChanged(from old: String, to new: String) -> String {
        pick(
            "Het pack is gewijzigd sinds deze sessie is bewaard (\(old) → \(new)).",
            "The pack changed since this session was saved (\(old) → \(new))."
        )
    }
    var packQuestionsChanged: String {
        pick(
            "Vragen in het pack zijn gewijzigd sinds deze sessie is bewaard.",
            "Questions in the pack changed since this session was saved."
        )
    }
    func questionRemoved(_ id: String) -> String {
        pick("vraag '\(id)' bestaat niet meer", "question '\(id)' no longer exists")
    }
    func typeChanged(_ id: String, from old: String, to new: String) -> String {
        pick("vraag '\(id)': type \(old) → \(new)", "question '\(id)': type \(old) → \(new)")
    }
    func optionsRemoved(_ id: String, _ options: [String]) -> String {
        pick(
            "vraag '\(id)': keuzes vervallen: \(options.joined(separator: ", "))",
            "question '\(id)': options removed: \(options.joined(separator: ", "))"
        )
    }
    func setAside(_ id: String, reason: String) -> String {
        pick(
            "antwoord op '\(id)' apart gezet (bewaard in het bestand): \(reason)",
            "answer to '\(id)' set aside (kept in the file): \(reason)"
        )
    }

    // MARK: Results

    func resultTitle(_ date: String) -> String { pick("Uitslag op \(date)", "Result on \(date)") }
    func verdict(_ verdict: Verdict) -> String { pick(FrontEndText.verdict(verdict)) }
    var rulesTitle: String { pick("Beslissende regels:", "Decisive rules:") }
    var answersLabel: String { pick("antwoorden", "answers") }
    var sourcesLabel: String { pick("bron", "source") }
    var notYetComputable: String { pick("nog niet te berekenen", "cannot be computed yet") }
    var scoresTitle: String { pick(.scores) }
    func overridden(computed: String, by person: String?, confirmedBy confirmer: String? = nil, justification: String)
        -> String
    {
        let who = person.map { pick(" door \($0)", " by \($0)") } ?? ""
        let confirmed = confirmer.map { ", " + confirmedBy($0) } ?? ""
        return pick(
            "aangepast\(who)\(confirmed), berekend: \(computed); reden: \(justification)",
            "overridden\(who)\(confirmed), computed: \(computed); reason: \(justification)"
        )
    }
    func confirmedBy(_ person: String) -> String { pick("bevestigd door \(person)", "confirmed by \(person)") }
    /// A second person's check of a score: who verified or disputed it, when, why, and whether
    /// the score changed since (`holds` false), as `koers override` and the result screen show it.
    func verification(_ check: ScoreVerification, holds: Bool) -> String {
        var line = "\(pick(check.status == .verified ? .verifiedBy : .disputedBy)) \(check.by), \(check.at.formatted(.iso8601))"
        if let reason = check.reason { line += ": \(reason)" }
        if !holds { line += " (" + pick(.scoreChangedSince) + ")" }
        return line
    }
    var recommendationsTitle: String { pick(.recommendations) }
    func priority(_ priority: Recommendation.Priority) -> String { pick(FrontEndText.priority(priority)) }
    var ignoredTitle: String {
        pick(
            "Niet meegeteld (de vraag is niet meer van toepassing; het antwoord blijft bewaard):",
            "Not counted (the question no longer applies; the answer is kept):"
        )
    }
    var problemsTitle: String { pick("Problemen bij het rekenen:", "Problems while evaluating:") }
    func savedIn(_ path: String) -> String { pick(FrontEndText.savedIn(path)) }
}
