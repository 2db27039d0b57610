import KoersExpression
import KoersSource
import KoersYAML

/// The base pack an extending pack builds on, once found and loaded.
struct InheritedBase {
    /// The base, composed with its own base if it has one.
    var pack: RulePack
    /// The files it was read from, for snippets of notes that point into it.
    var files: [SourceFile]
    /// What the extension's manifest says, with the base's version and folder.
    var record: PackExtension
}

/// `extends:` as written: the base's id and, optionally, the versions accepted.
private struct ExtendsClause {
    var id: String
    var idNode: YAMLNode
    var requirement: VersionRequirement?
    var requirementNode: YAMLNode?
}

/// How deep extensions may nest (an extension of an extension of …) before Koers stops.
private let maximumExtensionDepth = 8

extension PackBuilder {
    // MARK: - Finding the base

    /// Reads `extends:` from the manifest, finds the base pack on the plugin path and loads it.
    ///
    /// Reports a base that is missing, has errors, has a version the requirement does not accept,
    /// is written in other languages, or extends this pack again (a cycle).
    mutating func resolveBase(_ reader: MappingReader, manifestID: String?) {
        guard let node = reader["extends"], let clause = extendsClause(node) else { return }
        let ownID = manifestID ?? reader["id"]?.scalarValue ?? directory
        let at = clause.idNode.location
        guard clause.id != ownID else {
            error("pack '\(ownID)' extends itself; name another pack in 'extends', or remove it",
                  nl: "pakket '\(ownID)' breidt zichzelf uit; noem een ander pakket bij 'extends', of haal het weg",
                  at: at, code: "extends-cycle")
            return
        }
        guard var loader else {
            error("pack '\(ownID)' extends '\(clause.id)', which is not on the plugin path: no plugin path was "
                    + "given; add the folder that holds '\(clause.id)' with --plugins DIR or "
                    + PackCatalog.pluginPathVariable,
                  nl: "pakket '\(ownID)' breidt '\(clause.id)' uit, maar dat staat niet op het plug-inpad: er is geen "
                    + "plug-inpad opgegeven; voeg de map met '\(clause.id)' toe met --plugins MAP of "
                    + PackCatalog.pluginPathVariable,
                  at: at, code: "missing-base")
            return
        }
        let lookup = loader.bases ?? siblingLookup(embedded: loader.embeddedFolders)
        loader.bases = lookup
        guard let reference = lookup.reference(toPack: clause.id) else {
            var notes: [Diagnostic] = []
            if let suggestion = closestMatch(to: clause.id, among: lookup.knownPackIDs.filter({ $0 != ownID })) {
                notes.append(.note(.didYouMean(suggestion), at: at))
            }
            error("pack '\(ownID)' extends '\(clause.id)', which is not on the plugin path (searched: "
                    + "\(lookup.searchDescription)); add the folder that holds '\(clause.id)' with --plugins DIR or "
                    + PackCatalog.pluginPathVariable,
                  nl: "pakket '\(ownID)' breidt '\(clause.id)' uit, maar dat staat niet op het plug-inpad (gezocht: "
                    + "\(lookup.searchDescription)); voeg de map met '\(clause.id)' toe met --plugins MAP of "
                    + PackCatalog.pluginPathVariable,
                  at: at, code: "missing-base", notes: notes)
            return
        }
        if reportCycle(from: reference, ownID: ownID, clause: clause, lookup: lookup) { return }
        guard loader.extensionDepth < maximumExtensionDepth else {
            error("pack '\(ownID)' extends '\(clause.id)', but packs extend each other more than "
                    + "\(maximumExtensionDepth) deep; extend a pack nearer the bottom of the chain",
                  nl: "pakket '\(ownID)' breidt '\(clause.id)' uit, maar pakketten breiden elkaar meer dan "
                    + "\(maximumExtensionDepth) lagen diep uit; breid een pakket uit dat lager in de keten staat",
                  at: at, code: "extends-depth")
            return
        }
        var nested = loader
        nested.extensionDepth += 1
        let result = lookup.loadBase(reference, with: nested)
        guard let basePack = result.pack, !result.hasErrors else {
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            error("pack '\(ownID)' extends '\(clause.id)', but that pack (\(reference.manifestLocation.file)) has "
                    + "\(errors) error\(errors == 1 ? "" : "s"); fix them first "
                    + "(koers validate \(reference.directory))",
                  nl: "pakket '\(ownID)' breidt '\(clause.id)' uit, maar dat pakket (\(reference.manifestLocation.file)) "
                    + "heeft \(errors) \(errors == 1 ? "fout" : "fouten"); herstel die eerst "
                    + "(koers validate \(reference.directory))",
                  at: at, code: "base-has-errors")
            return
        }
        let baseManifest = basePack.manifest
        if let requirement = clause.requirement, !requirement.isSatisfied(by: baseManifest.version) {
            error("pack '\(ownID)' needs '\(clause.id)' version \(requirement), but the pack at "
                    + "\(baseManifest.location) is version \(baseManifest.version); use a version of '\(clause.id)' "
                    + "that matches, or change the requirement in 'extends'",
                  nl: "pakket '\(ownID)' vraagt versie \(requirement) van '\(clause.id)', maar het pakket in "
                    + "\(baseManifest.location) heeft versie \(baseManifest.version); gebruik een versie van "
                    + "'\(clause.id)' die past, of pas de eis in 'extends' aan",
                  at: clause.requirementNode?.location ?? at, code: "base-version")
            return
        }
        let foreign = languages.filter { !baseManifest.languages.contains($0) }
        if !foreign.isEmpty {
            error("pack '\(ownID)' is written in " + foreign.joined(separator: ", ") + ", but its base '\(clause.id)' "
                    + "at \(baseManifest.location) only in " + baseManifest.languages.joined(separator: ", ")
                    + "; an extension may only use the languages of its base",
                  nl: "pakket '\(ownID)' is geschreven in " + foreign.joined(separator: ", ") + ", maar de basis "
                    + "'\(clause.id)' in \(baseManifest.location) alleen in " + baseManifest.languages.joined(separator: ", ")
                    + "; een uitbreiding mag alleen de talen van de basis gebruiken",
                  at: reader["languages"]?.location ?? at, code: "base-languages")
            return
        }
        let furtherBases = baseManifest.extends.map { [$0.baseID] + $0.furtherBases } ?? []
        base = InheritedBase(
            pack: basePack,
            files: result.files,
            record: PackExtension(
                baseID: clause.id,
                requirement: clause.requirement,
                baseVersion: baseManifest.version,
                baseDirectory: reference.directory,
                furtherBases: furtherBases,
                location: node.location
            )
        )
    }

