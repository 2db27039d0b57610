import Foundation
import KoersBuiltins
import KoersCore
import KoersInterview
import KoersTestSupport
import Testing

/// A small pack written to a temporary folder, in two versions, for the pack-change tests.
struct ChangingPack {
    static func yaml(version: String) -> String {
        let second = version != "1.0.0"
        return """
            id: changing
            version: \(version)
            engine: ">= 0.1"
            languages: [nl, en]
            title: {nl: Wijzigend, en: Changing}
            sources:
              - {id: bron, title: {nl: Bron, en: Source}, url: "https://example.org"}
            questions:
              - id: partner
                type: single_choice
                text: {nl: Welke partner?, en: Which partner?}
                options:
                  - {id: gemeente, label: {nl: Gemeente, en: Municipality}}
            \(second ? "      - {id: zorgverzekeraar, label: {nl: Zorgverzekeraar, en: Insurer}}" : "      - {id: zorgkantoor, label: {nl: Zorgkantoor, en: Care office}}")
              - id: budget
                type: money
                text: {nl: Wat is het budget?, en: What is the budget?}
            \(second ? "" : "    allow_unknown: true")
              - id: months
                type: \(second ? "integer" : "money")
                text: {nl: Hoeveel?, en: How many?}
              - id: remark
                type: text
                text: {nl: Opmerking?, en: Remark?}
                optional: true
            \(second ? "" : "  - id: old_question\n    type: text\n    text: {nl: Oud?, en: Old?}")
            outcomes:
              - id: ok
                title: {nl: Goed, en: Good}
                requirements:
                  - id: has_partner
                    condition: partner == "gemeente"
                    reason: {nl: Met de gemeente., en: With the municipality.}
                    source: bron
            """
    }

    /// Loads one version of the pack from a folder under `root`.
    static func load(version: String, in root: URL) throws -> Interview {
        let folder = root.appendingPathComponent("changing-\(version)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try yaml(version: version).write(
            to: folder.appendingPathComponent("pack.yaml"),
            atomically: true,
            encoding: .utf8
        )
        let registry = try BuiltinPlugins.registry()
        let result = RulePackLoader(registry: registry).load(directory: folder.path)
        let pack = try #require(result.pack, "\(result.diagnostics)")
        #expect(!result.hasErrors, "\(result.diagnostics)")
        return Interview(pack: pack, registry: registry)
    }
}

/// The first version of ``ChangingPack``, loaded from a folder that is removed again.
func samplePack() throws -> RulePack {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    return try ChangingPack.load(version: "1.0.0", in: folder).pack
}
