import KoersPresentation

extension PageTexts {
    /// The texts of account management, one's own password and the organisation's data.
    static let accountTexts: [String: (nl: String, en: String)] = [
        "accounts": ("Accounts", "Accounts"),
        "accountsIntro": (
            "Een beheerder beheert de accounts. Een coach werkt in de organisaties waarvan hij lid is. Een beoordelaar (bijvoorbeeld van een zorgverzekeraar) leest de organisaties waarvan hij lid is, maar wijzigt niets.",
            "An administrator manages the accounts. A coach works in the organisations they are a member of. A reviewer (of an insurer, for example) reads the organisations they are a member of, but changes nothing."
        ),
        "accountName": ("Naam", "Name"),
        "role": ("Rol", "Role"),
        "role.administrator": ("beheerder", "administrator"),
        "role.coach": ("coach", "coach"),
        "role.reviewer": ("beoordelaar (alleen lezen)", "reviewer (read only)"),
        "rolesHelp": (
            "Beheerder: accounts beheren en werken als coach. Coach: sessies, antwoorden, rapporten en deellinks van zijn organisaties. Beoordelaar: alleen lezen.",
            "Administrator: manages accounts and works as a coach. Coach: sessions, answers, reports and share links of their organisations. Reviewer: reads only."
        ),
        "chooseRole": ("Kies een rol.", "Choose a role."),
        "accountActive": ("actief", "active"),
        "accountDeactivated": ("gedeactiveerd", "deactivated"),
        "manage": ("Beheren", "Manage"),
        "newAccount": ("Nieuw account", "New account"),
        "firstPassword": ("Eerste wachtwoord", "First password"),
        "passwordRule": (
            "Minstens 8 tekens. Geef het wachtwoord persoonlijk door; de persoon kan het daarna zelf wijzigen.",
            "At least 8 characters. Hand the password over in person; they can change it themselves afterwards."
        ),
        "accountAccess": ("Toegang", "Access"),
        "deactivate": ("Deactiveren", "Deactivate"),
        "deactivateHint": (
            "Een gedeactiveerd account kan niet meer inloggen; wie nu is ingelogd, wordt direct uitgelogd. Sessies en notities blijven.",
            "A deactivated account can no longer log in; whoever is logged in now is logged out at once. Sessions and notes stay."
        ),
        "reactivate": ("Weer activeren", "Reactivate"),
        "resetPassword": ("Nieuw wachtwoord instellen", "Set a new password"),
        "resetPasswordHint": (
            "Voor wie zijn wachtwoord kwijt is. Alle aanmeldingen van dit account stoppen.",
            "For someone who lost their password. All logins of this account end."
        ),
        "removeFromOrganisation": ("verwijderen uit deze organisatie", "remove from this organisation"),
        "noMemberships": ("Nog geen lid van een organisatie.", "Not a member of any organisation yet."),
        "assignToOrganisation": ("Lid maken van", "Make a member of"),
        "assign": ("Toevoegen", "Add"),
        "saved": ("Opgeslagen.", "Saved."),
        "lastAdministrator": (
            "Dit is de laatste actieve beheerder. Maak eerst een ander account beheerder.",
            "This is the last active administrator. Make another account administrator first."
        ),
        "notYourself": (
            "U kunt uw eigen account niet deactiveren; een andere beheerder kan dat.",
            "You cannot deactivate your own account; another administrator can."
        ),
        "emailInUse": ("Er is al een account met dit e-mailadres.", "There is already an account with this e-mail address."),
        "changePassword": ("Wachtwoord wijzigen", "Change password"),
        "currentPassword": ("Huidig wachtwoord", "Current password"),
        "newPassword": ("Nieuw wachtwoord", "New password"),
        "repeatPassword": ("Nieuw wachtwoord nog eens", "New password again"),
        "passwordsDiffer": ("De twee nieuwe wachtwoorden zijn niet gelijk.", "The two new passwords differ."),
        "passwordChanged": (
            "Uw wachtwoord is gewijzigd. Uw andere aanmeldingen zijn beëindigd.",
            "Your password has been changed. Your other logins have ended."
        ),
        "forbiddenTitle": ("Niet toegestaan", "Not allowed"),
        "readOnlyText": (
            "Uw account is van een beoordelaar: u kunt alles van uw organisaties lezen, maar niets wijzigen. Vraag een coach of een beheerder.",
            "Yours is a reviewer's account: you can read everything of your organisations, but change nothing. Ask a coach or an administrator."
        ),
        "adminOnlyText": ("Alleen een beheerder beheert accounts.", "Only an administrator manages accounts."),
        "organisationData": ("Gegevens van de organisatie", "The organisation's data"),
        "organisationDataIntro": (
            "Download alle gegevens van de organisatie als één JSON-bestand (sessies met antwoorden, notities en overschrijvingen, leden, deellinks zonder hun sleutels), bijvoorbeeld voor een verzoek om inzage. Een sessie downloadt u als koers-session/1-bestand voor koers check --answers of koers interview --from.",
            "Download all of the organisation's data as one JSON file (sessions with answers, notes and overrides, members, share links without their keys), for a request for access, for example. A session downloads as a koers-session/1 file for koers check --answers or koers interview --from."
        ),
        "exportOrganisation": ("Alle gegevens downloaden (JSON)", "Download all data (JSON)"),
        "downloadSession": ("Downloaden", "Download"),
        "importSession": ("Sessie importeren", "Import a session"),
        "importFile": shared(.file),
        "importHint": (
            "Een sessiebestand (koers-session/1, zoals koers interview --save het schrijft) of een antwoordenbestand (YAML of JSON, zoals koers check --answers het leest). Een bestand met fouten wordt niet opgeslagen.",
            "A session file (koers-session/1, as koers interview --save writes it) or an answers file (YAML or JSON, as koers check --answers reads it). A file with mistakes is not stored."
        ),
        "importPackFromFile": ("de toets die het bestand noemt", "the check the file names"),
        "importLabel": ("Naam van de sessie (leeg: die uit het bestand)", "Session label (empty: the file's)"),
        "importButton": ("Importeren", "Import"),
        "importFailed": ("Het bestand is niet geïmporteerd; er is niets opgeslagen.", "The file was not imported; nothing was stored."),
        "importNoFile": ("Kies een bestand om te importeren.", "Choose a file to import."),
        "importNotText": (
            "Het bestand is geen tekst (UTF-8); kies een sessie- of antwoordenbestand.",
            "The file is not text (UTF-8); choose a session or answers file."
        ),
        "importTooLarge": ("Het bestand is te groot om te importeren.", "The file is too large to import."),
        "delete": ("Verwijderen", "Delete"),
        "deleteWhat": ("Wat verwijderd wordt", "What is deleted"),
        "confirmDelete": ("Definitief verwijderen", "Delete for good"),
        "cancel": ("Annuleren", "Cancel"),
        "deleteOrganisationTitle": ("Organisatie verwijderen", "Delete the organisation"),
        "deleteOrganisationButton": ("Organisatie verwijderen…", "Delete the organisation…"),
        "deleteOrganisationIntro": (
            "Dit verwijdert de organisatie en alles wat erbij hoort uit de database, bijvoorbeeld op verzoek van de cliënt (AVG). Dit kan niet ongedaan worden gemaakt. De accounts van de leden blijven bestaan.",
            "This deletes the organisation and everything of it from the database, at the client's request (GDPR), for example. It cannot be undone. The members' accounts stay."
        ),
        "theOrganisation": ("de organisatie", "the organisation"),
        "sessionsWithAnswers": ("sessies met hun antwoorden, notities en overschrijvingen", "sessions with their answers, notes and overrides"),
        "shareLinksCount": ("deellinks (ze werken daarna niet meer)", "share links (they stop working)"),
        "membersLoseAccess": ("leden verliezen de toegang (hun accounts blijven)", "members lose access (their accounts stay)"),
        "exportFirst": ("Eerst alle gegevens downloaden", "Download all data first"),
        "typeNameToConfirm": (
            "Typ de naam van de organisatie om te bevestigen", "Type the organisation's name to confirm"
        ),
        "nameMismatch": (
            "De naam klopt niet; typ hem precies zoals hierboven. Er is niets verwijderd.",
            "The name does not match; type it exactly as above. Nothing was deleted."
        ),
        "deleteSessionTitle": ("Sessie verwijderen", "Delete the session"),
        "deleteSessionIntro": (
            "Dit verwijdert de sessie uit de database. Dit kan niet ongedaan worden gemaakt.",
            "This deletes the session from the database. It cannot be undone."
        ),
        "theSession": ("de sessie", "the session"),
        "answersWithNotes": ("antwoorden met hun notities", "answers with their notes"),
        "downloadFirst": ("Eerst de sessie downloaden", "Download the session first"),
        "deletedTitle": ("Verwijderd", "Deleted"),
        "organisationDeleted": (
            "De organisatie en al haar gegevens zijn uit de database verwijderd.",
            "The organisation and all its data have been deleted from the database."
        ),
        "sessionDeleted": ("De sessie is uit de database verwijderd.", "The session has been deleted from the database."),
    ]
}