    /// Where to look for the base when the loader was given no plugin path: the pack folder's
    /// siblings (the folder that holds it, such as `Rules/`), and the loader's embedded packs.
    private func siblingLookup(embedded: [EmbeddedFolder]) -> PackCatalog {
        var parent = directory
        while parent.count > 1, parent.hasSuffix("/") { parent.removeLast() }
        if let slash = parent.lastIndex(of: "/") {
            parent = slash == parent.startIndex ? "/" : String(parent[..<slash])
        } else {
            parent = "."
        }
        return PackCatalog(embedded: embedded, roots: [parent])
    }

    /// Reads `extends: id` or `extends: {pack: id, version: ">= 0.1"}`.
    private mutating func extendsClause(_ node: YAMLNode) -> ExtendsClause? {
        if node.scalar != nil {
            guard let id = packID(node) else { return nil }
            return ExtendsClause(id: id, idNode: node)
        }
        guard node.mapping != nil else {
            error("'extends' must be a pack id, such as 'extends: insurer-readiness', or "
                    + "{pack: insurer-readiness, version: \">= 0.1\"}, but it is \(node.kindDescription)",
                  nl: "'extends' moet een pakket-id zijn, zoals 'extends: insurer-readiness', of "
                    + "{pack: insurer-readiness, version: \">= 0.1\"}, maar het is \(node.dutchKindDescription)",
                  at: node.location, code: "wrong-kind")
            return nil
        }
        guard let reader = reader(node, subject: Phrase("'extends'", nl: "'extends'"), allowed: ["pack", "version"],
                                  required: ["pack"]),
              let idNode = reader["pack"], let id = packID(idNode)
        else { return nil }
        var clause = ExtendsClause(id: id, idNode: idNode)
        if let versionNode = reader["version"] {
            guard let requirement = versionNode.scalarValue.flatMap(VersionRequirement.init) else {
                error("version requirement '\(versionNode.scalarValue ?? "")' of 'extends' is not understood; write "
                        + "for example '>= 0.1' or '>= 0.1, < 2'",
                      nl: "versie-eis '\(versionNode.scalarValue ?? "")' van 'extends' is niet te begrijpen; schrijf "
                        + "bijvoorbeeld '>= 0.1' of '>= 0.1, < 2'",
                      at: versionNode.location, code: "bad-version")
                return nil
            }
            clause.requirement = requirement
            clause.requirementNode = versionNode
        }
        return clause
    }

