public import KoersCore

/// The business-case calculators as a plugin: per contact (``ContactCostingCalculator``),
/// blended care (``BlendedCareCalculator``) and the multi-year view (``MultiYearCalculator``).
/// A built-in plugin: `BuiltinPlugins.all` registers it through the same path as any other.
public struct BusinessCasePlugin: KoersPlugin {
    /// `builtin.business_case`.
    public let id = "builtin.business_case"

    /// The calculators it registers.
    public static let calculators: [any Calculator] = [
        ContactCostingCalculator(), BlendedCareCalculator(), MultiYearCalculator(),
    ]

    /// Creates the plugin.
    public init() {}

    /// Registers the calculators.
    ///
    /// - Parameter registry: The registry being built.
    /// - Throws: `PluginError` when a calculator with the same id exists.
    public func register(into registry: inout PluginRegistry) throws(PluginError) {
        for calculator in Self.calculators {
            try registry.register(calculator: calculator)
        }
    }
}
