import KoersSource
import KoersTestSupport
import KoersYAML
import Testing

/// The path used for inline test documents.
let testPath = "rules.yaml"

/// KoersSource's location; `Testing` has a type of the same name.
typealias Location = KoersSource.SourceLocation

/// Parses inline YAML as the file `rules.yaml`.
func parse(_ text: String, limits: YAMLParser.Limits = .default) -> YAMLParseResult {
    YAMLParser.parse(SourceFile(path: testPath, text: text), limits: limits)
}

/// Parses inline YAML that must be free of diagnostics and have a root.
func parseRoot(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> YAMLNode {
    let result = parse(text)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)", sourceLocation: sourceLocation)
    return try #require(result.root, sourceLocation: sourceLocation)
}

/// Renders diagnostics with snippets against inline YAML, as the CLI would print them.
func render(_ text: String, limits: YAMLParser.Limits = .default) -> String {
    let file = SourceFile(path: testPath, text: text)
    return DiagnosticRenderer(sources: [file]).render(YAMLParser.parse(file, limits: limits).diagnostics)
}

extension MarkedText {
    /// The location of a marker in `rules.yaml`.
    func location(_ marker: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Location {
        guard let place = locations[marker] else {
            Issue.record("no marker \(marker)", sourceLocation: sourceLocation)
            return Location(file: testPath, line: 0, column: 0)
        }
        return Location(file: testPath, line: place.line, column: place.column)
    }

    /// The range between two markers in `rules.yaml`.
    func range(_ start: String, _ end: String) -> SourceRange {
        SourceRange(start: location(start), end: location(end))
    }
}

/// `line:column` of a location, for compact expectations.
func position(_ location: Location) -> String { "\(location.line):\(location.column)" }

/// The messages of diagnostics in one-line form.
func lines(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.description) }
