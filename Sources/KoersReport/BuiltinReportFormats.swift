import Foundation
public import KoersCore

/// The built-in report formats (HTML, Markdown, JSON) as a plugin, registered through the same
/// path as any other plugin's formats.
public struct ReportFormatsPlugin: KoersPlugin {
    /// `builtin.report_formats`.
    public let id = "builtin.report_formats"

    /// Creates the plugin.
    public init() {}

    /// Registers the HTML, Markdown and JSON formats, in that order.
    ///
    /// - Parameter registry: The registry being built.
    /// - Throws: `PluginError` when a format with the same id exists.
    public func register(into registry: inout PluginRegistry) throws(PluginError) {
        try registry.register(reportFormat: HTMLReportFormat())
        try registry.register(reportFormat: MarkdownReportFormat())
        try registry.register(reportFormat: JSONReportFormat())
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
