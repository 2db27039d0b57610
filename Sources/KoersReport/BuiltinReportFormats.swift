import Foundation
public import KoersCore
import KoersInterview
import KoersPresentation

/// The built-in report formats (HTML, Markdown, JSON, CSV) as a plugin, registered through the same
/// path as any other plugin's formats.
public struct ReportFormatsPlugin: KoersPlugin {
    /// `builtin.report_formats`.
    public let id = "builtin.report_formats"

    /// Creates the plugin.
    public init() {}

    /// Registers the HTML, Markdown, JSON and CSV formats, in that order.
    ///
    /// - Parameter registry: The registry being built.
    /// - Throws: `PluginError` when a format with the same id exists.
    public func register(into registry: inout PluginRegistry) throws(PluginError) {
        try registry.register(reportFormat: HTMLReportFormat())
        try registry.register(reportFormat: MarkdownReportFormat())
        try registry.register(reportFormat: JSONReportFormat())
        try registry.register(reportFormat: CSVReportFormat())
    }
}

/// One self-contained, printable HTML file with inline SVG charts (``HTMLReportRenderer``).
public struct HTMLReportFormat: ReportFormat {
    /// `html`.
    public let id = "html"
    /// A line for help texts.
    public let summary = "one self-contained, printable HTML file (A4) with inline SVG charts"
    /// `html`.
    public let fileExtension = "html"
    /// `text/html; charset=utf-8`.
    public let mediaType = "text/html; charset=utf-8"

    /// Creates the format.
    public init() {}

    /// Renders through the bundled templates, each replaced by one in
    /// ``ReportRenderOptions/templateDirectory`` when given.
    ///
    /// - Parameters:
    ///   - report: The report.
    ///   - options: The template folder, if any.
    /// - Returns: The HTML document.
    /// - Throws: ``ReportError`` for a missing or broken template.
    public func render(_ report: Report, options: ReportRenderOptions) throws(ReportError) -> String {
        let templates = try ReportTemplates(overrideDirectory: options.templateDirectory)
        return try HTMLReportRenderer(report: report, templates: templates).render()
    }
}

/// Markdown (``MarkdownReportRenderer``).
public struct MarkdownReportFormat: ReportFormat {
    /// `markdown`.
    public let id = "markdown"
    /// A line for help texts.
    public let summary = "Markdown, for a wiki or an e-mail"
    /// `md`.
    public let fileExtension = "md"
    /// `text/markdown; charset=utf-8`.
    public let mediaType = "text/markdown; charset=utf-8"

    /// Creates the format.
    public init() {}

    /// Renders the report as Markdown.
    ///
    /// - Parameters:
    ///   - report: The report.
    ///   - options: Not used.
    /// - Returns: The Markdown text.
    public func render(_ report: Report, options: ReportRenderOptions) throws(ReportError) -> String {
        MarkdownReportRenderer(report: report).render()
    }
}

/// The stable `koers-report/1` JSON document that `schemas/report.schema.json` describes.
public struct JSONReportFormat: ReportFormat {
    /// `json`.
    public let id = "json"
    /// A line for help texts.
    public let summary = "the stable koers-report/1 document (schemas/report.schema.json)"
    /// `json`.
    public let fileExtension = "json"
    /// `application/json`.
    public let mediaType = "application/json"

    /// Creates the format.
    public init() {}

    /// Encodes the report with ``Report/encoder``, ending in a newline.
    ///
    /// - Parameters:
    ///   - report: The report.
    ///   - options: Not used.
    /// - Returns: The JSON text.
    /// - Throws: ``ReportError/unencodable(message:)`` if encoding fails.
    public func render(_ report: Report, options: ReportRenderOptions) throws(ReportError) -> String {
        do {
            return String(decoding: try Report.encoder.encode(report), as: UTF8.self) + "\n"
        } catch {
            throw .unencodable(message: String(describing: error))
        }
    }
}

/// CSV for a spreadsheet (RFC 4180, UTF-8, CRLF line ends): one row per verdict, amount and score
/// of every session, so sessions of different packs fit in one table and a pivot table can put
/// baseline and follow-up side by side.
///
/// Columns: `session` (`session-1`, …), `role` (`baseline`, `follow_up` or empty), `source` (the
/// file or label), `pack`, `pack_version`, `date`, `kind` (`outcome`, `amount` or `score`), `id`
/// (an amount as `outcome.amount`), `title`, `verdict` (outcomes), `value` (amounts and scores, an
/// exact decimal with a point; empty when unknown), `computed` (a score's computed value when a
/// coach overrode it), `level` (a score's level label). Text cells a spreadsheet would run as a
/// formula get a leading `'`.
public struct CSVReportFormat: ReportFormat {
    /// `csv`.
    public let id = "csv"
    /// A line for help texts.
    public let summary = "CSV for a spreadsheet: one row per verdict, amount and score of each session"
    /// `csv`.
    public let fileExtension = "csv"
    /// `text/csv; charset=utf-8`.
    public let mediaType = "text/csv; charset=utf-8"

    /// The header row.
    public static let columns = [
        "session", "role", "source", "pack", "pack_version", "date", "kind", "id", "title", "verdict", "value",
        "computed", "level",
    ]

    /// Creates the format.
    public init() {}

    /// Writes the rows of every session, outcomes first (each followed by its amounts), then scores.
    ///
    /// - Parameters:
    ///   - report: The report.
    ///   - options: Not used.
    /// - Returns: The CSV text.
    public func render(_ report: Report, options: ReportRenderOptions) throws(ReportError) -> String {
        var lines = [Self.columns]
        for session in report.sessions {
            let evaluation = session.evaluation
            let common = [
                session.id, session.role ?? "", session.source, evaluation.pack.id, evaluation.pack.version,
                evaluation.date,
            ]
            for outcome in evaluation.outcomes {
                lines.append(common + ["outcome", outcome.id, outcome.title, outcome.verdict.rawValue, "", "", ""])
                for amount in outcome.amounts {
                    lines.append(
                        common + ["amount", "\(outcome.id).\(amount.id)", amount.label, "", amount.value ?? "", "", ""]
                    )
                }
            }
            for score in session.scores {
                let computed = score.override == nil ? "" : score.computed ?? ""
                lines.append(
                    common + ["score", score.id, score.title, "", score.effective ?? "", computed, score.level ?? ""]
                )
                // A second person's check of the score: who (title), verified or disputed
                // (verdict), when (value), why (computed), and `outdated` (level) when the score
                // changed since.
                if let check = score.verification {
                    lines.append(
                        common + [
                            "verification", score.id, check.by, check.status, check.at, check.reason ?? "",
                            check.current ? "" : "outdated",
                        ]
                    )
                }
            }
        }
        return lines.map { $0.map(Self.cell).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A cell: kept from being run as a formula when it is text starting with `=`, `+`, `-` or
    /// `@` (a number such as `-5` stays as it is), and quoted as RFC 4180 asks.
    static func cell(_ text: String) -> String {
        var text = text
        let isNumber = Decimal(string: text, locale: nil) != nil
            && text.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" }
        if let first = text.first, "=+-@\t\r".contains(first), !isNumber {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
