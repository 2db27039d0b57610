extension Value {
    /// Whether two values are equal in the language's sense, as `==` decides.
    ///
    /// Unlike `Value`'s own `==`, a number equals an amount of money of the same size, and
    /// lists compare element by element with the same rule. Values of types that cannot meet,
    /// such as text and a number, are never equal.
    ///
    /// ```swift
    /// Value.number(5).matches(.money(5))  // true
    /// Value.number(5) == .money(5)        // false
    /// ```
    ///
    /// - Parameter other: The value to compare with.
    /// - Returns: Whether `self == other` holds in an expression.
    public func matches(_ other: Value) -> Bool {
        (try? Operations.equals(self, other)) ?? false
    }

    /// Whether this value is smaller than another, as `<` decides.
    ///
    /// Numbers and money compare with each other by amount; percentages compare with
    /// percentages and dates with dates.
    ///
    /// - Parameter other: The value to compare with.
    /// - Returns: Whether `self < other`, or `nil` when the two values have no common order
    ///   (text, booleans, lists, or two different types).
    public func isLess(than other: Value) -> Bool? {
        try? Operations.compare(.less, self, other)
    }
}
