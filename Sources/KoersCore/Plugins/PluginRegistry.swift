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
    private var contributionList: [any PluginContribution] = []
    private var calculatorsByID: [String: any Calculator] = [:]
    private var calculatorOrder: [String] = []

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

    /// Adds a contribution to an extension point defined above KoersCore, such as a report format.
    /// Modules that define an extension point wrap this in a typed method.
    ///
    /// - Parameter contribution: The contribution.
    /// - Throws: ``PluginError/duplicateContribution(extensionPoint:id:)`` when the extension
    ///   point already has one with that id.
    public mutating func register(contribution: any PluginContribution) throws(PluginError) {
        let point = type(of: contribution).extensionPoint
        let taken = contributionList.contains { type(of: $0).extensionPoint == point && $0.id == contribution.id }
        guard !taken else { throw .duplicateContribution(extensionPoint: point, id: contribution.id) }
        contributionList.append(contribution)
    }

    /// The contributions of one kind, in registration order.
    ///
    /// - Parameter kind: The kind, usually an existential such as `(any ReportFormat).self`.
    /// - Returns: The registered contributions of that kind.
    public func contributions<Contribution>(of kind: Contribution.Type) -> [Contribution] {
        contributionList.compactMap { $0 as? Contribution }
    }

    /// Adds a calculator, such as the business case.
    ///
    /// - Parameter calculator: The calculator.
    /// - Throws: ``PluginError/duplicateCalculator(_:)`` when one with that id exists.
    public mutating func register(calculator: any Calculator) throws(PluginError) {
        guard calculatorsByID[calculator.id] == nil else { throw .duplicateCalculator(calculator.id) }
        calculatorsByID[calculator.id] = calculator
        calculatorOrder.append(calculator.id)
    }

    /// The calculator with an id.
    ///
    /// - Parameter id: The id, such as `contact_costing`.
    /// - Returns: The calculator, or `nil`.
    public func calculator(_ id: String) -> (any Calculator)? { calculatorsByID[id] }

    /// The registered calculators, in registration order.
    public var calculators: [any Calculator] { calculatorOrder.compactMap { calculatorsByID[$0] } }

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
    /// Two contributions to one extension point (such as two report formats) have the same id.
    case duplicateContribution(extensionPoint: String, id: String)
    /// Two calculators have the same id.
    case duplicateCalculator(String)

    /// A sentence naming the duplicate.
    public var description: String {
        switch self {
        case .duplicatePlugin(let id): "plugin '\(id)' is registered twice"
        case .duplicateFunction(let name): "expression function '\(name)' is registered twice"
        case .duplicateQuestionType(let id): "question type '\(id)' is registered twice"
        case .duplicateContribution(let point, let id): "\(point) '\(id)' is registered twice"
        case .duplicateCalculator(let id): "calculator '\(id)' is registered twice"
        }
    }
}
