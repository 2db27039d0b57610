public import KoersCore
public import KoersInterview

/// A fixed text of Koers itself, in Dutch and in English: a heading, a verdict in words, a
/// kind of change.
///
/// The front ends (the terminal, `koers check`, the web pages, the reports) show many of the same
/// words. Each such text is written once, here, as a static member, so a correction or a better
/// translation reaches every front end at once and the front ends cannot drift apart. A text
/// that only one front end shows stays in that front end's own table; the texts of a rule pack
/// (titles, questions, reasons) come from the pack and never pass through this catalogue.
///
/// Each front end keeps its own rule for choosing the language (which one it falls back to),
/// and picks ``nl`` or ``en`` with it:
///
/// ```swift
/// let text = FrontEndText.verdict(.eligible)
/// print(language == "nl" ? text.nl : text.en)   // "komt in aanmerking"
/// ```
public struct FrontEndText: Sendable, Hashable {
    /// The Dutch text, which Koers shows first.
    public let nl: String
    /// The English text.
    public let en: String

    /// Creates a text; the catalogue's static members are the ones to use.
    ///
    /// - Parameters:
    ///   - nl: The Dutch text.
    ///   - en: The English text.
    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }
}

// MARK: - Verdicts and priorities

extension FrontEndText {
    /// An outcome's verdict as a phrase after its title: `komt in aanmerking`, `gesloten`.
    ///
    /// An undetermined verdict gets the terminal's words (``undetermined``); the reports and the
    /// web pages say it in their own (`nog niet te bepalen` / `not yet decided`, `nog niet te
    /// zeggen` / `not yet known`) and ask for it before they ask here.
    ///
    /// - Parameter verdict: The verdict.
    /// - Returns: The phrase.
    public static func verdict(_ verdict: Verdict) -> FrontEndText {
        switch verdict {
        case .eligible: eligible
        case .ineligible: ineligible
        case .closed: closed
        case .notRequested: notRequested
        case .undetermined: undetermined
        }
    }

    /// The verdict `Verdict.eligible`.
    public static let eligible = FrontEndText(nl: "komt in aanmerking", en: "eligible")
    /// The verdict `Verdict.ineligible`.
    public static let ineligible = FrontEndText(nl: "komt niet in aanmerking", en: "not eligible")
    /// The verdict `Verdict.closed`: the scheme is not open on the date.
    public static let closed = FrontEndText(nl: "gesloten", en: "closed")
    /// The verdict `Verdict.notRequested`: nobody asked about this outcome.
    public static let notRequested = FrontEndText(nl: "niet gevraagd", en: "not requested")
    /// The verdict `Verdict.undetermined` in the terminal's words.
    public static let undetermined = FrontEndText(nl: "nog niet te bepalen", en: "undetermined")

    /// A recommendation's priority in words.
    ///
    /// - Parameter priority: The priority.
    /// - Returns: `hoog`/`high`, `middel`/`medium` or `laag`/`low`.
    public static func priority(_ priority: Recommendation.Priority) -> FrontEndText {
        switch priority {
        case .high: FrontEndText(nl: "hoog", en: "high")
        case .medium: FrontEndText(nl: "middel", en: "medium")
        case .low: FrontEndText(nl: "laag", en: "low")
        }
    }
}

// MARK: - Headings and labels

extension FrontEndText {
    /// The heading or label of an outcome's amounts.
    public static let amounts = FrontEndText(nl: "Bedragen", en: "Amounts")
    /// The heading of the scores.
    public static let scores = FrontEndText(nl: "Scores", en: "Scores")
    /// The label of one score.
    public static let score = FrontEndText(nl: "Score", en: "Score")
    /// The label of a value or a score's number.
    public static let value = FrontEndText(nl: "Waarde", en: "Value")
    /// The label of a score's level.
    public static let level = FrontEndText(nl: "Niveau", en: "Level")
    /// The label of a computed score next to its override.
    public static let computed = FrontEndText(nl: "Berekend", en: "Computed")
    /// The label of a score's override next to the computed score.
    public static let override = FrontEndText(nl: "Aangepast", en: "Override")
    /// The heading of the cited sources.
    public static let sources = FrontEndText(nl: "Bronnen", en: "Sources")
    /// The heading of the answers.
    public static let answers = FrontEndText(nl: "Antwoorden", en: "Answers")
    /// The label of one answer.
    public static let answer = FrontEndText(nl: "Antwoord", en: "Answer")
    /// The label of one question.
    public static let question = FrontEndText(nl: "Vraag", en: "Question")
    /// The label of a note to an answer.
    public static let note = FrontEndText(nl: "Notitie", en: "Note")
    /// The heading of the recommendations.
    public static let recommendations = FrontEndText(nl: "Aanbevelingen", en: "Recommendations")
    /// The heading of the actions of a report or a result page.
    public static let actions = FrontEndText(nl: "Acties", en: "Actions")
    /// What a report or a result page says when there are no actions.
    public static let noActions = FrontEndText(nl: "Geen acties.", en: "No actions.")
    /// The label of an action's priority.
    public static let priority = FrontEndText(nl: "Prioriteit", en: "Priority")
    /// The label of the evaluation date.
    public static let date = FrontEndText(nl: "Datum", en: "Date")
    /// The label of the rule pack.
    public static let pack = FrontEndText(nl: "Pakket", en: "Pack")
    /// The label of a verdict.
    public static let verdict = FrontEndText(nl: "Oordeel", en: "Verdict")
    /// The label of a file a session or an answer came from.
    public static let file = FrontEndText(nl: "Bestand", en: "File")
    /// Skipping a question that may be skipped.
    public static let skip = FrontEndText(nl: "Overslaan", en: "Skip")
    /// The label of a calculated value's unit.
    public static let unit = FrontEndText(nl: "Eenheid", en: "Unit")
    /// A report, as a title or a link.
    public static let report = FrontEndText(nl: "Rapportage", en: "Report")
    /// The first measurement of an organisation, which a follow-up is compared with.
    public static let baseline = FrontEndText(nl: "0-meting", en: "Baseline")
    /// A later measurement, compared with the baseline.
    public static let followUp = FrontEndText(nl: "Vervolgmeting", en: "Follow-up")
    /// A question nobody has answered yet.
    public static let notAnsweredYet = FrontEndText(nl: "nog niet beantwoord", en: "not answered yet")
    /// A value that cannot be computed yet.
    public static let unknown = FrontEndText(nl: "onbekend", en: "unknown")
}

