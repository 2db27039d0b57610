/// The functions expressions may call, by name.
///
/// Build the registry once at startup from an explicit list and pass it to the
/// ``TypeChecker`` and the ``Evaluator``; there is no shared global registry.
///
/// ```swift
/// var functions = FunctionRegistry()
/// try StandardFunctions.register(into: &functions)
/// let evaluator = Evaluator(functions: functions)
/// ```
public struct FunctionRegistry: Sendable {
    private var functions: [String: any ExpressionFunction] = [:]

    /// Creates an empty registry.
    public init() {}

    /// Creates a registry holding the given functions.
    ///
    /// - Parameter functions: The functions to register, in order.
    /// - Throws: ``FunctionRegistryError`` when two functions have the same name.
    public init(_ functions: [any ExpressionFunction]) throws(FunctionRegistryError) {
        for function in functions {
            try register(function)
        }
    }

    /// Adds a function.
    ///
    /// - Parameter function: The function; its name must not be registered yet.
    /// - Throws: ``FunctionRegistryError`` when a function with the same name is registered.
    public mutating func register(_ function: any ExpressionFunction) throws(FunctionRegistryError) {
        guard functions[function.name] == nil else { throw FunctionRegistryError(duplicateName: function.name) }
        functions[function.name] = function
    }

    /// The function with a name, if one is registered.
    ///
    /// - Parameter name: The function's name.
    /// - Returns: The function, or `nil`.
    public func function(named name: String) -> (any ExpressionFunction)? {
        functions[name]
    }

    /// The registered functions' names, sorted.
    public var names: [String] { functions.keys.sorted() }

    /// The registered functions, sorted by name, for documentation.
    public var all: [any ExpressionFunction] { names.compactMap { functions[$0] } }
}

/// A function could not be registered because its name is taken.
public struct FunctionRegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name registered twice.
    public var duplicateName: String

    /// Creates the error.
    ///
    /// - Parameter duplicateName: The name registered twice.
    public init(duplicateName: String) {
        self.duplicateName = duplicateName
    }

    /// `function 'min' is registered twice`.
    public var description: String { "function '\(duplicateName)' is registered twice" }
}
