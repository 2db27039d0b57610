public import KoersExpression

/// A code-level extension of Koers: it adds expression functions and question types.
///
/// The built-in functions and types are plugins too (`KoersBuiltins`), registered through the
/// same path. Plugins are listed explicitly when the registry is built; nothing registers itself
/// behind the caller's back.
///
/// ```swift
/// struct DaysUntilDeadline: KoersPlugin {
///     let id = "example.deadlines"
///     func register(into registry: inout PluginRegistry) throws(PluginError) {
///         try registry.register(function: DaysUntil())
///     }
/// }
/// ```
public protocol KoersPlugin: Sendable {
    /// A unique id, such as `builtin.standard_functions`.
    var id: String { get }

    /// Adds the plugin's functions and types.
    ///
    /// - Parameter registry: The registry being built.
    /// - Throws: ``PluginError`` when something it adds is already there.
    func register(into registry: inout PluginRegistry) throws(PluginError)
}

/// Everything plugins contributed: expression functions and question types. Built once at
/// start-up, then passed by value to the loader, engine and interfaces.
public struct PluginRegistry: Sendable {
    /// The expression functions.
    public private(set) var functions = FunctionRegistry()
    /// The ids of the registered plugins, in order.
    public private(set) var pluginIDs: [String] = []
    private var questionTypesByID: [String: any QuestionType] = [:]
    private var questionTypeOrder: [String] = []

    /// An empty registry.
    public init() {}

    /// A registry with the given plugins, registered in order.
    ///
    /// - Parameter plugins: The plugins.
    /// - Throws: ``PluginError`` on a duplicate plugin, function or question type.
    public init(plugins: [any KoersPlugin]) throws(PluginError) {
        for plugin in plugins {
            try register(plugin)
        }
    }

    /// Registers a plugin.
    ///
    /// - Parameter plugin: The plugin.
    /// - Throws: ``PluginError`` on a duplicate plugin, function or question type.
    public mutating func register(_ plugin: any KoersPlugin) throws(PluginError) {
        guard !pluginIDs.contains(plugin.id) else { throw .duplicatePlugin(plugin.id) }
        pluginIDs.append(plugin.id)
        try plugin.register(into: &self)
    }

    /// Adds an expression function.
    ///
    /// - Parameter function: The function.
    /// - Throws: ``PluginError/duplicateFunction(_:)`` when one with that name exists.
    public mutating func register(function: any ExpressionFunction) throws(PluginError) {
        do {
            try functions.register(function)
        } catch {
            throw .duplicateFunction(function.name)
        }
    }

    /// Adds a question type.
    ///
    /// - Parameter questionType: The type.
    /// - Throws: ``PluginError/duplicateQuestionType(_:)`` when one with that id exists.
    public mutating func register(questionType: any QuestionType) throws(PluginError) {
        guard questionTypesByID[questionType.id] == nil else { throw .duplicateQuestionType(questionType.id) }
        questionTypesByID[questionType.id] = questionType
        questionTypeOrder.append(questionType.id)
    }

    /// The question type with an id.
    ///
    /// - Parameter id: The id, such as `money`.
    /// - Returns: The type, or `nil`.
    public func questionType(_ id: String) -> (any QuestionType)? { questionTypesByID[id] }

    /// The registered question types, in registration order.
    public var questionTypes: [any QuestionType] { questionTypeOrder.compactMap { questionTypesByID[$0] } }
}

/// A problem while building the plugin registry.
public enum PluginError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Two plugins have the same id.
    case duplicatePlugin(String)
    /// Two functions have the same name.
    case duplicateFunction(String)
    /// Two question types have the same id.
    case duplicateQuestionType(String)

    /// A sentence naming the duplicate.
    public var description: String {
        switch self {
        case .duplicatePlugin(let id): "plugin '\(id)' is registered twice"
        case .duplicateFunction(let name): "expression function '\(name)' is registered twice"
        case .duplicateQuestionType(let id): "question type '\(id)' is registered twice"
        }
    }
}
