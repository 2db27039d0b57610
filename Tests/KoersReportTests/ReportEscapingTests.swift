import Foundation
import KoersCore
import KoersExpression
import KoersInterview
import KoersReport
import KoersSession
import KoersTestSupport
import Testing

/// Every value a person typed (answers, notes, names, justifications, descriptions) is escaped in
/// HTML and Markdown: nothing becomes markup.
@Suite struct ReportEscapingTests {
    static let hostile = #"<script>alert("x")</script> & 'Jansen' "De Linde""#

    static let packYAML = """
        id: escaping
        version: 1.0.0
        engine: ">= 0.1"
        languages: [nl, en]
        title: {nl: Scan, en: Scan}
        sources:
          - {id: bron, title: {nl: Bron, en: Source}, url: "https://example.org", year: 2020}
        questions:
          - {id: plan, type: scale, text: {nl: Hoe ver is het plan?, en: How far is the plan?}}
          - {id: remark, type: text, text: {nl: Opmerking?, en: Remark?}, optional: true}
        scores:
          - id: readiness
            title: {nl: Gereedheid, en: Readiness}
            expr: plan
            min: 1
            max: 5
            source: bron
          - id: second
            title: {nl: Tweede, en: Second}
            expr: plan
            min: 1
            max: 5
            source: bron
        recommendations:
          - id: write_plan
            when: readiness < 4
            priority: high
            text: {nl: Schrijf een plan., en: Write a plan.}
            source: {id: bron, at: p. 3}
        """

    /// A session with hostile text everywhere a person can type, saved and loaded as `koers report` does.
    static func report() throws -> Report {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let packFolder = folder.appendingPathComponent("escaping")
        try FileManager.default.createDirectory(at: packFolder, withIntermediateDirectories: true)
        try packYAML.write(to: packFolder.appendingPathComponent("pack.yaml"), atomically: true, encoding: .utf8)
        let (pack, registry) = try ExampleReports.loadPack(packFolder.path)

        var session = SessionFile(pack: pack, evaluationDate: CalendarDate(iso: "2026-03-02") ?? .today(), language: "nl")
        let time = Date(timeIntervalSince1970: 1_772_000_000)
        session.record(.given(.number(2)), for: "plan", by: hostile, at: time, note: hostile)
        session.record(.given(.text(hostile)), for: "remark", by: "anna & bob", at: time, note: "a \"quoted\" <b>note</b>")
        session.setOverride(ScoreOverride(value: 3, justification: hostile), for: "readiness", by: hostile, at: time)
        let path = folder.appendingPathComponent("session.json").path
        try SessionStore(path: path).save(session)

        let input = try ReportInput.load(
            path: path, pack: pack, registry: registry, language: "nl", displayPath: "sessie <1> & 'x'.json"
        )
        return try ReportBuilder(language: "nl").build([input], organisation: hostile)
    }

    @Test func htmlEscapesEverythingTyped() throws {
        let report = try Self.report()
        #expect(report.sessions[0].answers.contains { $0.answer == Self.hostile })
        #expect(report.sessions[0].scores[0].override?.by == Self.hostile)

        let html = try HTMLReportRenderer(report: report, templates: ReportTemplates()).render()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>note</b>"))
        #expect(!html.contains(Self.hostile))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Jansen&#39; &quot;De Linde&quot;"))
        #expect(html.contains("anna &amp; bob"))
        #expect(html.contains("sessie &lt;1&gt; &amp; &#39;x&#39;.json"))
        #expect(try wellFormednessProblem(html) == nil)
    }

    @Test func markdownEscapesEverythingTyped() throws {
        let markdown = MarkdownReportRenderer(report: try Self.report()).render()
        #expect(!markdown.contains("<script"))
        #expect(!markdown.contains("<b>"))
        #expect(markdown.contains("&lt;script&gt;"))
        #expect(markdown.contains("anna &amp; bob"))
    }

    @Test func jsonKeepsTheTextAsTyped() throws {
        let report = try Self.report()
        let data = try Report.encoder.encode(report)
        let decoded = try JSONDecoder().decode(Report.self, from: data)
        #expect(decoded == report)
        #expect(decoded.organisation == Self.hostile)
        #expect(decoded.sessions[0].answers.first { $0.questionID == "plan" }?.note == Self.hostile)
        #expect(decoded.sessions[0].sourceKind == "session")
        #expect(decoded.sessions[0].answeredBy == ["anna & bob", Self.hostile].sorted())
    }
}
