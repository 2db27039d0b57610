import Foundation
import KoersExpression
import KoersSource
import KoersYAML

/// The keys each part of a pack may have. One place, so the format doc and the checks agree.
enum PackSchema {
    static let manifestKeys = [
        "id", "version", "engine", "languages", "title", "description", "valid_from", "valid_until", "sources",
        "extends",
    ]
    static let manifestRequired = ["id", "version", "engine", "languages", "title", "sources"]
    static let sectionKeys = [
        "questions", "values", "outcomes", "scores", "recommendations", "cases", "calculations",
    ]
    static let sourceKeys = ["id", "title", "file", "url", "year"]
    static let questionKeys = [
        "id", "type", "text", "help", "options", "unit", "min", "max", "relevant_if", "validations", "optional",
        "allow_unknown", "checklist", "source",
    ]
    static let optionKeys = ["id", "label"]
    static let validationKeys = ["rule", "message"]
    static let valueKeys = ["id", "type", "expr", "label", "internal", "source"]
    static let outcomeKeys = [
        "id", "title", "valid_from", "valid_until", "requested_if", "source", "requirements", "amounts",
    ]
    static let requirementKeys = ["id", "condition", "reason", "holds", "valid_from", "valid_until", "source"]
    static let amountKeys = ["id", "label", "expr", "valid_from", "valid_until", "source"]
    static let scoreKeys = ["id", "title", "expr", "min", "max", "levels", "source"]
    static let levelKeys = ["min", "label"]
    static let recommendationKeys = ["id", "when", "priority", "text", "source"]
    static let citationKeys = ["id", "at"]
    static let caseKeys = ["name", "date", "answers", "overrides", "expect"]
    static let expectKeys = ["outcomes", "values", "recommendations", "missing"]
    static let overrideKeys = ["value", "justification"]
    static let verdicts = ["eligible", "ineligible", "undetermined", "closed", "not_requested"]
    static let declarableTypes: [String: ValueType] = [
        "number": .number, "money": .money, "percentage": .percentage, "boolean": .boolean, "text": .text,
        "date": .date,
    ]
    /// The name every expression can read: the date the evaluation is made as of.
    static let evaluationDateName = "evaluation_date"
}

/// Turns parsed YAML documents into a ``RulePack``, collecting every diagnostic on the way.
struct PackBuilder {
    let directory: String
    let registry: PluginRegistry
    private(set) var diagnostics: [Diagnostic] = []

    var languages: [String] = ["nl"]
    var declaredSources: [String: SourceLocation] = [:]
    var citedSources: Set<String> = []
    /// The loader building this pack, to find the base of an extension (`extends:`).
    var loader: RulePackLoader?
    /// The base pack, when this pack extends one; see PackBuilder+Extension.swift.
    var base: InheritedBase?
    /// Outcomes, amounts and recommendations left out because of an error, so that test cases
    /// reading them are skipped with one summary instead of one error each.
    var brokenItems = BrokenItems()

    init(directory: String, registry: PluginRegistry) {
        self.directory = directory
        self.registry = registry
    }

    // MARK: - Driver

