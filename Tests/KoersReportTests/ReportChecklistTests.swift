import Foundation
import KoersCore
import KoersInterview
import KoersReport
import KoersTestSupport
import Testing

/// Checklist questions (`checklist: true`) become the "documents to attach" section.
@Suite struct ReportChecklistTests {
    static let answersFile = "examples/set-eligibility/thuiszorg-beeldzorg-zorgkantoor.yaml"

    /// The SET example as a report input, in a language.
    private func input(language: String) throws -> ReportInput {
        let path = Fixtures.packageRoot.appendingPathComponent(Self.answersFile).path
        let (pack, registry) = try ExampleReports.loadPack(Fixtures.rulesDirectory.appendingPathComponent("set-eligibility").path)
        return try ReportInput.load(path: path, pack: pack, registry: registry, language: language,
                                    displayPath: Self.answersFile)
    }

    @Test func everyOptionIsListedTickedOrNot() throws {
        let report = try ReportBuilder(language: "en").build([try input(language: "en")])
        let session = try #require(report.sessions.first)
        let checklist = try #require(session.checklists.first)
        #expect(session.checklists.map(\.questionID) == ["set_documents_ready"])
        #expect(checklist.title == "Which attachments for the SET application do you already have ready?")
        #expect(checklist.items.map(\.state) == ["checked", "checked", "unchecked", "checked"])
        let markdown = MarkdownReportRenderer(report: report).render()
        #expect(markdown.contains("### Documents to attach"))
        #expect(markdown.contains("- ✗ Guarantee of the financial obligation (not yet)"))
        let html = try HTMLReportRenderer(report: report, templates: ReportTemplates()).render()
        #expect(html.contains("<h3>Documents to attach</h3>"))
        #expect(html.contains("Activity plan (ready)</li>"))
    }

    @Test func anUnansweredChecklistShowsQuestionMarksAndAnIrrelevantOneIsLeftOut() throws {
        var input = try input(language: "nl")
        let index = try #require(input.evaluation.questions.firstIndex { $0.question.id == "set_documents_ready" })
        input.evaluation.questions[index].answer = nil
        var report = try ReportBuilder(language: "nl").build([input])
        let items = try #require(report.sessions.first?.checklists.first?.items)
        #expect(items.count == 4)
        #expect(items.allSatisfy { $0.state == "unanswered" })
        #expect(MarkdownReportRenderer(report: report).render().contains("- ? Begroting (nog niet beantwoord)"))

        input.evaluation.questions[index].relevance = .irrelevant
        report = try ReportBuilder(language: "nl").build([input])
        #expect(report.sessions.first?.checklists.isEmpty == true)
        #expect(!MarkdownReportRenderer(report: report).render().contains("Mee te sturen stukken"))
    }
}
