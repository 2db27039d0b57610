import KoersPresentation

/// The texts of the coach's workspace pages (history, review, answers taken over,
/// verification), kept apart from ``PageTexts/table`` so that each part of the pages keeps its
/// own table.
extension PageTexts {
    /// The texts by key.
    static let workspaceTable: [String: (nl: String, en: String)] = [
        "history": ("Geschiedenis", "History"),
        "historyIntro": (
            "Elke wijziging van een antwoord, notitie, aanpassing of bevestiging: wie, wanneer, van wat naar wat.",
            "Every change of an answer, note, override or confirmation: who, when, from what to what."
        ),
        "historyEmpty": ("Er is nog niets gewijzigd.", "Nothing has changed yet."),
        "historyWhen": shared(.when),
        "historyWho": shared(.who),
        "historyWhat": ("Wat", "What"),
        "historyOld": shared(.before),
        "historyNew": shared(.after),
        "reportWithHistory": ("Rapportage met geschiedenis", "Report with history"),
        "backToResult": ("Terug naar de uitslag", "Back to the result"),
        "kind.answer": shared(.answer),
        "kind.note": shared(.note),
        "kind.taken_over": ("Overgenomen", "Taken over"),
        "kind.taken_over_confirmed": ("Overgenomen antwoord bevestigd", "Answer taken over confirmed"),
        "kind.override": ("Aangepaste score", "Score override"),
        "kind.override_confirmed": ("Aanpassing bevestigd", "Override confirmed"),
        "kind.score_verified": ("Score geverifieerd", "Score verified"),
        "kind.score_disputed": ("Score betwist", "Score disputed"),
        "anonymousPerson": ("anoniem", "anonymous"),
        "review": ("Antwoorden nakijken", "Review the answers"),
        "reviewIntro": (
            "Alle antwoorden op een rij, zoals in de toets gegroepeerd. Klopt er iets niet, kies dan Wijzigen; anders naar de uitslag.",
            "All answers at a glance, grouped as in the check. If something is wrong, choose Change; otherwise go on to the result."
        ),
        "reviewAwaitingCount": (
            "overgenomen antwoorden wachten nog op bevestiging.", "answers taken over still wait for confirmation."
        ),
        "toVerdict": ("Naar de uitslag", "On to the result"),
        "toConfirm": ("nog bevestigen", "to confirm"),
        "state.dontKnow": ("weet niet", "don't know"),
        "state.skipped": ("overgeslagen", "skipped"),
        "state.unanswered": shared(.notAnsweredYet),
        "takenOverConfirmHint": (
            "Klopt dit antwoord nog? Kies Volgende om het te bevestigen, of geef een ander antwoord.",
            "Is this answer still right? Choose Next to confirm it, or give another answer."
        ),
        "startFrom": ("Beginnen vanaf", "Start from"),
        "startFromHelp": (
            "Antwoorden uit een eerdere sessie worden overgenomen en gemarkeerd; u bevestigt of wijzigt ze. Antwoorden uit andere toetsen met dezelfde naam worden altijd overgenomen.",
            "Answers of an earlier session are taken over and marked; you confirm or change them. Answers of other checks with the same label are always taken over."
        ),
        "startFromNone": ("Leeg beginnen", "Start empty"),
        "verification": ("Tweede beoordeling", "Second check"),
        "verifyScores": ("Scores verifiëren", "Verify the scores"),
        "verifyIntro": (
            "Zoals in het onderzoek achter de scan beoordeelt een tweede persoon elke score. Wie als laatste een antwoord of aanpassing gaf waarop een score rust, kan die score niet zelf verifiëren.",
            "As in the study behind the scan, a second person checks every score. Whoever last changed an answer or override a score rests on cannot verify that score."
        ),
        "verifyButton": ("Score klopt", "Score is right"),
        "disputeButton": ("Score betwisten", "Dispute the score"),
        "disputeReason": ("Waarom klopt de score niet?", "Why is the score not right?"),
        "verifiedBy": shared(.verifiedBy),
        "disputedBy": shared(.disputedBy),
        "verificationOutdated": shared(.scoreChangedSince),
        "reviewAnswers": ("Antwoorden nakijken of wijzigen", "Review or change the answers"),
    ]
}