    mutating func build(documents: [(file: SourceFile, root: YAMLNode?)], yamlFailed: Bool) -> RulePack? {
        var sections: [String: [YAMLNode]] = [:]
        var manifest: PackManifest?
        for (index, document) in documents.enumerated() {
            let isManifest = index == 0 && document.file.path.hasSuffix(RulePackLoader.manifestFileName)
            guard let root = document.root else {
                if isManifest {
                    error("pack.yaml is empty; it needs id, version, engine, languages, title and sources",
                          nl: "pack.yaml is leeg; er horen id, version, engine, languages, title en sources in",
                          at: document.file.startLocation, code: "empty-file")
                } else {
                    warning("file is empty", nl: "het bestand is leeg", at: document.file.startLocation, code: "empty-file")
                }
                continue
            }
            let allowed = isManifest ? PackSchema.manifestKeys + PackSchema.sectionKeys : PackSchema.sectionKeys
            let subject =
                isManifest ? Phrase("pack.yaml", nl: "pack.yaml") : Phrase("a rule-pack file", nl: "een bestand van het pakket")
            guard
                let reader = MappingReader(
                    root,
                    subject: subject,
                    allowed: allowed,
                    required: isManifest ? PackSchema.manifestRequired : [],
                    diagnostics: &diagnostics
                )
            else { continue }
            if isManifest {
                manifest = readManifest(reader)
                resolveBase(reader, manifestID: manifest?.id)
            }
            for key in PackSchema.sectionKeys {
                guard let node = reader[key] else { continue }
                guard let items = node.sequence else {
                    error("'\(key)' must be a list (each item starting with '- '), but it is \(node.kindDescription)",
                          nl: "'\(key)' moet een lijst zijn (elk item begint met '- '), maar het is \(node.dutchKindDescription)",
                          at: node.location, code: "wrong-kind")
                    continue
                }
                sections[key, default: []].append(contentsOf: items)
            }
        }
        var names = NameTable()
        names.declare(PackSchema.evaluationDateName, type: .date, at: nil)
        adoptBase(sections: &sections, names: &names)
        let questions = readQuestions(sections["questions"] ?? [], names: &names)
        let pendingCalculations = declareCalculations(sections["calculations"] ?? [], names: &names)
        let computed = readComputed(values: sections["values"] ?? [], scores: sections["scores"] ?? [], names: &names)
        let checker = TypeChecker(functions: registry.functions, names: names.types)
        let calculations = compileCalculations(
            pendingCalculations, checker: checker, names: &names, values: computed.values, scores: computed.scores
        )
        let compiledQuestions = questions.map { compileQuestionExpressions($0, checker: checker, names: names) }
        let outcomes = readOutcomes(sections["outcomes"] ?? [], checker: checker, names: names)
        let recommendations = readRecommendations(
            sections["recommendations"] ?? [], checker: checker, names: names
        )
        let cases = readCases(
            sections["cases"] ?? [],
            questions: inheritedQuestions + compiledQuestions,
            outcomes: inheritedOutcomes + outcomes,
            scores: inheritedScores + computed.scores,
            recommendations: inheritedRecommendations + recommendations,
            names: names
        )
        reportUncitedSources()
        guard let manifest, !yamlFailed else { return nil }
        var pack = RulePack(
            manifest: manifest,
            directory: directory,
            questions: compiledQuestions,
            values: computed.values,
            outcomes: outcomes,
            scores: computed.scores,
            recommendations: recommendations,
            testCases: cases
        )
        pack.calculations = calculations
        return composed(pack)
    }

    // MARK: - Diagnostics

    /// Records an error; the Dutch text is required, so no loader message is English only.
    mutating func error(
        _ message: String, nl dutchMessage: String, at location: SourceLocation?, code: String, notes: [Diagnostic] = []
    ) {
        diagnostics.append(.error(message, nl: dutchMessage, at: location, code: code, notes: notes))
    }

