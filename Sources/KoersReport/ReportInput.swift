import Foundation
public import KoersCore
import KoersExpression
public import KoersInterview
public import KoersSession
import KoersSource
import KoersYAML

/// One file for a report, evaluated against its pack: a saved session (`koers-session/1`) or a
/// file of answers.
public struct ReportInput: Sendable {
    /// The file, as given.
    public var source: String
    /// The pack it was evaluated with.
    public var pack: RulePack
    /// The evaluation.
    public var evaluation: Evaluation
    /// The unanswered questions that can still change a result.
    public var openQuestionIDs: [String]
    /// The saved session, for who answered, notes and override authors; `nil` for an answers file.
    public var session: SessionFile?
    /// The file's `description` (or `organisation`), if any.
    public var description: String?
    /// Confirmations of score overrides (`confirmed_by`, `confirmed_at`), by score id, when the
    /// session records them.
    public var confirmations: [String: OverrideConfirmation] = [:]

    /// Creates an input from parts already evaluated.
    ///
    /// - Parameters:
    ///   - source: The file, as given.
    ///   - pack: The pack.
    ///   - evaluation: The evaluation.
    ///   - openQuestionIDs: The open questions.
    ///   - session: The session, if the file is one.
    ///   - description: The file's description.
    ///   - confirmations: Confirmations of score overrides, by score id.
    public init(
        source: String,
        pack: RulePack,
        evaluation: Evaluation,
        openQuestionIDs: [String] = [],
        session: SessionFile? = nil,
        description: String? = nil,
        confirmations: [String: OverrideConfirmation] = [:]
    ) {
        self.source = source
        self.pack = pack
        self.evaluation = evaluation
        self.openQuestionIDs = openQuestionIDs
        self.session = session
        self.description = description
        self.confirmations = confirmations
    }

    /// The pack a file is for, as it says.
    ///
    /// - Parameter path: The session or answers file.
    /// - Returns: The pack id.
    /// - Throws: ``ReportError`` when the file cannot be read or names no pack.
    public static func packID(ofFileAt path: String) throws(ReportError) -> String {
        let read = AnswerSource.read(atPath: path)
        guard let file = read.file else {
            throw .unreadable(path: path, problems: read.diagnostics.map(\.description))
        }
        guard let id = file.packID else { throw .noPack(path: path) }
        return id
    }

    /// Reads a session or answers file and evaluates it against its pack.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - pack: The pack it is for.
    ///   - registry: The registry the pack was loaded with.
    ///   - language: `nl` or `en`, for the pack's messages.
    ///   - displayPath: The path to show in the report; `path` when `nil`.
    /// - Returns: The evaluated input.
    /// - Throws: ``ReportError`` when the file cannot be read or has answers the pack rejects.
    public static func load(
        path: String,
        pack: RulePack,
        registry: PluginRegistry,
        language: String,
        displayPath: String? = nil
    ) throws(ReportError) -> ReportInput {
        let shown = displayPath ?? path
        let read = AnswerSource.read(atPath: path, displayPath: shown)
        guard let file = read.file else {
            throw .unreadable(path: path, problems: read.diagnostics.map(\.description))
        }
        if let mismatch = file.packMismatch(with: pack) {
            throw .rejectedAnswers(path: path, problems: [mismatch.description])
        }
        let session = read.session
        let date = file.date ?? session?.evaluationDate ?? .today()
        let interview = Interview(pack: pack, registry: registry)
        let checked = file.answers(for: interview, on: date, language: language)
        guard checked.diagnostics.isEmpty else {
            throw .rejectedAnswers(path: path, problems: checked.diagnostics.map(\.description))
        }
        let state = interview.state(of: checked.answers, on: date, overrides: file.overrides)
        return ReportInput(
            source: shown,
            pack: pack,
            evaluation: state.evaluation,
            openQuestionIDs: state.openQuestionIDs,
            session: session,
            description: description(ofFileAt: path),
            confirmations: session == nil ? [:] : confirmations(ofSessionAt: path)
        )
    }

    /// The `confirmed_by`/`confirmed_at` of each score override in a session file, if present.
    private static func confirmations(ofSessionAt path: String) -> [String: OverrideConfirmation] {
        guard let data = FileManager.default.contents(atPath: path),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let overrides = root["score_overrides"] as? [String: Any]
        else { return [:] }
        var result: [String: OverrideConfirmation] = [:]
        for (id, entry) in overrides {
            guard let entry = entry as? [String: Any], let by = entry["confirmed_by"] as? String else { continue }
            result[id] = OverrideConfirmation(by: by, at: entry["confirmed_at"] as? String)
        }
        return result
    }

    /// The `description` or `organisation` of a file, read without judging the rest.
    private static func description(ofFileAt path: String) -> String? {
        let (_, parsed) = YAMLParser.parseFile(atPath: path)
        guard let root = parsed.root else { return nil }
        for key in ["organisation", "description"] {
            if let text = root[key]?.scalarValue?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
                return text
            }
        }
        return nil
    }
}

/// Who confirmed a coach's score override, and when.
public struct OverrideConfirmation: Sendable, Hashable {
    /// Who confirmed it.
    public var by: String
    /// When, as written in the session (ISO 8601).
    public var at: String?

    /// Creates a confirmation.
    ///
    /// - Parameters:
    ///   - by: Who confirmed it.
    ///   - at: When.
    public init(by: String, at: String?) {
        self.by = by
        self.at = at
    }
}
