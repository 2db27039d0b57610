import Foundation
import KoersTestSupport
import Testing

/// `koers` copied alone to an empty folder, far from the checkout it was built in, runs the
/// bundled packs and renders reports: the packs and the report templates are compiled in (by the
/// EmbedRules and EmbedTemplates plugins), not read from `Rules/` or a resource bundle.
@Suite struct StandaloneBinaryTests {
    /// The example whose committed `koers check` output the standalone binary must reproduce.
    static let example = "examples/set-eligibility/thuiszorg-beeldzorg-zorgkantoor"

    /// A temporary folder holding nothing but a copy of the built `koers`.
    struct Installation {
        let folder: URL
        var koers: URL { folder.appendingPathComponent("koers") }

        init() throws {
            folder = try Fixtures.temporaryDirectory()
            try FileManager.default.copyItem(at: CommandRunner.koersExecutable, to: koers)
        }

        /// Runs the copy with the folder as working folder, without `KOERS_RULES` or
        /// `KOERS_PLUGIN_PATH` in its environment (through `env -u`, as the runner only adds
        /// variables).
        func run(_ arguments: [String]) throws -> CommandRunner.Output {
            try CommandRunner.run(
                URL(fileURLWithPath: "/usr/bin/env"),
                ["-u", "KOERS_RULES", "-u", "KOERS_PLUGIN_PATH", koers.path] + arguments,
                in: folder
            )
        }

        /// Copies a file from the package into the folder, at the same relative path.
        func copy(_ relativePath: String) throws {
            let target = folder.appendingPathComponent(relativePath)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true
            )
            try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent(relativePath), to: target)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// The id of each pack folder in `Rules/`, read from its `pack.yaml`, by folder name.
    static func bundledPackIDs() throws -> [String: String] {
        let rules = Fixtures.rulesDirectory
        var ids: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: rules.path) {
            let manifest = rules.appendingPathComponent(name).appendingPathComponent("pack.yaml")
            guard let text = try? String(contentsOf: manifest, encoding: .utf8) else { continue }
            let idLine = text.split(separator: "\n").first { $0.hasPrefix("id:") }
            ids[name] = idLine.map { $0.dropFirst(3).trimmingCharacters(in: .whitespaces) }
        }
        return ids
    }

    @Test func theCopyIsAloneInItsFolder() throws {
        let installation = try Installation()
        defer { installation.remove() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: installation.folder.path) == ["koers"])
        #expect(!installation.folder.path.hasPrefix(Fixtures.packageRoot.path))
    }

    @Test func listsValidatesAndTestsTheBundledPacks() throws {
        let installation = try Installation()
        defer { installation.remove() }
        let ids = try Self.bundledPackIDs()
        #expect(ids.count >= 4)

        let list = try installation.run(["list"])
        #expect(list.status == 0, "\(list.standardError)")
        #expect(list.standardError.isEmpty)
        for (folder, id) in ids {
            let row = list.standardOutput.split(separator: "\n").first { $0.hasPrefix(id + " ") }
            #expect(row?.hasSuffix("Rules/\(folder)") == true, "no row for \(id) in:\n\(list.standardOutput)")
        }

        let validate = try installation.run(["validate"])
        #expect(validate.status == 0, "\(validate.standardError)")
        for (folder, id) in ids {
            #expect(validate.standardOutput.contains("ok  \(id) "), "\(validate.standardOutput)")
            #expect(validate.standardOutput.contains("(Rules/\(folder)): 0 errors"), "\(validate.standardOutput)")
        }

        let test = try installation.run(["test"])
        #expect(test.status == 0, "\(test.standardError)")
        #expect(test.standardOutput.contains("\(ids.count) packs, "), "\(test.standardOutput)")
        #expect(test.standardOutput.hasSuffix(": all passed\n"), "\(test.standardOutput)")
    }

    @Test func checksAnAnswersFileAsTheCheckoutDoes() throws {
        let installation = try Installation()
        defer { installation.remove() }
        try installation.copy(Self.example + ".yaml")
        let result = try installation.run(
            ["check", "set-eligibility", "--answers", Self.example + ".yaml", "--format", "markdown"]
        )
        #expect([0, 2, 3].contains(result.status), "\(result.standardError)")
        let committed = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent(Self.example + ".check.md"), encoding: .utf8
        )
        #expect(result.standardOutput == committed)
    }

    @Test func rendersTheHTMLReportWithTheCompiledInTemplates() throws {
        let installation = try Installation()
        defer { installation.remove() }
        try installation.copy(Self.example + ".yaml")
        let result = try installation.run(
            ["report", Self.example + ".yaml", "--format", "html", "--output", "report.html"]
        )
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOf: installation.folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<html"))
        // A line of the stylesheet template that has no Mustache tags is copied verbatim.
        let styles = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("Sources/KoersReport/Templates/styles.mustache"),
            encoding: .utf8
        )
        let plainLine = styles.split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.count > 12 && !$0.contains("{{") }
        #expect(plainLine != nil)
        if let plainLine { #expect(html.contains(plainLine), "the report lacks the stylesheet line '\(plainLine)'") }
    }

    @Test func rulesFolderReplacesTheCompiledInPacks() throws {
        let installation = try Installation()
        defer { installation.remove() }
        let rules = installation.folder.appendingPathComponent("my-rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Fixtures.rulesDirectory.appendingPathComponent("maturity-scan"),
            to: rules.appendingPathComponent("maturity-scan")
        )
        let list = try installation.run(["list", "--rules", "my-rules"])
        #expect(list.status == 0, "\(list.standardError)")
        let rows = list.standardOutput.split(separator: "\n").dropFirst()
        #expect(rows.count == 1, "\(list.standardOutput)")
        #expect(rows.first?.hasSuffix("my-rules/maturity-scan") == true, "\(list.standardOutput)")
    }
}
