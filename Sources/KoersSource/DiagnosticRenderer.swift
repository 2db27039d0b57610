/// Renders diagnostics as compilers do: `file:line:col: error: message`, then the source line
/// and a caret under the column, then the notes.
///
/// ```
/// Rules/demo/rules.yaml:12:7: error: unknown key 'whn' in rule 'consent'
///       whn: "age >= 18"
///       ^
/// Rules/demo/rules.yaml:12:7: note: did you mean 'when'?
/// ```
public struct DiagnosticRenderer: Sendable {
    /// The files whose lines can be shown under a diagnostic, by path.
    public var sources: [String: SourceFile]
    /// Whether to show the source line and caret.
    public var showsSnippets: Bool
    /// The language of the messages; English by default, Dutch where the diagnostic has a
    /// Dutch text. The severity keyword stays English either way (see ``Diagnostic/description(in:)``).
    public var language: DiagnosticLanguage

    /// Creates a renderer.
    ///
    /// - Parameters:
    ///   - sources: The files whose lines can be shown, by path.
    ///   - showsSnippets: Whether to show the source line and caret.
    ///   - language: The language of the messages.
    public init(sources: [SourceFile] = [], showsSnippets: Bool = true, language: DiagnosticLanguage = .english) {
        self.sources = Dictionary(sources.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        self.showsSnippets = showsSnippets
        self.language = language
    }

    /// Renders one diagnostic with its snippet and notes.
    ///
    /// - Parameter diagnostic: The diagnostic.
    /// - Returns: One or more lines, joined by `\n`, without a trailing line break.
    public func render(_ diagnostic: Diagnostic) -> String {
        var lines = [diagnostic.description(in: language)]
        if showsSnippets, let snippet = snippet(at: diagnostic.location) {
            lines.append(contentsOf: snippet)
        }
        for note in diagnostic.notes {
            lines.append(note.description(in: language))
        }
        return lines.joined(separator: "\n")
    }

    /// Renders diagnostics in order, each with its snippet and notes.
    ///
    /// - Parameter diagnostics: The diagnostics, rendered in the order given.
    /// - Returns: The rendered text, one diagnostic after another, without a trailing line break.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined(separator: "\n")
    }

    private func snippet(at location: SourceLocation?) -> [String]? {
        guard let location, let file = sources[location.file], let text = file.line(location.line) else {
            return nil
        }
        let scalars = Array(String(text).unicodeScalars)
        // Keep very long lines readable: show at most 120 scalars around the column.
        let window = 120
        let column = max(1, min(location.column, scalars.count + 1))
        let start = max(0, min(column - 1 - window / 2, scalars.count - window))
        let end = min(scalars.count, start + window)
        var shown = String(String.UnicodeScalarView(scalars[start..<end]))
        var caretOffset = column - 1 - start
        if start > 0 {
            shown = "…" + shown
            caretOffset += 1
        }
        if end < scalars.count { shown += "…" }
        // Tabs would misalign the caret; show them as one space each. Control characters
        // would drive the terminal; show them as U+FFFD, one column each.
        shown = terminalSafeKeepingColumns(shown.replacingTabs())
        return ["    " + shown, "    " + String(repeating: " ", count: caretOffset) + "^"]
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" ? " " : $0 }))
    }
}
