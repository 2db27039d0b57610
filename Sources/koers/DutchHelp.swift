import ArgumentParser
import Foundation
import KoersSource

/// The Dutch overview of the command line, shown instead of the English one when
/// `KOERS_LANG=nl` is set: the abstract and discussion of `koers` and of each subcommand.
///
/// The project's standard is English CLI help, and English stays the default. Koers's users are
/// Dutch care providers, coaches and insurers, so one environment variable, the same that
/// makes diagnostics Dutch, gives them the overview in Dutch (`KOERS_LANG=nl koers --help`,
/// `koers help check`). The help of each option stays English, as do ArgumentParser's headings.
enum DutchHelp {
    /// Whether the help is asked for in Dutch: `KOERS_LANG=nl`.
    ///
    /// Read once: every command's configuration asks, and each reading of
    /// `ProcessInfo.environment` copied the whole environment into a dictionary at start-up.
    static let isRequested: Bool =
        DiagnosticLanguage.fromEnvironment(ProcessInfo.processInfo.environment) == .dutch

    /// The Dutch abstract and discussion of a command, by its path after `koers`
    /// (`""` for `koers` itself, `check`, `coach add`).
    static let texts: [String: (abstract: String, discussion: String?)] = [
        "": (
            "Een assistent voor regels en checklists voor Nederlandse e-healthprojecten.",
            """
            Koers laadt regelpakketten (YAML-mappen met vragen, regels, scores en hun bronnen) \
            en toetst een e-healthproject daaraan: subsidievoorwaarden, het stappenplan voor \
            structurele financiering, implementatievolwassenheid en de criteria van zorgverzekeraars.

            Deze uitleg is in het Nederlands omdat KOERS_LANG=nl is gezet; zonder die variabele is \
            hij Engels. Meldingen over pakketten (koers validate, koers test) volgen dezelfde \
            variabele, of --lang nl|en. De uitleg bij de opties is in het Engels.
            """
        ),
        "validate": (
            "Controleer regelpakketten en toon elk gevonden probleem.",
            """
            Zonder paden worden alle pakketten op het plug-inpad gecontroleerd (de pakketten die in \
            koers zijn meegebouwd, of --rules, dan --plugins). Een pad is een pakketmap (met \
            pack.yaml) of een map met pakketmappen. Problemen verschijnen als \
            bestand:regel:kolom: error|warning: melding; met --lang nl (of KOERS_LANG=nl) is de \
            melding Nederlands, het woord error of warning blijft Engels zodat editors en CI het \
            herkennen. Stopt met code 1 als er een fout is gevonden.
            """
        ),
        "list": (
            "Toon de regelpakketten op het plug-inpad met id, versie, titel en geldigheid.",
            """
            Met --extensions toont het wat code-plug-ins hebben geregistreerd: de plug-ins, \
            functies voor expressies, vraagtypen, rapportformaten en rekenmodules.
            """
        ),
        "interview": (
            "Beantwoord de vragen van een pakket in de terminal en krijg het oordeel, met redenen en bronnen.",
            nil
        ),
        "batch": (
            "Toets veel antwoordsets uit een JSON Lines- of CSV-bestand aan een pakket, één resultaat per rij.",
            nil
        ),
        "check": (
            "Toets een bestand met antwoorden aan een regelpakket en licht elk oordeel toe.",
            """
            Het antwoordbestand is YAML of JSON: per vraag-id het antwoord zoals iemand het typt \
            (ja/nee, € 125.000, 'gemeente, zorgkantoor' of een lijst), of een mapping met \
            'answers:' naast de optionele 'pack:', 'date:' en 'overrides:'. Een opgeslagen sessie \
            (koers-session/1) werkt ook. Zie examples/answers/.

            Een onbekende vraag of een afgewezen antwoord is een fout op bestand:regel:kolom; \
            ze worden allemaal getoond, en er wordt niets beoordeeld tot ze zijn hersteld.

            Afsluitcode: 0 een uitkomst komt in aanmerking (of er is geen uitkomst aangevraagd); \
            2 geen uitkomst komt in aanmerking of is onbepaald: alle zijn afgewezen of gesloten; \
            3 geen komt in aanmerking, maar een of meer zijn onbepaald: er ontbreken antwoorden; \
            1 het pakket of het antwoordbestand is niet te gebruiken; 64 verkeerd gebruik.
            """
        ),
        "test": (
            "Voer de testgevallen van regelpakketten uit.",
            """
            Zonder pakketten worden de testgevallen van alle pakketten op het plug-inpad \
            uitgevoerd. Een pakket is een id op het plug-inpad of een pakketmap. Toont \
            'ok  <pakket>  N cases' per geslaagd pakket; per mislukte verwachting een regel op \
            standaardfout, als bestand:regel:kolom: error: test case '<naam>' failed: <wat> (met \
            --lang nl: testgeval '<naam>' mislukt: <wat>). Stopt met code 1 als een testgeval \
            mislukt of een pakket niet te laden is.
            """
        ),
        "override": ("Toon, zet, bevestig of verwijder de overschrijving van een score door een coach.", nil),
        "history": (
            "Toon wie welk antwoord, welke notitie of overschrijving in een sessie wijzigde, wanneer, en van wat naar wat.",
            nil
        ),
        "report": ("Schrijf een rapport van een of meer sessies: HTML, Markdown of JSON.", nil),
        "serve": ("Start de webapplicatie en de JSON-API.", nil),
        "coach": ("Beheer de accounts van de webapplicatie (beheerders, coaches, beoordelaars).", nil),
        "coach add": ("Voeg een coachaccount toe; het wachtwoord komt van standaardinvoer (één regel).", nil),
        "coach list": (
            "Toon de accounts: e-mailadres, rol, actief of gedeactiveerd, naam en organisaties.", nil
        ),
        "coach remove": (
            "Deactiveer een account: het kan niet meer inloggen en wie ermee is ingelogd, wordt meteen uitgelogd.", nil
        ),
        "coach passwd": (
            "Zet het wachtwoord van een account; het komt van standaardinvoer (één regel), nooit van de opdrachtregel.",
            nil
        ),
    ]
}

extension CommandConfiguration {
    /// This configuration with the Dutch abstract (and discussion, where there is one) of the
    /// command at `path` when `KOERS_LANG=nl`; unchanged otherwise.
    ///
    /// - Parameter path: The command's path after `koers`: `check`, `coach add`; by default its name.
    /// - Returns: The configuration to use.
    func inDutchWhenAsked(path: String? = nil) -> CommandConfiguration {
        guard DutchHelp.isRequested, let dutch = DutchHelp.texts[path ?? commandName ?? ""] else { return self }
        var configuration = self
        configuration.abstract = dutch.abstract
        if let discussion = dutch.discussion { configuration.discussion = discussion }
        return configuration
    }
}
