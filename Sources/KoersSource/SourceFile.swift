internal import Synchronization

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
    ///
    /// Split on first use and then kept: only a diagnostic shown with its snippet needs the
    /// lines, and splitting every file of a pack as it loads was a fortieth of a `koers check`.
    public var lines: [Substring] { lineTable.lines(of: text) }
    /// Where ``lines`` is kept once split; shared by copies of this file.
    private let lineTable = LineTable()

    /// Creates a source file from its path and text.
    ///
    /// - Parameters:
    ///   - path: The path as the user gave it; it is used verbatim in diagnostics.
    ///   - text: The file's text.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    public static func == (lhs: SourceFile, rhs: SourceFile) -> Bool {
        // The lines follow from the text.
        lhs.path == rhs.path && lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(text)
    }

    /// The lines of a text, split where libyaml breaks them (see ``isLineBreak(_:)``).
    ///
    /// Read on Unicode scalars, not `Character`s: every pack file is split when it loads, and
    /// comparing characters costs more than the rest of loading. A break is a control or
    /// separator scalar, so it never sits inside a character other than `\r\n`.
    fileprivate static func lines(of text: String) -> [Substring] {
        let scalars = text.unicodeScalars
        var lines: [Substring] = []
        var lineStart = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let value = scalars[index].value
            guard value == 0x0A || value == 0x0D || value == 0x85 || value == 0x2028 || value == 0x2029 else {
                index = scalars.index(after: index)
                continue
            }
            lines.append(text[lineStart..<index])
            index = scalars.index(after: index)
            if value == 0x0D, index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
            lineStart = index
        }
        lines.append(text[lineStart..<scalars.endIndex])
        return lines
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

/// The lines of a ``SourceFile``, split when first asked for and kept for later calls and
/// for every copy of the file.
private final class LineTable: Sendable {
    private let storage = Mutex<[Substring]?>(nil)

    func lines(of text: String) -> [Substring] {
        storage.withLock { stored in
            if let stored { return stored }
            let lines = SourceFile.lines(of: text)
            stored = lines
            return lines
        }
    }
}
