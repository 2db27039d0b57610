import Foundation
@testable import KoersCore
import KoersTestSupport
import Testing

/// The JSON Schemas for pack authors' editors (`schemas/rule-pack.schema.json` for `pack.yaml`,
/// `schemas/rule-pack-file.schema.json` for every other file): they name exactly the keys the
/// loader reads, every bundled and example pack file points at them and fits them, and broken
/// files do not fit. The validator is the standard `check-jsonschema` that `scripts/test` installs
/// into `.build-tools/venv` (`scripts/check-pack-schemas`).
@Suite struct PackSchemaTests {
    static let schemasDirectory = Fixtures.packageRoot.appendingPathComponent("schemas")

    static func schema(_ name: String) throws -> JSONValue {
        try JSONValue.parse(String(contentsOf: schemasDirectory.appendingPathComponent(name), encoding: .utf8))
    }

    static func keys(_ object: JSONValue?) -> Set<String> {
        guard case .object(let fields)? = object?["properties"] else { return [] }
        return Set(fields.keys)
    }

    static func required(_ object: JSONValue?) -> Set<String> {
        Set(object?["required"]?.array?.compactMap(\.string) ?? [])
    }

    /// Every pack YAML file: the bundled packs and the example plugins.
    static var packFiles: [URL] {
        let roots = [Fixtures.rulesDirectory, Fixtures.examplesDirectory.appendingPathComponent("plugins")]
        var files: [URL] = []
        for root in roots {
            let packs = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
            for pack in packs.sorted() {
                for folder in [root.appendingPathComponent(pack), root.appendingPathComponent(pack + "/tests")] {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
                    files += names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0) }
                }
            }
        }
        return files
    }

    /// The installed validator, or nil.
    static var validator: URL? {
        let venv = Fixtures.packageRoot.appendingPathComponent(".build-tools/venv/bin/check-jsonschema")
        if FileManager.default.isExecutableFile(atPath: venv.path) { return venv }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("check-jsonschema") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func validate(_ files: [URL], against schema: String) throws -> CommandRunner.Output {
        let validator = try #require(
            validator, "check-jsonschema is not installed: run bash scripts/check-pack-schemas, which installs it"
        )
        return try CommandRunner.run(
            validator,
            ["--schemafile", schemasDirectory.appendingPathComponent(schema).path] + files.map(\.path),
            in: Fixtures.packageRoot
        )
    }

    @Test func schemaNamesExactlyTheKeysTheLoaderReads() throws {
        let pack = try Self.schema("rule-pack.schema.json")
        let defs = pack["$defs"]
        #expect(Self.keys(pack) == Set(PackSchema.manifestKeys + PackSchema.sectionKeys))
        #expect(Self.required(pack) == Set(PackSchema.manifestRequired))
        let file = try Self.schema("rule-pack-file.schema.json")
        #expect(Self.keys(file) == Set(PackSchema.sectionKeys))
        let pairs: [(String, [String])] = [
            ("source", PackSchema.sourceKeys), ("question", PackSchema.questionKeys),
            ("option", PackSchema.optionKeys), ("validation", PackSchema.validationKeys),
            ("value", PackSchema.valueKeys), ("outcome", PackSchema.outcomeKeys),
            ("requirement", PackSchema.requirementKeys), ("amount", PackSchema.amountKeys),
            ("score", PackSchema.scoreKeys), ("level", PackSchema.levelKeys),
            ("recommendation", PackSchema.recommendationKeys), ("testCase", PackSchema.caseKeys),
            ("calculation", PackSchema.calculationKeys),
        ]
        for (name, expected) in pairs {
            #expect(Self.keys(defs?[name]) == Set(expected), "keys of $defs/\(name)")
        }
        #expect(Self.keys(defs?["testCase"]?["properties"]?["expect"]) == Set(PackSchema.expectKeys))
        let verdicts = defs?["testCase"]?["properties"]?["expect"]?["properties"]?["outcomes"]?["additionalProperties"]
        #expect(Set(verdicts?["enum"]?.array?.compactMap(\.string) ?? []) == Set(PackSchema.verdicts))
        let types = defs?["value"]?["properties"]?["type"]?["enum"]?.array?.compactMap(\.string) ?? []
        #expect(Set(types) == Set(PackSchema.declarableTypes.keys))
    }

    @Test func everyPackFileStartsWithTheEditorHintToItsSchema() throws {
        let files = Self.packFiles
        #expect(files.count >= 30)
        for file in files {
            let firstLine = try String(contentsOf: file, encoding: .utf8).prefix { $0 != "\n" }
            let prefix = "# yaml-language-server: $schema="
            #expect(firstLine.hasPrefix(prefix), "\(file.path) must start with the yaml-language-server line")
            let target = String(firstLine.dropFirst(prefix.count))
            let expected = file.lastPathComponent == "pack.yaml" ? "rule-pack.schema.json" : "rule-pack-file.schema.json"
            #expect(target.hasSuffix("schemas/" + expected), "\(file.path) points at \(target)")
            let resolved = file.deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL
            #expect(FileManager.default.fileExists(atPath: resolved.path), "\(file.path): \(target) does not exist")
        }
    }

    @Test(.enabled(if: validator != nil, "check-jsonschema is not installed (bash scripts/check-pack-schemas installs it)"))
    func everyBundledAndExamplePackFitsTheSchema() throws {
        let files = Self.packFiles
        let manifests = files.filter { $0.lastPathComponent == "pack.yaml" }
        let others = files.filter { $0.lastPathComponent != "pack.yaml" }
        #expect(manifests.count >= 6)
        for (group, schema) in [(manifests, "rule-pack.schema.json"), (others, "rule-pack-file.schema.json")] {
            let output = try Self.validate(group, against: schema)
            #expect(output.status == 0, "\(output.standardOutput)\(output.standardError)")
        }
    }

    @Test(.enabled(if: validator != nil, "check-jsonschema is not installed (bash scripts/check-pack-schemas installs it)"))
    func brokenPackFilesDoNotFitTheSchema() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Each broken file with the problem the validator must name.
        let broken: [(name: String, schema: String, text: String, problem: String)] = [
            ("pack.yaml", "rule-pack.schema.json",
             "id: demo\nversion: 1.0.0\nengine: \">= 0.1\"\nlanguages: [nl]\ntitle: Demo\n", "'sources' is a required property"),
            ("pack.yaml", "rule-pack.schema.json",
             "id: Demo Pack\nversion: 1.0.0\nengine: \">= 0.1\"\nlanguages: [nl]\ntitle: Demo\nsources: []\n",
             "does not match"),
            ("questions.yaml", "rule-pack-file.schema.json",
             "questions:\n  - id: costs\n    type: money\n    txt: Kosten?\n", "'txt' was unexpected"),
            ("choice.yaml", "rule-pack-file.schema.json",
             "questions:\n  - {id: sector, type: single_choice, text: Sector?}\n", "'options' is a required property"),
            ("rules.yaml", "rule-pack-file.schema.json",
             "values:\n  - {id: total, type: euro, expr: a + b}\n", "'euro' is not one of"),
            ("scores.yaml", "rule-pack-file.schema.json",
             "recommendations:\n  - {id: plan, when: 'true', priority: urgent, text: Plan., source: bron}\n",
             "'urgent' is not one of"),
            ("cases.yaml", "rule-pack-file.schema.json",
             "cases:\n  - name: a\n    date: 1 maart 2021\n    answers: {a: ja}\n    expect: {outcomes: {grant: eligibel}}\n",
             "'eligibel' is not one of"),
            ("manifest-in-section.yaml", "rule-pack-file.schema.json",
             "id: demo\nquestions: []\n", "'id' was unexpected"),
        ]
        for (index, item) in broken.enumerated() {
            let subfolder = folder.appendingPathComponent("\(index)")
            try FileManager.default.createDirectory(at: subfolder, withIntermediateDirectories: true)
            let file = subfolder.appendingPathComponent(item.name)
            try item.text.write(to: file, atomically: true, encoding: .utf8)
            let output = try Self.validate([file], against: item.schema)
            #expect(output.status != 0, "\(item.name) #\(index) must not fit \(item.schema)")
            #expect(output.standardOutput.contains(item.problem), "\(item.name) #\(index): \(output.standardOutput)")
        }
    }
}
