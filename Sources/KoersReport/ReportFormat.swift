public import KoersCore

/// A way to write a ``Report``: HTML, Markdown and JSON are built in; a plugin adds others (a CSV
/// of scores, a letter for an insurer) through ``KoersCore/PluginRegistry/register(reportFormat:)``.
///
/// ```swift
/// struct ScoresCSV: ReportFormat {
///     let id = "csv"
///     let summary = "One line per score: session, score, value."
///     let fileExtension = "csv"
///     let mediaType = "text/csv"
///     func render(_ report: Report, options: ReportRenderOptions) throws(ReportError) -> String { … }
/// }
/// ```
public protocol ReportFormat: PluginContribution {
    /// One line for `koers report --help` and `koers list --plugins`.
    var summary: String { get }
    /// The usual file name extension, without the dot, such as `html`.
    var fileExtension: String { get }
    /// The media type, such as `text/html; charset=utf-8`, for the web application.
    var mediaType: String { get }

    /// Writes the report.
    ///
    /// - Parameters:
    ///   - report: The report, as ``ReportBuilder`` made it.
    ///   - options: Choices of the person asking, such as replacement templates.
    /// - Returns: The text of the report.
    /// - Throws: ``ReportError`` when it cannot be written.
    func render(_ report: Report, options: ReportRenderOptions) throws(ReportError) -> String
}

extension ReportFormat {
    /// `report-format`.
    public static var extensionPoint: String { "report-format" }
}

/// Choices for writing a report that are not part of the report itself.
public struct ReportRenderOptions: Sendable, Hashable {
    /// A folder of `.mustache` files that replace the bundled HTML templates, or `nil`.
    public var templateDirectory: String?

    /// Creates options.
    ///
    /// - Parameter templateDirectory: A folder of replacement templates, or `nil`.
    public init(templateDirectory: String? = nil) {
        self.templateDirectory = templateDirectory
    }
}

extension PluginRegistry {
    /// Adds a report format.
    ///
    /// - Parameter reportFormat: The format.
    /// - Throws: `PluginError.duplicateContribution(extensionPoint:id:)` when a format
    ///   with that id exists.
    public mutating func register(reportFormat: any ReportFormat) throws(PluginError) {
        try register(contribution: reportFormat)
    }

    /// The registered report formats, in registration order.
    public var reportFormats: [any ReportFormat] { contributions(of: (any ReportFormat).self) }

    /// The report format with an id.
    ///
    /// - Parameter id: The id, such as `html`.
    /// - Returns: The format, or `nil`.
    public func reportFormat(_ id: String) -> (any ReportFormat)? {
        reportFormats.first { $0.id == id }
    }
}
