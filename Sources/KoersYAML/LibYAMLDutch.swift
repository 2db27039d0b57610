/// Dutch texts for libyaml's own error messages, which are English and fixed, so that a pack
/// author who reads diagnostics in Dutch gets a YAML syntax error in Dutch too.
///
/// libyaml reports a problem (`did not find expected key`) and often a context
/// (`while parsing a block mapping`); each is looked up here. A text libyaml may add in a later
/// version and that is not here yet gets no Dutch text: the diagnostic then shows the English one.
enum LibYAMLDutch {
    /// The Dutch message for a problem with an optional context, or `nil` when either is unknown.
    static func message(problem: String, context: String?) -> String? {
        guard let dutchProblem = problems[problem] else { return nil }
        guard let context else { return dutchProblem }
        guard let construct = construct(in: context) else { return nil }
        if context == "while scanning for the next token" {
            return "\(dutchProblem) bij het zoeken naar \(construct.indefinite)"
        }
        return "\(dutchProblem) bij het lezen van \(construct.indefinite)"
    }

    /// The Dutch note for where the construct of a context starts: `de lijst tussen [ ] begint hier`.
    static func contextNote(_ context: String) -> String? {
        construct(in: context).map { "\($0.definite) begint hier" }
    }

    private static func construct(in context: String) -> (indefinite: String, definite: String)? {
        if context == "while scanning for the next token" {
            return ("het volgende onderdeel", "het volgende onderdeel")
        }
        for prefix in ["while parsing a ", "while parsing an ", "while scanning a ", "while scanning an "]
        where context.hasPrefix(prefix) {
            return constructs[String(context.dropFirst(prefix.count))]
        }
        return nil
    }

    /// What libyaml names in its contexts, with the indefinite and the definite article.
    private static let constructs: [String: (indefinite: String, definite: String)] = [
        "block mapping": ("een mapping", "de mapping"),
        "block collection": ("een lijst of mapping", "de lijst of mapping"),
        "flow sequence": ("een lijst tussen [ ]", "de lijst tussen [ ]"),
        "flow mapping": ("een mapping tussen { }", "de mapping tussen { }"),
        "node": ("een waarde", "de waarde"),
        "block node": ("een waarde", "de waarde"),
        "flow node": ("een waarde", "de waarde"),
        "simple key": ("een sleutel", "de sleutel"),
        "quoted scalar": ("tekst tussen aanhalingstekens", "de tekst tussen aanhalingstekens"),
        "block scalar": ("een tekstblok (| of >)", "het tekstblok"),
        "plain scalar": ("een waarde", "de waarde"),
        "anchor": ("een anker", "het anker"),
        "alias": ("een alias", "de alias"),
        "tag": ("een tag", "de tag"),
        "directive": ("een directive", "de directive"),
        "%YAML directive": ("een %YAML-directive", "de %YAML-directive"),
        "%TAG directive": ("een %TAG-directive", "de %TAG-directive"),
    ]

    /// libyaml's problems (reader, scanner and parser) in Dutch.
    private static let problems: [String: String] = [
        // Scanner.
        "could not find expected ':'": "verwachte ':' niet gevonden",
        "found character that cannot start any token": "teken gevonden waarmee niets kan beginnen",
        "block sequence entries are not allowed in this context":
            "lijstitems ('- ') zijn hier niet toegestaan",
        "mapping keys are not allowed in this context": "sleutels zijn hier niet toegestaan",
        "mapping values are not allowed in this context":
            "waarden van een mapping (na ': ') zijn hier niet toegestaan",
        "found unknown directive name": "onbekende directive gevonden",
        "could not find expected directive name": "verwachte naam van de directive niet gevonden",
        "did not find expected comment or line break": "verwacht commentaar of een regeleinde, maar niet gevonden",
        "did not find expected digit or '.' character": "verwacht cijfer of '.' niet gevonden",
        "found extremely long version number": "extreem lang versienummer gevonden",
        "did not find expected whitespace": "verwachte witruimte niet gevonden",
        "did not find expected whitespace or line break": "verwachte witruimte of regeleinde niet gevonden",
        "did not find expected alphabetic or numeric character": "verwachte letter of cijfer niet gevonden",
        "did not find the expected '>'": "verwachte '>' niet gevonden",
        "did not find expected tag URI": "verwachte tag-URI niet gevonden",
        "found extremely long URI": "extreem lange URI gevonden",
        "did not find URI escaped octet": "verwachte %-code in de URI niet gevonden",
        "found an incorrect leading UTF-8 octet": "onjuiste eerste UTF-8-byte gevonden",
        "found an incorrect trailing UTF-8 octet": "onjuiste volgende UTF-8-byte gevonden",
        "found an indentation indicator equal to 0": "inspringingsaanduiding 0 gevonden",
        "found a tab character where an indentation space is expected":
            "tab gevonden waar een spatie voor inspringing wordt verwacht",
        "found a tab character that violates indentation": "tab gevonden die de inspringing verstoort",
        "found unexpected document indicator": "onverwachte documentmarkering gevonden",
        "found unexpected end of stream": "onverwacht einde van het bestand",
        "found unknown escape character": "onbekend escapeteken gevonden",
        "did not find expected hexdecimal number": "verwacht hexadecimaal getal niet gevonden",
        "found invalid Unicode character escape code": "ongeldige Unicode-escapecode gevonden",
        "found unexpected ':'": "onverwachte ':' gevonden",
        // Parser.
        "did not find expected <document start>": "verwacht begin van een document niet gevonden",
        "found duplicate %YAML directive": "dubbele %YAML-directive gevonden",
        "found incompatible YAML document": "YAML-document met een onverenigbare versie gevonden",
        "found duplicate %TAG directive": "dubbele %TAG-directive gevonden",
        "found undefined tag handle": "niet-gedefinieerde tag gevonden",
        "did not find expected node content": "verwachte waarde niet gevonden",
        "did not find expected '-' indicator": "verwachte '-' niet gevonden",
        "did not find expected key": "verwachte sleutel niet gevonden",
        "did not find expected ',' or ']'": "verwachte ',' of ']' niet gevonden",
        "did not find expected ',' or '}'": "verwachte ',' of '}' niet gevonden",
        // Reader.
        "invalid leading UTF-8 octet": "ongeldige eerste UTF-8-byte",
        "incomplete UTF-8 octet sequence": "onvolledige UTF-8-reeks",
        "invalid trailing UTF-8 octet": "ongeldige volgende UTF-8-byte",
        "invalid length of a UTF-8 sequence": "ongeldige lengte van een UTF-8-reeks",
        "invalid Unicode character": "ongeldig Unicode-teken",
        "control characters are not allowed": "stuurtekens zijn niet toegestaan",
        "input is too long": "de invoer is te lang",
    ]
}
