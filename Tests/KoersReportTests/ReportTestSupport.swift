import Foundation
import KoersBuiltins
import KoersCore
import KoersReport
import KoersTestSupport
import Testing

/// The example reports in `examples/reports/` (keep in step with `scripts/reports`).
enum ExampleReports {
    /// Report name and the files it is made of, relative to the package root.
    static let all: [(name: String, files: [String])] = [
        (
            "maturity-scan-comparison",
            ["examples/intake/maturity-scan-baseline.yaml", "examples/intake/maturity-scan-followup.yaml"]
        ),
        ("stappenplan-comparison", ["examples/intake/stappenplan-baseline.yaml", "examples/intake/stappenplan-followup.yaml"]),
        (
            "insurer-readiness-comparison",
            ["examples/intake/insurer-readiness-baseline.yaml", "examples/intake/insurer-readiness-followup.yaml"]
        ),
        ("set-eligibility-thuiszorg-beeldzorg", ["examples/set-eligibility/thuiszorg-beeldzorg-zorgkantoor.yaml"]),
        ("business-case-per-contact", ["examples/business-case/thuiszorg-beeldzorg-per-contact.yaml"]),
    ]

    static var names: [String] { all.map(\.name) }

    /// The files of a report by name.
    static func files(_ name: String) -> [String] {
        all.first { $0.name == name }?.files ?? []
    }

    /// Builds an example report with the library, as `koers report` does.
    static func report(_ name: String, language: String = "nl") throws -> Report {
        let inputs = try files(name).map { file in
            let path = Fixtures.packageRoot.appendingPathComponent(file).path
            let packID = try ReportInput.packID(ofFileAt: path)
            let (pack, registry) = try loadPack(Fixtures.rulesDirectory.appendingPathComponent(packID).path)
            return try ReportInput.load(path: path, pack: pack, registry: registry, language: language, displayPath: file)
        }
        return try ReportBuilder(language: language).build(inputs)
    }

    /// Loads a pack folder with the built-in plugins.
    static func loadPack(_ directory: String) throws -> (RulePack, PluginRegistry) {
        let registry = try BuiltinPlugins.registry()
        let result = RulePackLoader(registry: registry).load(directory: directory)
        let pack = try #require(result.pack, "\(result.diagnostics)")
        #expect(!result.hasErrors, "\(result.diagnostics)")
        return (pack, registry)
    }

    /// The committed output of an example report.
    static func committed(_ name: String, _ ext: String) throws -> String {
        try String(
            contentsOf: Fixtures.examplesDirectory.appendingPathComponent("reports/\(name).\(ext)"),
            encoding: .utf8
        )
    }
}

/// Checks that a text is well-formed XML (the HTML report is written as XHTML-compatible
/// markup), with python3's expat parser; returns the parser's complaint, or `nil`.
func wellFormednessProblem(_ html: String) throws -> String? {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("report.html")
    try html.write(to: file, atomically: true, encoding: .utf8)
    let output = try CommandRunner.run(
        URL(fileURLWithPath: "/usr/bin/env"),
        ["python3", "-c", "import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])", file.path],
        in: folder
    )
    return output.status == 0 ? nil : output.standardError
}
