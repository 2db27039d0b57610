import KoersCore
import KoersPresentation

/// Every text of the web pages in Dutch and English: one table, so a translation is never
/// missing in one language only. Pack texts (questions, verdicts, reasons) come from the packs
/// and the engine in the same language.
struct PageTexts: Sendable {
    /// `nl` or `en`.
    let language: String

    /// The languages the pages speak; Dutch first.
    static let languages = ["nl", "en"]

    /// Texts for a language; anything but `en` is Dutch.
    init(language: String) {
        self.language = language == "en" ? "en" : "nl"
    }

    /// The text for a key; the key itself when the table lacks it (a mistake a test catches).
    subscript(key: String) -> String {
        guard let entry = Self.table[key] ?? Self.workspaceTable[key] else { return key }
        return language == "en" ? entry.en : entry.nl
    }

    /// The label of a form field by its name, for the page that gives back what was typed.
    func fieldName(_ name: String) -> String {
        let keys = [
            "note": "note", "value": "answer", "justification": "justification", "label": "label",
            "name": "organisationName", "email": "email", "date": "evaluationDate", "expires": "expires",
        ]
        return keys[name].map { self[$0] } ?? name
    }

    /// The whole table for one language, as templates read it (`{{t.key}}`).
    var all: [String: String] {
        Self.table.merging(Self.workspaceTable) { first, _ in first }.mapValues { language == "en" ? $0.en : $0.nl }
    }

    /// The texts by key.
    static let table: [String: (nl: String, en: String)] = coreTable.merging(accountTexts) { core, _ in core }

    /// An entry of the tables from the catalogue the front ends share, so that a text the
    /// terminal or the reports show as well is written once.
    static func shared(_ text: FrontEndText) -> (nl: String, en: String) { (text.nl, text.en) }