// MARK: - History and verification

extension FrontEndText {
    /// A kind of change in a session's history, in lower case as a history line or a report's
    /// appendix names it.
    ///
    /// - Parameter kind: The kind as the `koers-session/1` file writes it (`answer`, `note`,
    ///   `taken_over`, `taken_over_confirmed`, `override`, `override_confirmed`,
    ///   `score_verified`, `score_disputed`).
    /// - Returns: The kind in words, or `nil` for a kind this version does not know.
    public static func changeKind(_ kind: String) -> FrontEndText? {
        switch kind {
        case "answer": changedAnswer
        case "note": changedNote
        case "taken_over": takenOver
        case "taken_over_confirmed": takeoverConfirmed
        case "override": scoreOverridden
        case "override_confirmed": overrideConfirmed
        case "score_verified": scoreVerified
        case "score_disputed": scoreDisputed
        default: nil
        }
    }

    /// A change of an answer.
    public static let changedAnswer = FrontEndText(nl: "antwoord", en: "answer")
    /// A change of a note.
    public static let changedNote = FrontEndText(nl: "notitie", en: "note")
    /// An answer taken over from an earlier session (also the tag next to such an answer).
    public static let takenOver = FrontEndText(nl: "overgenomen", en: "taken over")
    /// An answer taken over that a person confirmed.
    public static let takeoverConfirmed = FrontEndText(nl: "overname bevestigd", en: "takeover confirmed")
    /// A score a coach overrode.
    public static let scoreOverridden = FrontEndText(nl: "score aangepast", en: "score override")
    /// An override a second person confirmed.
    public static let overrideConfirmed = FrontEndText(nl: "aanpassing bevestigd", en: "override confirmed")
    /// A score a second person verified.
    public static let scoreVerified = FrontEndText(nl: "score geverifieerd", en: "score verified")
    /// A score a second person disputed.
    public static let scoreDisputed = FrontEndText(nl: "score betwist", en: "score disputed")

    /// Where an answer taken over came from: `uit`, before the session's name.
    public static let from = FrontEndText(nl: "uit", en: "from")
    /// The new value of a change that removed the old one.
    public static let removed = FrontEndText(nl: "(verwijderd)", en: "(removed)")
    /// The label of when a change was made.
    public static let when = FrontEndText(nl: "Wanneer", en: "When")
    /// The label of who made a change.
    public static let who = FrontEndText(nl: "Wie", en: "Who")
    /// The label of the value before a change.
    public static let before = FrontEndText(nl: "Was", en: "Was")
    /// The label of the value after a change.
    public static let after = FrontEndText(nl: "Werd", en: "Became")

    /// A score a second person checked and found right, before the person's name.
    public static let verifiedBy = FrontEndText(nl: "geverifieerd door", en: "verified by")
    /// A score a second person checked and disputed, before the person's name.
    public static let disputedBy = FrontEndText(nl: "betwist door", en: "disputed by")
    /// A check of a score that no longer holds, because the score changed after it.
    public static let scoreChangedSince = FrontEndText(nl: "score sindsdien gewijzigd", en: "score changed since")
}

// MARK: - Files

extension FrontEndText {
    /// What a command says after it saved a session.
    ///
    /// - Parameter path: The file, as given.
    /// - Returns: `Bewaard in <path>.` / `Saved in <path>.`
    public static func savedIn(_ path: String) -> FrontEndText {
        FrontEndText(nl: "Bewaard in \(path).", en: "Saved in \(path).")
    }
}

// MARK: - Dates

extension FrontEndText {
    /// The months, January first, as a date in words names them: `1 oktober 2021`,
    /// `1 October 2021`.
    public static let months: [FrontEndText] = zip(
        [
            "januari", "februari", "maart", "april", "mei", "juni",
            "juli", "augustus", "september", "oktober", "november", "december",
        ],
        [
            "January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December",
        ]
    ).map { FrontEndText(nl: $0, en: $1) }
}
