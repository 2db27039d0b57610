import Foundation
import KoersCore
public import KoersInterview
public import KoersSource
import KoersYAML

/// A file of answers as `koers check`, `koers report` and `koers interview --from` take it: an
/// answers file (YAML or JSON, read by `AnswersFile`) or a saved session
/// (`koers-session/1`, read by ``SessionStore``, the one reader of that format).
///
/// A session's answers keep their type: a saved percentage is the fraction it was stored as
/// (`AnswerInput.value(_:)`), never text to be read back, and "don't know" and
/// "skipped" stay what they were. Every answer keeps its place in the file, so that an answer
/// the pack no longer accepts is reported at its `file:line:column`.
///
/// ```swift
/// let read = AnswerSource.read(atPath: "baseline.json")
/// guard let file = read.file else { print(read.diagnostics) }
/// let checked = file.answers(for: interview, on: date, language: "nl")
/// ```
public enum AnswerSource {
    /// Reads an answers file or a session from disk.
    ///
    /// - Parameters:
    ///   - path: Where the file is.
    ///   - displayPath: The path to show in diagnostics; `path` when `nil`.
    /// - Returns: The answers (and the session, for a session file), or the problems that keep
    ///   the file from being used.
    public static func read(atPath path: String, displayPath: String? = nil) -> AnswerSourceReadResult {
        let shown = displayPath ?? path
        let (source, parsed) = YAMLParser.parseFile(atPath: path, displayPath: shown)
        guard let source, let root = parsed.root, !parsed.diagnostics.containsErrors, isSession(root) else {
            return AnswerSourceReadResult(AnswersFile.read(atPath: path, displayPath: displayPath))
        }
        return session(root, source: source, path: shown)
    }

    /// Reads answers or a session from text, for tests and for files that arrive without a path.
    ///
    /// - Parameters:
    ///   - text: The YAML or JSON text.
    ///   - path: The name to show in diagnostics.
    /// - Returns: The answers, or the problems that keep the text from being used.
    public static func parse(_ text: String, path: String) -> AnswerSourceReadResult {
        let source = SourceFile(path: path, text: text)
        let parsed = YAMLParser.parse(source)
        guard let root = parsed.root, !parsed.diagnostics.containsErrors, isSession(root) else {
            return AnswerSourceReadResult(AnswersFile.parse(text, path: path))
        }
        return session(root, source: source, path: path)
    }

    /// Whether a file's top level says it is a session of the format this version reads.
    private static func isSession(_ root: YAMLNode) -> Bool {
        root.mapping != nil && root["format"]?.scalarValue == SessionFormat.current
    }

    /// A session read by ``SessionStore``, with the places of its answers and overrides taken
    /// from the parsed text.
    private static func session(_ root: YAMLNode, source: SourceFile, path: String) -> AnswerSourceReadResult {
        let session: SessionFile
        do {
            session = try SessionStore.decode(Data(source.text.utf8), path: path)
        } catch {
            let problem = Diagnostic.error(
                error.description,
                at: location(of: error, in: root) ?? root["format"]?.location ?? source.startLocation,
                code: "bad-session"
            )
            return AnswerSourceReadResult(file: nil, session: nil, source: source, diagnostics: [problem])
        }
        let answerNodes = root["answers"]?.mapping ?? []
        var entries: [AnswersFile.Entry] = []
        for node in answerNodes {
            guard let id = node.key.scalarValue, let answer = session.answers[id] else { continue }
            let input: AnswerInput =
                switch answer.state {
                case .given(let value): .value(value)
                case .unknown: .dontKnow
                case .skipped: .skip
                }
            entries.append(
                AnswersFile.Entry(
                    questionID: id,
                    input: input,
                    keyLocation: node.key.location,
                    valueLocation: node.value["value"]?.location ?? node.value.location
                )
            )
        }
        var overrideLocations: [String: SourceLocation] = [:]
        for node in root["score_overrides"]?.mapping ?? [] {
            if let id = node.key.scalarValue { overrideLocations[id] = node.key.location }
        }
        let file = AnswersFile(
            path: path,
            kind: .session,
            packID: session.packID,
            packLocation: root["pack_id"]?.location,
            date: session.evaluationDate,
            entries: entries,
            overrides: session.engineOverrides,
            overrideLocations: overrideLocations
        )
        return AnswerSourceReadResult(file: file, session: session, source: source, diagnostics: [])
    }

    /// The place an invalid entry names (`answers.pm_costs.value`), found in the parsed text.
    private static func location(of error: SessionError, in root: YAMLNode) -> SourceLocation? {
        guard case .invalidContent(_, let place, _) = error else { return nil }
        var node: YAMLNode?
        for part in place.split(separator: ".") {
            let name = part.split(separator: "[").first.map(String.init) ?? String(part)
            guard let next = (node ?? root)[name] else { break }
            node = next
        }
        return node?.location
    }
}

/// What reading an answers file or a session gave.
public struct AnswerSourceReadResult: Sendable {
    /// The answers, with their places; `nil` when the file cannot be used.
    public var file: AnswersFile?
    /// The session, when the file is one (for who answered, notes and history).
    public var session: SessionFile?
    /// The file's text, for showing diagnostics with their line.
    public var source: SourceFile?
    /// Every problem found.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - file: The answers.
    ///   - session: The session, if the file is one.
    ///   - source: The file's text.
    ///   - diagnostics: The problems.
    public init(file: AnswersFile?, session: SessionFile?, source: SourceFile?, diagnostics: [Diagnostic]) {
        self.file = file
        self.session = session
        self.source = source
        self.diagnostics = diagnostics
    }

    /// The result of reading a plain answers file, which is no session.
    init(_ read: AnswersFileReadResult) {
        self.init(file: read.file, session: nil, source: read.source, diagnostics: read.diagnostics)
    }
}
