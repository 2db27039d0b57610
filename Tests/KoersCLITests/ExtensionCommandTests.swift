import Foundation
import KoersTestSupport
import Testing

/// End-to-end: what code plugins registered, as the real binary shows and uses it.
@Suite struct ExtensionCommandTests {
    @Test func listShowsEveryExtensionPoint() throws {
        let result = try CommandRunner.koers(["list", "--extensions"])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let text = result.standardOutput
        for heading in ["Plugins:", "Expression functions:", "Question types:", "Report formats:", "Calculators:"] {
            #expect(text.contains("\n" + heading) || text.hasPrefix(heading), "missing \(heading) in:\n\(text)")
        }
        #expect(text.contains("  builtin.report_formats\n"))
        #expect(text.contains("  days_between  days_between(a, b)"))
        #expect(text.contains("  money  an amount in euros"))
        #expect(text.contains("  markdown  Markdown"))
    }

    @Test func reportFormatsComeFromTheRegistry() throws {
        let answers = "examples/intake/maturity-scan-baseline.yaml"
        let unknown = try CommandRunner.koers(["report", answers, "--format", "pdf"])
        #expect(unknown.status == 1)
        #expect(unknown.standardError == "error: there is no report format 'pdf'; the formats are: html, markdown, json, csv\n")
        let markdown = try CommandRunner.koers(["report", answers, "--format", "markdown"])
        #expect(markdown.status == 0, "stderr: \(markdown.standardError)")
        #expect(markdown.standardOutput.hasPrefix("# "))
    }
}
