import Foundation
import KoersTestSupport
import Testing

@testable import KoersServer

/// The pages' texts and templates fit together: every `{{t.key}}` a template uses is in the
/// nl/en table with both languages filled in, and every template parses.
struct BrowserPageTextsTests {
    static let templateFolder = Fixtures.packageRoot.appendingPathComponent("Sources/KoersServer/Templates")

    @Test func everyTextATemplateUsesExistsInBothLanguages() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.templateFolder.path)
            .filter { $0.hasSuffix(".mustache") }
        #expect(names.contains("layout.mustache"))
        let pattern = try NSRegularExpression(pattern: #"\{\{[#^/]?t\.([A-Za-z0-9_.]+)\}\}"#)
        var used: Set<String> = []
        for name in names {
            let text = try String(contentsOf: Self.templateFolder.appendingPathComponent(name), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { used.insert(String(text[range])) }
            }
        }
        #expect(used.count > 40, "found only \(used.count) texts in the templates")
        for key in used.sorted() {
            #expect(
                PageTexts.table[key] ?? PageTexts.workspaceTable[key] != nil,
                "'\(key)' is used by a template but missing from PageTexts"
            )
        }
        #expect(Set(PageTexts.table.keys).isDisjoint(with: PageTexts.workspaceTable.keys), "a key is in both tables")
        for (key, entry) in PageTexts.table.merging(PageTexts.workspaceTable, uniquingKeysWith: { first, _ in first })
        where !key.hasPrefix("overall.no_outcomes") {
            #expect(!entry.nl.isEmpty && !entry.en.isEmpty, "'\(key)' lacks a translation")
        }
    }

    @Test func templatesParseAndEscapeWhatTheyShow() throws {
        let templates = try PageTemplates()
        let html = templates.page(
            "message",
            ["heading": "<script>alert(1)</script>", "message": "a & \"b\"", "t": PageTexts(language: "en").all, "lang": "en"]
        )
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script>alert(1)</script>"))
        #expect(html.contains("a &amp; &quot;b&quot;"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func formsAreReadAsBrowsersSendThem() {
        let form = FormData("value=zorgverzekeraar&value=gemeente&note=Dag+%26+nacht%0A%E2%82%AC+5&csrf=abc%3D")
        #expect(form.all("value") == ["zorgverzekeraar", "gemeente"])
        #expect(form.all("note") == ["Dag & nacht\n€ 5"])
        #expect(form["csrf"] == "abc=")
        #expect(form["missing"] == nil)
    }
}
