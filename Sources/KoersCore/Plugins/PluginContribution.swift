/// Something a plugin adds to an extension point that a module above KoersCore defines, such as a
/// report format (`ReportFormat` in KoersReport).
///
/// Expression functions, question types and calculators have their own typed `register` methods
/// on ``PluginRegistry``; extension points whose inputs KoersCore cannot know (a report needs the
/// evaluation, which is computed above this module) use contributions. The module that defines
/// the extension point adds a typed `register(…)` method and a typed accessor to
/// ``PluginRegistry`` in an extension, so callers never handle contributions directly:
///
/// ```swift
/// public protocol ReportFormat: PluginContribution { … }
/// extension ReportFormat { public static var extensionPoint: String { "report-format" } }
/// extension PluginRegistry {
///     public mutating func register(reportFormat: any ReportFormat) throws(PluginError) {
///         try register(contribution: reportFormat)
///     }
///     public var reportFormats: [any ReportFormat] { contributions(of: (any ReportFormat).self) }
/// }
/// ```
public protocol PluginContribution: Sendable {
    /// The name of the extension point, such as `report-format`. Ids are unique within it.
    static var extensionPoint: String { get }
    /// The contribution's id within its extension point, such as `html`.
    var id: String { get }
}
