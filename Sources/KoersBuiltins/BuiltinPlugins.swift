public import KoersCore
import KoersBusinessCase

/// The one list of built-in plugins, registered through the same path as any other plugin.
public enum BuiltinPlugins {
    /// Every built-in plugin: the standard expression functions, the question types and the
    /// business-case calculators.
    public static let all: [any KoersPlugin] = [StandardFunctionsPlugin(), BuiltinQuestionTypes(), BusinessCasePlugin()]

    /// A registry with the built-in plugins and the given extra plugins after them.
    ///
    /// - Parameter extra: Further plugins.
    /// - Returns: The registry.
    /// - Throws: `PluginError` on a duplicate.
    public static func registry(adding extra: [any KoersPlugin] = []) throws(PluginError) -> PluginRegistry {
        try PluginRegistry(plugins: all + extra)
    }
}

/// The standard expression functions (`min`, `max`, `round`, `sum`, `count`, `answered`, date
/// arithmetic, …) as a plugin.
public struct StandardFunctionsPlugin: KoersPlugin {
    /// `builtin.standard_functions`.
    public let id = "builtin.standard_functions"

    /// Creates the plugin.
    public init() {}

    /// Registers every standard function.
    ///
    /// - Parameter registry: The registry being built.
    /// - Throws: `PluginError` when a function with the same name exists.
    public func register(into registry: inout PluginRegistry) throws(PluginError) {
        for function in StandardFunctions.all {
            try registry.register(function: function)
        }
    }
}
