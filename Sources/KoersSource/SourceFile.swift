/// The text of one source file, with a line table for turning positions into snippets.
///
/// Lines are split where libyaml splits them, so line numbers in diagnostics match: on `\n`,
/// `\r\n`, a lone `\r`, NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR
/// (U+2029). Columns count Unicode scalars, as libyaml does.
public struct SourceFile: Sendable, Hashable {
    /// The path as the user gave it.
    public let path: String
    /// The full text.
    public let text: String
    /// The text of each line, without its line break.
    public let lines: [Substring]

    /// Creates a source file from its path and text.
    ///
    /// - Parameters:
    ///   - path: The path as the user gave it; it is used verbatim in diagnostics.
    ///   - text: The file's text.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
        // "\r\n" is one Character in Swift, so it must be named as a separator of its own.
        self.lines = text.split(omittingEmptySubsequences: false, whereSeparator: Self.isLineBreak)
    }

    /// Whether a character ends a line for libyaml.
    ///
    /// - Parameter character: A character of the text.
    /// - Returns: `true` for `\n`, `\r\n`, `\r`, U+0085, U+2028 and U+2029.
    public static func isLineBreak(_ character: Character) -> Bool {
        switch character {
        case "\n", "\r\n", "\r", "\u{0085}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }

    /// The text of a 1-based line, or `nil` when the file has no such line.
    ///
    /// - Parameter number: The 1-based line number.
    /// - Returns: The line's text without its line break.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }

    /// A location in this file.
    ///
    /// - Parameters:
    ///   - line: The 1-based line.
    ///   - column: The 1-based column in Unicode scalars.
    /// - Returns: The location, with this file's path.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    /// The location at the start of the file.
    public var startLocation: SourceLocation { location(line: 1, column: 1) }
}