    /// Records a diagnostic made elsewhere, such as an expression error with its own texts.
    mutating func record(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Records a warning, in English and Dutch.
    mutating func warning(_ message: String, nl dutchMessage: String, at location: SourceLocation?, code: String) {
        diagnostics.append(.warning(message, nl: dutchMessage, at: location, code: code))
    }

    mutating func reader(
        _ node: YAMLNode,
        subject: Phrase,
        allowed: [String],
        required: [String]
    ) -> MappingReader? {
        MappingReader(node, subject: subject, allowed: allowed, required: required, diagnostics: &diagnostics)
    }

    // MARK: - Manifest

    private mutating func readManifest(_ reader: MappingReader) -> PackManifest? {
        if let node = reader["languages"] {
            if let items = node.sequence, !items.isEmpty, items.allSatisfy({ $0.scalarValue != nil }) {
                languages = items.compactMap(\.scalarValue)
                for item in items where !(item.scalarValue ?? "").allSatisfy({ $0.isLowercase && $0.isASCII }) {
                    error("language '\(item.scalarValue ?? "")' must be a lowercase code such as 'nl' or 'en'",
                          nl: "taal '\(item.scalarValue ?? "")' moet een code in kleine letters zijn, zoals 'nl' of 'en'",
                          at: item.location, code: "bad-language")
                }
            } else {
                error("'languages' must be a list of language codes, such as [nl, en], primary language first",
                      nl: "'languages' moet een lijst van taalcodes zijn, zoals [nl, en], met de hoofdtaal eerst",
                      at: node.location, code: "wrong-kind")
            }
        }
        for node in reader["sources"]?.sequence ?? [] {
            readSource(node)
        }
        if let node = reader["sources"], node.sequence == nil {
            error("'sources' must be a list of documents the pack rests on",
                  nl: "'sources' moet een lijst zijn van de documenten waarop het pakket steunt",
                  at: node.location, code: "wrong-kind")
        }

        let id = packID(reader["id"])
        let version = reader["version"].flatMap { node -> SemanticVersion? in
            guard let version = node.scalarValue.flatMap(SemanticVersion.init) else {
                error("version '\(node.scalarValue ?? "")' is not a version number such as 1.0.0",
                      nl: "versie '\(node.scalarValue ?? "")' is geen versienummer zoals 1.0.0",
                      at: node.location, code: "bad-version")
                return nil
            }
            return version
        }
        let engine = reader["engine"].flatMap { node -> VersionRequirement? in
            guard let requirement = node.scalarValue.flatMap(VersionRequirement.init) else {
                error("engine requirement '\(node.scalarValue ?? "")' is not understood; write for example '>= 0.1'",
                      nl: "de engine-eis '\(node.scalarValue ?? "")' is niet te begrijpen; schrijf bijvoorbeeld '>= 0.1'",
                      at: node.location, code: "bad-version")
                return nil
            }
            if !requirement.isSatisfied(by: KoersEngine.version) {
                error("pack needs engine \(requirement), but this is Koers engine \(KoersEngine.version); "
                        + "update Koers or use a pack version made for this engine",
                      nl: "het pakket vraagt engine \(requirement), maar dit is Koers-engine \(KoersEngine.version); "
                        + "werk Koers bij of gebruik een versie van het pakket voor deze engine",
                      at: node.location, code: "engine-version")
            }
            return requirement
        }
        let title = text(reader["title"], what: Phrase("title of the pack", nl: "titel van het pakket"))
        let description = text(reader["description"], what: Phrase("description of the pack", nl: "beschrijving van het pakket"))
        let validity = period(reader, what: Phrase("the pack", nl: "het pakket"))
        guard let id, let version, let engine, let title else { return nil }
        return PackManifest(
            id: id,
            version: version,
            engine: engine,
            languages: languages,
            title: title,
            description: description,
            validity: validity,
            sources: sources,
            location: reader.node.location
        )
    }

    var sources: [PackSource] = []

    private mutating func readSource(_ node: YAMLNode) {
        let subject = Phrase("source", nl: "bron")
        guard let reader = reader(node, subject: subject, allowed: PackSchema.sourceKeys, required: ["id", "title"])
        else { return }
        guard let id = identifier(reader["id"], what: subject) else { return }
        if let first = declaredSources[id] {
            error("duplicate source id '\(id)'", nl: "bron-id '\(id)' komt twee keer voor",
                  at: reader["id"]?.location, code: "duplicate-id",
                  notes: [.note("first declared here", nl: "hier voor het eerst gedeclareerd", at: first)])
            return
        }
        declaredSources[id] = node.location
        if reader["file"] == nil, reader["url"] == nil {
            error("source '\(id)' needs 'file' (a document in the domain folder) or 'url'",
                  nl: "bron '\(id)' heeft 'file' (een document in de domeinmap) of 'url' nodig",
                  at: node.location, code: "missing-key")
        }
        var year: Int?
        if let yearNode = reader["year"] {
            year = yearNode.scalarValue.flatMap { Int($0) }
            if year == nil {
                error("year of source '\(id)' must be a year such as 2020",
                      nl: "jaar van bron '\(id)' moet een jaartal zijn, zoals 2020",
                      at: yearNode.location, code: "bad-value")
            }
        }
        guard let title = text(reader["title"], what: Phrase("title of source '\(id)'", nl: "titel van bron '\(id)'"))
        else { return }
        sources.append(
            PackSource(
                id: id,
                title: title,
                file: reader["file"]?.scalarValue,
                url: reader["url"]?.scalarValue,
                year: year,
                location: node.location
            )
        )
    }

    private mutating func reportUncitedSources() {
        for (id, location) in declaredSources where !citedSources.contains(id) {
            warning("source '\(id)' is declared but never cited; cite it or remove it",
                    nl: "bron '\(id)' is gedeclareerd maar wordt nergens aangehaald; haal hem aan of verwijder hem",
                    at: location, code: "unused-source")
        }
    }
}

extension Phrase {
    /// The note at the first of two definitions.
    static let firstDefinedHere = Phrase("first defined here", nl: "hier voor het eerst gedefinieerd")

    /// A part of this: `title of question 'x'`, `titel van vraag 'x'`.
    func part(_ en: String, nl: String) -> Phrase {
        Phrase("\(en) of \(self.en)", nl: "\(nl) van \(self.nl)")
    }
}
