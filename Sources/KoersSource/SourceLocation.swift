/// A position in a source file, as a person reads it: 1-based line and column.
///
/// Columns count Unicode scalars, which is the unit libyaml reports, so `é: ü` puts `ü` at column 4.
/// Locations order by file, then line, then column; that is the order diagnostics are printed in.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path exactly as the user gave it; never made absolute.
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a location.
    ///
    /// - Parameters:
    ///   - file: The path as the user gave it.
    ///   - line: The 1-based line.
    ///   - column: The 1-based column in Unicode scalars.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form compilers and editors understand.
    public var description: String { "\(file):\(line):\(column)" }

    /// The same location moved `count` columns to the right on the same line.
    ///
    /// - Parameter count: How many columns to move.
    /// - Returns: The moved location.
    public func advanced(byColumns count: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + count)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A half-open span of source text, from `start` up to (not including) `end`.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    /// The first position in the range.
    public var start: SourceLocation
    /// The position just after the range.
    public var end: SourceLocation

    /// Creates a range.
    ///
    /// - Parameters:
    ///   - start: The first position.
    ///   - end: The position just after the last one.
    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// A range that starts and ends at one location.
    ///
    /// - Parameter location: The location.
    public init(at location: SourceLocation) {
        self.init(start: location, end: location)
    }

    /// The start location, rendered as `file:line:column`.
    public var description: String { start.description }
}
