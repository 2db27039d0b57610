public import KoersExpression
public import KoersSource

/// An expression from a rule pack, parsed and type-checked, that remembers where it is written.
///
/// The loader creates these; an error found later (for example a division by zero while
/// evaluating) can still point at the column inside the YAML file.
public struct PackExpression: Sendable, Hashable {
    /// The parsed expression.
    public var expression: Expression
    /// The type the checker inferred.
    public var type: ValueType
    /// Where the expression's text starts in the file.
    public var location: SourceLocation
    /// The file location of each Unicode scalar of the text, when the YAML scalar maps onto the
    /// file character by character; empty otherwise.
    public var characterLocations: [SourceLocation]

    /// Creates a pack expression.
    ///
    /// - Parameters:
    ///   - expression: The parsed expression.
    ///   - type: Its type.
    ///   - location: Where its text starts.
    ///   - characterLocations: The location of each Unicode scalar of the text, or empty.
    public init(
        expression: Expression,
        type: ValueType,
        location: SourceLocation,
        characterLocations: [SourceLocation]
    ) {
        self.expression = expression
        self.type = type
        self.location = location
        self.characterLocations = characterLocations
    }

    /// The file location of an offset inside the expression's text.
    ///
    /// - Parameter offset: A 0-based offset in Unicode scalars.
    /// - Returns: The location in the file, or the expression's start when unknown.
    public func location(atOffset offset: Int) -> SourceLocation {
        if offset >= 0, offset < characterLocations.count { return characterLocations[offset] }
        if offset == characterLocations.count, let last = characterLocations.last {
            return last.advanced(byColumns: 1)
        }
        return location
    }

    /// The names of questions, values and scores the expression reads.
    public var referencedNames: Set<String> { expression.referencedNames }
}
