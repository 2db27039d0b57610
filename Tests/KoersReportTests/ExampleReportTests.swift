import Foundation
import KoersReport
import KoersTestSupport
import Testing

/// The committed example reports are what the library writes now (golden files), and the HTML
/// reports are well-formed, self-contained and carry their charts.
///
/// After an intended change, run `bash scripts/reports` and review the diff.
@Suite struct ExampleReportTests {
    @Test(arguments: ExampleReports.names)
    func committedMarkdownMatches(name: String) throws {
        let markdown = MarkdownReportRenderer(report: try ExampleReports.report(name)).render()
        #expect(
            markdown == (try ExampleReports.committed(name, "md")),
            "examples/reports/\(name).md is stale; run 'bash scripts/reports' and review the diff"
        )
    }

    @Test(arguments: ExampleReports.names)
    func committedJSONMatches(name: String) throws {
        let data = try Report.encoder.encode(try ExampleReports.report(name))
        #expect(
            String(decoding: data, as: UTF8.self) + "\n" == (try ExampleReports.committed(name, "json")),
            "examples/reports/\(name).json is stale; run 'bash scripts/reports' and review the diff"
        )
    }

    @Test(arguments: ExampleReports.names)
    func htmlIsWellFormedAndSelfContained(name: String) throws {
        let html = try HTMLReportRenderer(report: try ExampleReports.report(name), templates: ReportTemplates()).render()
        #expect(try wellFormednessProblem(html) == nil)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        #expect(!html.contains("url(http"))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("<th scope=\"col\">"))
        #expect(try ExampleReports.committed(name, "html") == html, "examples/reports/\(name).html is stale")
    }

    @Test func maturityComparisonHasDeltasAndTwoSeriesChart() throws {
        let report = try ExampleReports.report("maturity-scan-comparison")
        #expect(report.organisation == "Thuiszorg De Linde")
        #expect(report.sessions.map(\.role) == ["baseline", "follow_up"])
        let comparison = try #require(report.comparisons.first)
        #expect(comparison.baselineDate == "2026-03-02")
        #expect(comparison.followUpDate == "2026-09-01")
        #expect(comparison.rows.map(\.delta) == ["+1", "0", "0", "0", "0", "+1"])
        #expect(comparison.rows.filter(\.charted).count == 5)

        let html = try HTMLReportRenderer(report: report, templates: ReportTemplates()).render()
        #expect(html.contains("role=\"img\""))
        #expect(html.contains("aria-label=\"Staafdiagram van Maturity scan implementatie digitale zorg: 0-meting"))
        #expect(html.contains("url(#chart-comparison-1-hatch)"))
        #expect(html.contains("<title id=\"chart-comparison-1-title\">"))
    }

    @Test func actionsAreOrderedByPriorityAndTiedToGaps() throws {
        let report = try ExampleReports.report("maturity-scan-comparison")
        for session in report.sessions {
            let ranks = session.actions.map { ["high": 0, "medium": 1, "low": 2][$0.priority] ?? 3 }
            #expect(ranks == ranks.sorted())
            for action in session.actions {
                #expect(!action.gaps.isEmpty, "\(action.id) has no gap")
                #expect(!action.sources.isEmpty, "\(action.id) has no source")
            }
        }
        let effectWeak = report.sessions[0].actions.first { $0.id == "effect_weak" }
        #expect(effectWeak?.gaps.first?.id == "domain_effect")
        #expect(effectWeak?.gaps.first?.current == "2 / 5")
    }

    @Test func englishReportUsesEnglishLabels() throws {
        let report = try ExampleReports.report("maturity-scan-comparison", language: "en")
        let markdown = MarkdownReportRenderer(report: report).render()
        #expect(markdown.hasPrefix("# Report: Thuiszorg De Linde"))
        #expect(markdown.contains("## Comparison: "))
        #expect(markdown.contains("### Appendix: every answer"))
    }

    @Test func templatesCanBeOverridden() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "<!DOCTYPE html>\n<html lang=\"{{lang}}\"><head><title>{{title}}</title></head><body><p>Eigen sjabloon</p></body></html>\n"
            .write(to: folder.appendingPathComponent("report.mustache"), atomically: true, encoding: .utf8)
        let templates = try ReportTemplates(overrideDirectory: folder.path)
        let html = try HTMLReportRenderer(report: try ExampleReports.report("maturity-scan-comparison"), templates: templates)
            .render()
        #expect(html.contains("<p>Eigen sjabloon</p>"))
        #expect(throws: ReportError.self) { try ReportTemplates(overrideDirectory: folder.path + "/missing") }
    }
}

/// The one-page summary for a financial director in the business-case example report.
@Suite struct DirectorSummaryTests {
    @Test func summaryKeepsMoneyAndTimeApartBeforeTheCalculations() throws {
        let report = try ExampleReports.report("business-case-per-contact")
        let markdown = MarkdownReportRenderer(report: report).render()
        let summary = try #require(markdown.range(of: "### Samenvatting voor de financieel directeur"))
        let calculations = try #require(markdown.range(of: "### Berekeningen"))
        #expect(summary.lowerBound < calculations.lowerBound)
        let page = String(markdown[summary.lowerBound..<calculations.lowerBound])
        // Money: own contribution 50,000 + 3,000 devices − 20,000; cash costs without depreciation.
        #expect(page.contains("| Eigen bijdrage | € 33.000 | EUR |"))
        #expect(page.contains("| Vaste kosten per jaar in geld (zonder afschrijving) | € 9.400 | EUR/jaar |"))
        // Time: hours and FTE apart from money.
        #expect(page.contains("| Vrijgekomen uren gekwalificeerde rol per jaar | 693,33 | uur/jaar |"))
        #expect(page.contains("| Vrijgekomen fte gekwalificeerde rol | 0,61 | fte |"))
        // Sensitivity at ±20%.
        #expect(page.contains("Gevoeligheid: break-even bij vaste kosten +20% | 9 |"))
        #expect(page.contains("Gevoeligheid: terugverdienjaar bij besparingen −20% | 3 |"))
        #expect(!page.contains("NaN"))
    }

    @Test func htmlHasTheSummaryAsItsOwnPrintedPage() throws {
        let report = try ExampleReports.report("business-case-per-contact", language: "en")
        let html = try HTMLReportRenderer(report: report, templates: try ReportTemplates()).render()
        #expect(html.contains("<section class=\"director-summary\">"))
        #expect(html.contains("<h3>Summary for the financial director</h3>"))
        #expect(html.contains("break-before: page"))
    }

    @Test func aReportWithoutABusinessCaseHasNoSummary() throws {
        let markdown = MarkdownReportRenderer(report: try ExampleReports.report("maturity-scan-comparison")).render()
        #expect(!markdown.contains("financieel directeur"))
    }
}