    /// The texts of the pages but account management and the organisation's data
    /// (``accountTexts``).
    static let coreTable: [String: (nl: String, en: String)] = [
        "appName": ("Koers", "Koers"),
        "tagline": (
            "Regels en checklists voor e-healthprojecten", "Rules and checklists for e-health projects"
        ),
        "skipToContent": ("Naar de inhoud", "Skip to content"),
        "language": ("Taal", "Language"),
        "otherLanguage": ("English", "Nederlands"),
        "home": ("Start", "Home"),
        "choosePack": ("Kies een toets", "Choose a check"),
        "choosePackIntro": (
            "Beantwoord de vragen één voor één. Koers vraagt alleen wat nog verschil maakt en legt bij elk oordeel uit waarom, met de bron.",
            "Answer the questions one at a time. Koers only asks what can still make a difference and explains every verdict, with its source."
        ),
        "startAnonymous": ("Begin", "Start"),
        "questionsCount": ("vragen", "questions"),
        "version": ("versie", "version"),
        "anonymousNote": (
            "U hoeft niet in te loggen. U krijgt een persoonlijke link waarmee u later verder kunt.",
            "You do not need to log in. You get a personal link to continue later."
        ),
        "coachLogin": ("Inloggen voor coaches", "Coach login"),
        "login": ("Inloggen", "Log in"),
        "logout": ("Uitloggen", "Log out"),
        "email": ("E-mailadres", "E-mail address"),
        "password": ("Wachtwoord", "Password"),
        "loginFailed": (
            "Dit e-mailadres en wachtwoord horen niet bij elkaar. Probeer het opnieuw.",
            "This e-mail address and password do not match. Please try again."
        ),
        "loginThrottled": (
            "Te veel mislukte pogingen om in te loggen. Probeer het over een kwartier opnieuw.",
            "Too many failed logins. Please try again in a quarter of an hour."
        ),
        "anonymousThrottled": (
            "Vanaf dit adres zijn te veel sessies kort na elkaar gestart. Probeer het later opnieuw, of ga verder met een sessie die u al hebt (met de link om verder te gaan).",
            "Too many sessions were started from this address in a short time. Please try again later, or continue a session you already have (with its resume link)."
        ),
        "loggedInAs": ("Ingelogd als", "Logged in as"),
        "organisations": ("Organisaties", "Organisations"),
        "noOrganisations": ("U heeft nog geen organisaties.", "You have no organisations yet."),
        "newOrganisation": ("Nieuwe organisatie", "New organisation"),
        "organisationName": ("Naam van de organisatie", "Name of the organisation"),
        "create": ("Aanmaken", "Create"),
        "nameRequired": ("Vul een naam in.", "Please enter a name."),
        "sessions": ("Sessies", "Sessions"),
        "noSessions": ("Nog geen sessies.", "No sessions yet."),
        "newSession": ("Nieuwe sessie", "New session"),
        "pack": ("Toets", "Check"),
        "label": ("Label", "Label"),
        "labelHelp": (
            "Bijvoorbeeld 0-meting of vervolgmeting.", "For example 0-meting (baseline) or vervolgmeting (follow-up)."
        ),
        "labelBaseline": ("0-meting", "0-meting"),
        "created": ("Aangemaakt", "Created"),
        "updated": ("Bijgewerkt", "Updated"),
        "progress": ("Voortgang", "Progress"),
        "status": ("Stand", "Status"),
        "complete": ("Klaar", "Complete"),
        "inProgress": ("Bezig", "In progress"),
        "open": ("Openen", "Open"),
        "result": ("Uitslag", "Result"),
        "report": shared(.report),
        "downloadCSV": ("Download als CSV (spreadsheet)", "Download as CSV (spreadsheet)"),
        "compare": ("Vergelijken", "Compare"),
        "comparison": ("Vergelijking 0-meting en vervolgmeting", "Baseline and follow-up compared"),
        "baseline": shared(.baseline),
        "followUp": shared(.followUp),
        "compareIntro": (
            "Kies twee sessies van dezelfde toets: de 0-meting en de vervolgmeting.",
            "Choose two sessions of the same check: the baseline and the follow-up."
        ),
        "shareLinks": ("Deellinks", "Share links"),
        "shareLinksIntro": (
            "Een deellink toont alleen de rapportage, zonder in te loggen, bijvoorbeeld voor een zorgverzekeraar.",
            "A share link shows only the report, without logging in, for example to an insurer."
        ),
        "noShareLinks": ("Nog geen deellinks.", "No share links yet."),
        "newShareLink": ("Nieuwe deellink", "New share link"),
        "sessionsToShare": ("Sessie(s) in de rapportage", "Session(s) in the report"),
        "expiresOn": ("Verloopt op (optioneel)", "Expires on (optional)"),
        "expires": ("Verloopt", "Expires"),
        "never": ("nooit", "never"),
        "revoke": ("Intrekken", "Revoke"),
        "revoked": ("Ingetrokken", "Revoked"),
        "active": ("Actief", "Active"),
        "expired": ("Verlopen", "Expired"),
        "shareLinkCreated": ("Deellink gemaakt", "Share link created"),
        "shareLinkOnce": (
            "Kopieer deze link nu: hij wordt maar één keer getoond. Wie de link heeft, kan de rapportage lezen tot hij verloopt of wordt ingetrokken.",
            "Copy this link now: it is shown only once. Anyone with the link can read the report until it expires or is revoked."
        ),
        "chooseSession": ("Kies ten minste één sessie.", "Choose at least one session."),
        "badDate": ("Vul een datum in als JJJJ-MM-DD.", "Please enter a date as YYYY-MM-DD."),
        "back": ("Vorige vraag", "Previous question"),
        "next": ("Volgende", "Next"),
        "save": ("Opslaan", "Save"),
        "change": ("Wijzigen", "Change"),
        "question": shared(.question),
        "questionOf": ("van ongeveer", "of about"),
        "help": ("Toelichting", "Help"),
        "yes": ("Ja", "Yes"),
        "no": ("Nee", "No"),
        "dontKnow": ("Weet ik niet", "I don't know"),
        "chooseOne": ("Kies een van de antwoorden.", "Please choose one of the answers."),
        "skip": shared(.skip),
        "skipHelp": ("Deze vraag mag u overslaan.", "You may skip this question."),
        "note": ("Notitie van de coach", "Coach's note"),
        "noteHelp": ("Alleen zichtbaar voor coaches en in de rapportage.", "Shown to coaches and in the report only."),
        "answerError": ("Dit antwoord kan niet worden opgeslagen", "This answer cannot be saved"),
        "unit": shared(.unit),
        "between": ("Tussen", "Between"),
        "and": ("en", "and"),
        "resumeTitle": ("Bewaar deze link", "Keep this link"),
        "resumeText": (
            "Met deze link gaat u later verder waar u was. Bewaar hem als bladwijzer; wie de link heeft, kan uw antwoorden zien en wijzigen.",
            "With this link you continue later where you left off. Bookmark it; anyone with the link can see and change your answers."
        ),
        "copyLink": ("Kopieer link", "Copy link"),
        "copied": ("Gekopieerd", "Copied"),
        "allAnswered": ("Alle vragen die ertoe doen zijn beantwoord.", "Every question that matters has been answered."),
        "resultIntro": (
            "Het oordeel per regeling, de scores en wat u nu kunt doen. Bij elk oordeel staat waarom, met de bron.",
            "The verdict per scheme, the scores and what to do next. Each verdict says why, with its source."
        ),
        "verdicts": ("Oordelen", "Verdicts"),
        "overall": ("Samen", "Overall"),
        "amounts": shared(.amounts),
        "reasons": ("Waarom", "Why"),
        "stillOpen": ("Nog te beantwoorden", "Still to answer"),
        "openQuestions": ("vragen nog te beantwoorden", "questions still to answer"),
        "scores": shared(.scores),
        "score": shared(.score),
        "computed": shared(.computed),
        "effective": ("Telt mee", "Counts"),
        "level": shared(.level),
        "override": shared(.override),
        "overrideScore": ("Score aanpassen", "Override a score"),
        "overrideIntro": (
            "Een coach kan een score aanpassen, met een onderbouwing. De berekende waarde blijft bewaard.",
            "A coach may override a score, with a justification. The computed value is kept."
        ),
        "newValue": ("Nieuwe waarde", "New value"),
        "justification": ("Onderbouwing", "Justification"),
        "justificationRequired": ("Geef een onderbouwing.", "Please give a justification."),
        "valueRequired": ("Vul een waarde in.", "Please enter a value."),
        "actions": shared(.actions),
        "noActions": shared(.noActions),
        "priority": shared(.priority),
        "priority.high": shared(FrontEndText.priority(.high)),
        "priority.medium": shared(FrontEndText.priority(.medium)),
        "priority.low": shared(FrontEndText.priority(.low)),
        "sources": shared(.sources),
        "answers": shared(.answers),
        "answer": shared(.answer),
        "continueInterview": ("Verder met de vragen", "Continue with the questions"),
        "changeAnswers": ("Antwoorden wijzigen", "Change answers"),
        "printHint": ("Deze pagina kan worden afgedrukt.", "This page can be printed."),
        "verdict.eligible": shared(.eligible),
        "verdict.ineligible": shared(.ineligible),
        "verdict.undetermined": ("nog niet te zeggen", "not yet known"),
        "verdict.closed": shared(.closed),
        "verdict.not_requested": shared(.notRequested),
        "overall.eligible": (
            "U komt voor ten minste één regeling in aanmerking.", "You qualify for at least one scheme."
        ),
        "overall.ineligible": ("U komt voor geen van de regelingen in aanmerking.", "You do not qualify for any scheme."),
        "overall.undetermined": (
            "Het oordeel hangt nog af van antwoorden.", "The verdict still depends on answers."
        ),
        "overall.no_outcomes": ("", ""),
        "notFoundTitle": ("Niet gevonden", "Not found"),
        "notFoundText": (
            "Deze pagina bestaat niet, of u mag hem niet zien.", "This page does not exist, or you may not see it."
        ),
        "linkInvalidTitle": ("Link niet geldig", "Link not valid"),
        "linkInvalidText": (
            "Deze link is niet (meer) geldig. Vraag degene die hem stuurde om een nieuwe.",
            "This link is not valid (any more). Ask whoever sent it for a new one."
        ),
        "errorTitle": ("Er ging iets mis", "Something went wrong"),
        "errorText": (
            "Het verzoek kon niet worden uitgevoerd. Er is niets verloren gegaan; probeer het opnieuw.",
            "The request could not be carried out. Nothing was lost; please try again."
        ),
        "formTooLargeTitle": ("Tekst te lang", "Text too long"),
        "formTooLargeText": (
            "Wat u verstuurde is langer dan deze server aanneemt. Er is niets opgeslagen. Hieronder staat wat u typte: kopieer het, ga terug, en verstuur het korter opnieuw.",
            "What you sent is longer than this server accepts. Nothing was saved. What you typed is below: copy it, go back, and send it again, shorter."
        ),
        "formTooLargeKept": ("Wat u typte", "What you typed"),
        "formTooLargeCut": (
            "(ingekort: het begin van wat u typte)",
            "(cut short: the start of what you typed)"
        ),
        "formExpiredTitle": ("Formulier verlopen", "Form expired"),
        "formExpiredText": (
            "Dit formulier is verlopen of kwam niet van deze site. Open de pagina opnieuw en probeer het nog eens.",
            "This form has expired or did not come from this site. Open the page again and try once more."
        ),
        "loginRequired": ("Log in om verder te gaan.", "Please log in to continue."),
        "conflictText": (
            "Iemand anders heeft deze sessie net gewijzigd. Open de pagina opnieuw en geef uw antwoord nog eens.",
            "Someone else just changed this session. Open the page again and give your answer once more."
        ),
        "sharedReport": ("Gedeelde rapportage", "Shared report"),
        "anonymousSession": ("Anonieme sessie", "Anonymous session"),
        "evaluationDate": ("Peildatum", "Evaluation date"),
        "evaluationDateHelp": (
            "De regels zoals ze op deze datum golden.", "The rules as they applied on this date."
        ),
        "validUntil": ("Deze regeling gold tot en met", "This scheme applied until"),
    ]
}