    /// Follows the bases' `extends` from their manifests; when the chain comes back to this pack,
    /// reports the cycle and returns `true`.
    private mutating func reportCycle(
        from reference: PackReference,
        ownID: String,
        clause: ExtendsClause,
        lookup: any PackBaseLookup
    ) -> Bool {
        var path = [ownID, reference.id]
        var links: [PackReference] = [reference]
        var current = reference
        while let next = current.extendsID, path.count <= maximumExtensionDepth + 1 {
            if next == ownID {
                let notes = links.map { link in
                    Diagnostic.note("'\(link.id)' extends '\(link.extendsID ?? "")' here",
                                    nl: "'\(link.id)' breidt hier '\(link.extendsID ?? "")' uit",
                                    at: link.extendsLocation ?? link.manifestLocation)
                }
                error("pack '\(ownID)' extends '\(reference.id)', which leads back to it: "
                        + (path + [ownID]).map { "'\($0)'" }.joined(separator: " → ")
                        + "; a pack cannot build on itself, so remove one of these 'extends'",
                      nl: "pakket '\(ownID)' breidt '\(reference.id)' uit, dat weer naar het pakket zelf leidt: "
                        + (path + [ownID]).map { "'\($0)'" }.joined(separator: " → ")
                        + "; een pakket kan niet op zichzelf voortbouwen, dus haal een van deze 'extends' weg",
                      at: clause.idNode.location, code: "extends-cycle", notes: notes)
                return true
            }
            // A cycle further on, without this pack, is reported by the packs in it.
            guard !path.contains(next), let found = lookup.reference(toPack: next) else { return false }
            path.append(next)
            links.append(found)
            current = found
        }
        return false
    }

    // MARK: - Adopting the base

    /// The base's questions, in its order; empty when this pack extends none.
    var inheritedQuestions: [Question] { base?.pack.questions ?? [] }
    /// The base's outcomes.
    var inheritedOutcomes: [Outcome] { base?.pack.outcomes ?? [] }
    /// The base's scores.
    var inheritedScores: [Score] { base?.pack.scores ?? [] }
    /// The base's recommendations.
    var inheritedRecommendations: [Recommendation] { base?.pack.recommendations ?? [] }
    /// The files the base was read from.
    var inheritedFiles: [SourceFile] { base?.files ?? [] }

    /// Makes the base's names and sources known to this pack's expressions and citations, and
    /// takes out (after reporting) every item of this pack that would redefine one of the base's.
    ///
    /// A question of the base is reused by its id and must not be listed again: with the same
    /// type the hint is to remove it, with another type the error names both definitions.
    mutating func adoptBase(sections: inout [String: [YAMLNode]], names: inout NameTable) {
        guard let base else { return }
        let pack = base.pack
        for source in pack.manifest.sources {
            if let own = declaredSources[source.id] {
                error("source '\(source.id)' is already declared by the base pack \(pack.id) at "
                        + "\(source.location); remove yours and cite the base's source by its id, or give yours "
                        + "another id",
                      nl: "bron '\(source.id)' is al gedeclareerd door het basispakket \(pack.id) in "
                        + "\(source.location); haal de uwe weg en haal de bron van de basis aan met haar id, of geef de "
                        + "uwe een ander id",
                      at: own, code: "duplicate-id")
            } else {
                declaredSources[source.id] = source.location
            }
            citedSources.insert(source.id)
        }

        var baseNames: [String: (kind: String, location: SourceLocation, typeID: String?)] = [:]
        for question in pack.questions { baseNames[question.id] = ("question", question.location, question.typeID) }
        for value in pack.values { baseNames[value.id] = ("value", value.location, nil) }
        for score in pack.scores { baseNames[score.id] = ("score", score.location, nil) }
        let baseCalculations = Dictionary(pack.calculations.map { ($0.id, $0.location) },
                                          uniquingKeysWith: { first, _ in first })
        let baseOutcomes = Dictionary(pack.outcomes.map { ($0.id, $0.location) },
                                      uniquingKeysWith: { first, _ in first })
        let baseRecommendations = Dictionary(pack.recommendations.map { ($0.id, $0.location) },
                                             uniquingKeysWith: { first, _ in first })

        let sectionKinds = [
            ("questions", "question"), ("values", "value"), ("scores", "score"), ("outcomes", "outcome"),
            ("recommendations", "recommendation"), ("calculations", "calculation"),
        ]
        for (section, kind) in sectionKinds {
            sections[section] = sections[section]?.filter { node in
                guard let id = node["id"]?.scalarValue else { return true }
                let existing: (kind: String, location: SourceLocation, typeID: String?)? =
                    switch section {
                    case "outcomes": baseOutcomes[id].map { ("outcome", $0, nil) }
                    case "recommendations": baseRecommendations[id].map { ("recommendation", $0, nil) }
                    case "calculations": baseCalculations[id].map { ("calculation", $0, nil) }
                    default: baseNames[id]
                    }
                guard let existing else { return true }
                reportRedefinition(kind: kind, id: id, node: node, existing: existing, baseID: pack.id)
                return false
            }
        }

        for question in pack.questions {
            names.declare(question.id, type: question.valueType, at: question.location)
            if !question.options.isEmpty, question.valueType == .text || question.valueType == .list(.text) {
                names.setOptions(question.options.map(\.id), of: question.id)
            }
        }
        for value in pack.values { names.declare(value.id, type: value.type, at: value.location) }
        for score in pack.scores { names.declare(score.id, type: .number, at: score.location) }
        for calculation in pack.calculations {
            for output in calculation.calculator.outputs {
                names.declare(calculation.name(ofOutput: output.id), type: output.valueType, at: calculation.location)
            }
        }
    }

