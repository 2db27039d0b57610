import Foundation
import KoersTestSupport
import Testing

/// The HTML report of the example intake, written by the real `koers report`, renders in headless
/// Chromium to a PNG and an A4 PDF whose pages hold the key sections. Needs Debian's `chromium`
/// and `poppler-utils` (installed by `scripts/bootstrap` when run as root).
@Suite(.serialized) struct ReportBrowserTests {
    static func tool(_ name: String, package: String) throws -> URL {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw MissingTool(name: name, package: package)
    }

    /// A program the test needs is not installed.
    struct MissingTool: Error, CustomStringConvertible {
        let name: String
        let package: String
        var description: String {
            "'\(name)' is not installed; install it with: sudo apt-get install \(package) (or run scripts/bootstrap as root)"
        }
    }

    @Test func maturityComparisonRendersToPNGAndPDF() throws {
        let chromium = try Self.tool("chromium", package: "chromium")
        let pdfinfo = try Self.tool("pdfinfo", package: "poppler-utils")
        let pdftotext = try Self.tool("pdftotext", package: "poppler-utils")
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("report.html")
        let result = try CommandRunner.koers([
            "report", "examples/intake/maturity-scan-baseline.yaml", "examples/intake/maturity-scan-followup.yaml",
            "--format", "html", "--output", html.path,
        ])
        #expect(result.status == 0, "\(result.standardError)")

        let pdf = folder.appendingPathComponent("report.pdf")
        let png = folder.appendingPathComponent("report.png")
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.path)/profile"]
        let printed = try CommandRunner.run(
            chromium, common + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", html.absoluteString], in: folder
        )
        #expect(FileManager.default.fileExists(atPath: pdf.path), "\(printed.standardError)")
        let shot = try CommandRunner.run(
            chromium, common + ["--window-size=1000,1400", "--screenshot=\(png.path)", html.absoluteString], in: folder
        )
        let pngData = try #require(FileManager.default.contents(atPath: png.path), "\(shot.standardError)")
        #expect(pngData.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(pngData.count > 10_000)

        let info = try CommandRunner.run(pdfinfo, [pdf.path], in: folder).standardOutput
        let pagesLine = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        let pages = Int(pagesLine.split(separator: " ").last ?? "") ?? 0
        #expect((4...30).contains(pages), "unexpected page count: \(info)")
        #expect(info.contains("(A4)"), "not A4: \(info)")

        let text = try CommandRunner.run(pdftotext, ["-layout", pdf.path, "-"], in: folder).standardOutput
        for title in [
            "Rapportage: Thuiszorg De Linde", "Vergelijking: Maturity scan", "0-meting", "Vervolgmeting",
            "Scores", "Acties", "Bijlage: alle antwoorden", "Totaalscore maturity scan",
        ] {
            #expect(text.contains(title), "'\(title)' is missing from the PDF")
        }
    }
}