    /// The Dutch word for a kind of item named in English in this file ("question" → "vraag").
    private static func dutchKind(_ kind: String) -> String {
        let words = [
            "question": "vraag", "value": "waarde", "score": "score", "outcome": "uitkomst",
            "recommendation": "aanbeveling", "calculation": "berekening",
        ]
        return words[kind] ?? kind
    }

    private mutating func reportRedefinition(
        kind: String,
        id: String,
        node: YAMLNode,
        existing: (kind: String, location: SourceLocation, typeID: String?),
        baseID: String
    ) {
        let here = node.location
        if kind == "question", existing.kind == "question" {
            let ownType = node["type"]?.scalarValue
            if let ownType, let baseType = existing.typeID, ownType != baseType {
                error("question '\(id)' in \(here) has type \(ownType), but the base pack \(baseID) defines it as "
                        + "\(baseType) at \(existing.location); remove it (questions of the base pack are reused by "
                        + "id) or give it another id",
                      nl: "vraag '\(id)' in \(here) heeft type \(ownType), maar het basispakket \(baseID) definieert haar "
                        + "als \(baseType) in \(existing.location); haal haar weg (vragen van het basispakket worden op "
                        + "id hergebruikt) of geef haar een ander id",
                      at: node["type"]?.location ?? here, code: "base-conflict")
            } else {
                error("question '\(id)' is already defined by the base pack \(baseID) at \(existing.location); "
                        + "remove it: questions of the base pack are reused by id, so a person answers each once",
                      nl: "vraag '\(id)' is al gedefinieerd door het basispakket \(baseID) in \(existing.location); "
                        + "haal haar weg: vragen van het basispakket worden op id hergebruikt, zodat iemand elke vraag "
                        + "één keer beantwoordt",
                      at: here, code: "base-conflict")
            }
            return
        }
        let article = existing.kind.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        error("\(kind) '\(id)' has the id of \(article) \(existing.kind) that the base pack \(baseID) defines at "
                + "\(existing.location); give it another id: an extension adds to its base and cannot replace "
                + "what the base defines",
              nl: "\(Self.dutchKind(kind)) '\(id)' heeft het id van een \(Self.dutchKind(existing.kind)) die het basispakket "
                + "\(baseID) definieert in \(existing.location); geef het een ander id: een uitbreiding voegt toe aan "
                + "haar basis en kan niet vervangen wat de basis definieert",
              at: here, code: "base-conflict")
    }

    // MARK: - Composing

    /// The pack as loaded: for an extension, the base's items followed by its own, under the
    /// extension's manifest, with the extension's test cases only.
    func composed(_ own: RulePack) -> RulePack {
        guard let base else { return own }
        var manifest = own.manifest
        manifest.sources = base.pack.manifest.sources + own.manifest.sources
        manifest.extends = base.record
        var pack = RulePack(
            manifest: manifest,
            directory: own.directory,
            questions: base.pack.questions + own.questions,
            values: base.pack.values + own.values,
            outcomes: base.pack.outcomes + own.outcomes,
            scores: base.pack.scores + own.scores,
            recommendations: base.pack.recommendations + own.recommendations,
            testCases: own.testCases
        )
        pack.calculations = base.pack.calculations + own.calculations
        return pack
    }
}
