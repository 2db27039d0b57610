import Foundation
public import KoersCore
public import KoersExpression
public import KoersSource
import KoersYAML

/// A file of answers for `koers check`: YAML or JSON, read with every answer's place, so that a
/// rejected answer or an unknown question is reported at its `file:line:column`.
///
/// Three shapes are read:
///
/// ```yaml
/// # 1. Answers only: question id to answer, as a person types it.
/// is_care_provider: ja
/// purchaser_partners: gemeente, zorgkantoor     # or a list: [gemeente, zorgkantoor]
/// pm_costs: € 30.000
///
/// # 2. With the pack and the date the answers are meant for (and coaches' score overrides).
/// pack: set-eligibility
/// date: 2021-10-01
/// answers:
///   is_care_provider: ja
/// overrides:
///   maturity_total: {value: 3, justification: Gesprek met de projectleider}
/// ```
///
/// 3. A saved session (JSON with `"format": "koers-session/1"`). This reader does not read
/// sessions: `KoersSession`, which owns that format, reads them (`AnswerSource` there) and gives
/// the same ``AnswersFile``, of kind ``Kind/session``, with typed answers
/// (`AnswerInput.value(_:)`). Given a session, this reader answers with an error that
/// says so.
///
/// A file is the second shape when it has an `answers` key holding a mapping; its other keys
/// must then be `pack`, `date`, `overrides`, `from` or `description`. `from` names another
/// session or answers file (relative to this file's folder) whose answers fill the questions this
/// file leaves open, where they mean the same (`koers check` reads it; see `koers interview
/// --from`). An answer left empty (`pm_costs:`) counts as
/// not given. `?` or `weet niet` answers "I don't know" and `-` skips an optional question, as in
/// an interview.
public struct AnswersFile: Sendable, Hashable {
    /// The shape a file was written in.
    public enum Kind: String, Sendable, Hashable {
        /// A mapping of question id to answer.
        case plain
        /// A mapping with `answers` and optionally `pack`, `date`, `overrides`, `from` and
        /// `description`.
        case structured
        /// A saved session, `koers-session/1`.
        case session
    }

    /// One answer in the file, with where its question id and its answer are written.
    public struct Entry: Sendable, Hashable {
        /// The question id as written.
        public var questionID: String
        /// The answer as written, or `nil` when it was left empty.
        public var input: AnswerInput?
        /// Where the question id is written.
        public var keyLocation: SourceLocation
        /// Where the answer is written.
        public var valueLocation: SourceLocation

        /// Creates an entry.
        ///
        /// - Parameters:
        ///   - questionID: The question id.
        ///   - input: The answer, or `nil` for an empty one.
        ///   - keyLocation: Where the id is written.
        ///   - valueLocation: Where the answer is written.
        public init(questionID: String, input: AnswerInput?, keyLocation: SourceLocation, valueLocation: SourceLocation)
        {
            self.questionID = questionID
            self.input = input
            self.keyLocation = keyLocation
            self.valueLocation = valueLocation
        }
    }

    /// The path the file was read from, as given.
    public var path: String
    /// The shape it was written in.
    public var kind: Kind
    /// The pack the answers are meant for, when the file says.
    public var packID: String?
    /// Where the pack id is written.
    public var packLocation: SourceLocation?
    /// The date to evaluate on, when the file gives one.
    public var date: CalendarDate?
    /// The answers, in file order.
    public var entries: [Entry]
    /// Coaches' overrides of scores, by score id.
    public var overrides: [String: ScoreOverride]
    /// Where each override's score id is written, for reporting an unknown score.
    public var overrideLocations: [String: SourceLocation]
    /// Another session or answers file whose answers fill the questions this file leaves open
    /// (`from:`), as written: relative to this file's folder.
    public var from: String?
    /// Where `from` is written.
    public var fromLocation: SourceLocation?

    /// The keys of the structured shape.
    public static let structuredKeys = ["pack", "date", "answers", "overrides", "from", "description"]
    /// The format marker of a session file that can be read.
    public static let sessionFormat = "koers-session/1"

    /// Creates a file's contents.
    ///
    /// - Parameters:
    ///   - path: Where it was read from.
    ///   - kind: Its shape.
    ///   - packID: The pack it names, if any.
    ///   - packLocation: Where it names it.
    ///   - date: The date it gives, if any.
    ///   - entries: The answers.
    ///   - overrides: Coaches' overrides of scores, by score id.
    ///   - overrideLocations: Where each override's score id is written.
    public init(
        path: String,
        kind: Kind,
        packID: String? = nil,
        packLocation: SourceLocation? = nil,
        date: CalendarDate? = nil,
        entries: [Entry],
        overrides: [String: ScoreOverride] = [:],
        overrideLocations: [String: SourceLocation] = [:]
    ) {
        self.path = path
        self.kind = kind
        self.packID = packID
        self.packLocation = packLocation
        self.date = date
        self.entries = entries
        self.overrides = overrides
        self.overrideLocations = overrideLocations
        self.from = nil
        self.fromLocation = nil
    }

    /// The answers as inputs by question id; empty answers are left out.
    public var inputs: [String: AnswerInput] {
        var inputs: [String: AnswerInput] = [:]
        for entry in entries {
            if let input = entry.input { inputs[entry.questionID] = input }
        }
        return inputs
    }
}

/// What reading an answers file gave: the answers, the file's text for showing diagnostics with
/// their line, and every problem found.
public struct AnswersFileReadResult: Sendable {
    /// The answers; `nil` when the file could not be read or has errors.
    public var file: AnswersFile?
    /// The file's text, when it could be read.
    public var source: SourceFile?
    /// Every problem found, sorted by place.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - file: The answers, if the file was usable.
    ///   - source: The file's text.
    ///   - diagnostics: The problems; they are sorted.
    public init(file: AnswersFile?, source: SourceFile?, diagnostics: [Diagnostic]) {
        self.file = file
        self.source = source
        self.diagnostics = diagnostics.sorted()
    }
}

extension AnswersFile {
    /// Reads an answers file from disk.
    ///
    /// - Parameters:
    ///   - path: Where the file is.
    ///   - displayPath: The path to show in diagnostics; `path` when `nil`.
    /// - Returns: The answers, or the problems that keep the file from being used.
    public static func read(atPath path: String, displayPath: String? = nil) -> AnswersFileReadResult {
        let (source, parsed) = YAMLParser.parseFile(atPath: path, displayPath: displayPath)
        return read(parsed, source: source, path: displayPath ?? path)
    }

    /// Reads answers from text, for tests and for answers that arrive without a file.
    ///
    /// - Parameters:
    ///   - text: The YAML or JSON text.
    ///   - path: The name to show in diagnostics.
    /// - Returns: The answers, or the problems that keep the text from being used.
    public static func parse(_ text: String, path: String) -> AnswersFileReadResult {
        let source = SourceFile(path: path, text: text)
        return read(YAMLParser.parse(source), source: source, path: path)
    }

    private static func read(_ parsed: YAMLParseResult, source: SourceFile?, path: String) -> AnswersFileReadResult {
        guard !parsed.diagnostics.containsErrors else {
            return AnswersFileReadResult(file: nil, source: source, diagnostics: parsed.diagnostics)
        }
        guard let root = parsed.root else {
            let problem = Diagnostic.error(
                "the answers file is empty; write one 'question_id: answer' per line",
                at: SourceLocation(file: path, line: 1, column: 1),
                code: "empty-answers"
            )
            return AnswersFileReadResult(file: nil, source: source, diagnostics: parsed.diagnostics + [problem])
        }
        var reader = EntryReader(path: path)
        let file = reader.file(from: root)
        let diagnostics = parsed.diagnostics + reader.diagnostics
        return AnswersFileReadResult(
            file: diagnostics.containsErrors ? nil : file,
            source: source,
            diagnostics: diagnostics
        )
    }
}

/// Turns the YAML tree of an answers file into entries, collecting every problem.
private struct EntryReader {
    let path: String
    var diagnostics: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    mutating func file(from root: YAMLNode) -> AnswersFile? {
        guard let entries = root.mapping else {
            error(
                "an answers file must be a mapping of question id to answer, not \(root.kindDescription)",
                at: root.location,
                code: "wrong-kind"
            )
            return nil
        }
        if root["format"] != nil {
            return session(root)
        }
        if let answers = root["answers"] {
            // `answers: []` or an empty `answers:` is a file that answers nothing yet.
            if answers.mapping != nil || answers.isNull || answers.sequence?.isEmpty == true {
                return structured(root, entries: entries, answers: answers)
            }
            // Not read as a plain file, where 'pack' and 'answers' would be unknown questions.
            error(
                "'answers' must be a mapping of question id to answer (one 'question: answer' per line), "
                    + "not \(answers.kindDescription)",
                at: answers.location,
                code: "wrong-kind"
            )
            return nil
        }
        return AnswersFile(path: path, kind: .plain, entries: plainEntries(entries))
    }

    // MARK: Shapes

    private mutating func structured(_ root: YAMLNode, entries: [YAMLMappingEntry], answers: YAMLNode) -> AnswersFile {
        for entry in entries {
            let key = entry.key.scalarValue ?? ""
            guard !AnswersFile.structuredKeys.contains(key) else { continue }
            var notes: [Diagnostic] = []
            if let suggestion = closestMatch(to: key, among: AnswersFile.structuredKeys) {
                notes.append(.note("did you mean '\(suggestion)'?", at: entry.key.location))
            } else {
                notes.append(
                    .note(
                        "answers belong under 'answers:'; the other keys are 'pack', 'date', 'overrides', 'from' "
                            + "and 'description'",
                        at: entry.key.location
                    )
                )
            }
            error("unknown key '\(key)' in answers file", at: entry.key.location, code: "unknown-key", notes: notes)
        }
        let (packID, packLocation) = pack(root["pack"])
        let (overrides, overrideLocations) = self.overrides(root["overrides"])
        var file = AnswersFile(
            path: path,
            kind: .structured,
            packID: packID,
            packLocation: packLocation,
            date: date(root["date"]),
            entries: plainEntries(answers.mapping ?? []),
            overrides: overrides,
            overrideLocations: overrideLocations
        )
        if let node = root["from"] {
            if let text = node.scalarValue, !node.isNull, !text.isEmpty {
                file.from = text
                file.fromLocation = node.location
            } else {
                error(
                    "'from' must be the path of a session or answers file, such as baseline.json",
                    at: node.location,
                    code: "wrong-kind"
                )
            }
        }
        return file
    }

    /// A file with a `format` key: only sessions have one, and they are read elsewhere.
    private mutating func session(_ root: YAMLNode) -> AnswersFile? {
        let node = root["format"] ?? root
        guard node.scalarValue == AnswersFile.sessionFormat else {
            error(
                "unknown answers file format '\(root["format"]?.scalarValue ?? "")'; this version of koers reads "
                    + "'\(AnswersFile.sessionFormat)' sessions and plain mappings of question id to answer",
                at: node.location,
                code: "unknown-format"
            )
            return nil
        }
        error(
            "this is a saved session ('\(AnswersFile.sessionFormat)'), which is read as a session, not as a file "
                + "of typed answers",
            at: node.location,
            code: "session-file"
        )
        return nil
    }

    // MARK: Entries

    private mutating func plainEntries(_ entries: [YAMLMappingEntry]) -> [AnswersFile.Entry] {
        var result: [AnswersFile.Entry] = []
        for entry in entries {
            guard let id = entry.key.scalarValue, !id.isEmpty else {
                error(
                    "a question id must be a plain name such as 'pm_costs'",
                    at: entry.key.location,
                    code: "wrong-kind"
                )
                continue
            }
            let value = entry.value
            let input: AnswerInput?
            switch value.content {
            case .scalar(let scalar):
                input = scalar.isNull ? nil : .text(scalar.value)
            case .sequence(let items):
                var texts: [String] = []
                for item in items {
                    guard let text = item.scalarValue else {
                        error(
                            "each choice in the answer to '\(id)' must be a plain value, not \(item.kindDescription)",
                            at: item.location,
                            code: "wrong-kind"
                        )
                        continue
                    }
                    texts.append(text)
                }
                input = .list(texts)
            case .mapping:
                error(
                    "the answer to '\(id)' must be a value or a list of choices, not a mapping",
                    at: value.location,
                    code: "wrong-kind",
                    notes: [
                        .note(
                            "write it on one line, such as '\(id): ja' or '\(id): [gemeente, zorgkantoor]'",
                            at: value.location
                        )
                    ]
                )
                continue
            }
            result.append(
                AnswersFile.Entry(
                    questionID: id,
                    input: input,
                    keyLocation: entry.key.location,
                    valueLocation: value.location
                )
            )
        }
        return result
    }

    // MARK: Scalars

    private mutating func pack(_ node: YAMLNode?) -> (String?, SourceLocation?) {
        guard let node else { return (nil, nil) }
        guard let id = node.scalarValue, !node.isNull else {
            error("'pack' must be a pack id such as 'set-eligibility'", at: node.location, code: "wrong-kind")
            return (nil, nil)
        }
        return (id, node.location)
    }

    /// Score overrides: score id to `{value, justification}` (other keys, such as who set it,
    /// are not read).
    private mutating func overrides(_ node: YAMLNode?) -> ([String: ScoreOverride], [String: SourceLocation]) {
        guard let node, !node.isNull else { return ([:], [:]) }
        guard let entries = node.mapping else {
            error(
                "overrides must be a mapping of score id to {value, justification}",
                at: node.location,
                code: "wrong-kind"
            )
            return ([:], [:])
        }
        var overrides: [String: ScoreOverride] = [:]
        var locations: [String: SourceLocation] = [:]
        for entry in entries {
            let id = entry.key.scalarValue ?? ""
            guard let valueNode = entry.value["value"], let text = valueNode.scalarValue,
                let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
                text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" })
            else {
                error(
                    "the override of '\(id)' needs a 'value' that is a number such as 3 or 2.5",
                    at: entry.value["value"]?.location ?? entry.value.location,
                    code: "bad-value"
                )
                continue
            }
            guard let justification = entry.value["justification"]?.scalarValue, !justification.isEmpty else {
                error(
                    "the override of '\(id)' needs a 'justification': why the computed score does not fit",
                    at: entry.value.location,
                    code: "missing-key"
                )
                continue
            }
            overrides[id] = ScoreOverride(value: value, justification: justification)
            locations[id] = entry.key.location
        }
        return (overrides, locations)
    }

    private mutating func date(_ node: YAMLNode?) -> CalendarDate? {
        guard let node else { return nil }
        guard let text = node.scalarValue, let date = CalendarDate(iso: text) else {
            error(
                "'date' must be a date written as YYYY-MM-DD, such as 2021-10-01",
                at: node.location,
                code: "bad-value"
            )
            return nil
        }
        return date
    }

    private mutating func error(
        _ message: String,
        at location: SourceLocation?,
        code: String,
        notes: [Diagnostic] = []
    ) {
        diagnostics.append(.error(message, at: location, code: code, notes: notes))
    }
}

// MARK: - Answers for a pack

/// The answers of a file checked against a pack.
public struct CheckedAnswers: Sendable {
    /// The accepted answers.
    public var answers: AnswerSet
    /// One error per unknown question and per rejected answer, at its place, sorted.
    public var diagnostics: [Diagnostic]

    /// Creates checked answers.
    ///
    /// - Parameters:
    ///   - answers: The accepted answers.
    ///   - diagnostics: The problems; they are sorted.
    public init(answers: AnswerSet, diagnostics: [Diagnostic]) {
        self.answers = answers
        self.diagnostics = diagnostics.sorted()
    }
}

extension AnswersFile {
    /// Checks that the file is meant for a pack: an error at the file's `pack` when it names
    /// another one, else `nil`.
    ///
    /// - Parameter pack: The pack the answers are checked against.
    /// - Returns: The error, or `nil` when the file names no pack or names this one.
    public func packMismatch(with pack: RulePack) -> Diagnostic? {
        guard let packID, packID != pack.id else { return nil }
        return .error(
            "this answers file is for pack '\(packID)', but pack '\(pack.id)' was chosen; check it with "
                + "'koers check \(packID)', or change 'pack:'",
            at: packLocation ?? SourceLocation(file: path, line: 1, column: 1),
            code: "pack-mismatch"
        )
    }

    /// Checks every answer against its question, as an interview would, and turns each problem
    /// into an error at its place: an unknown question at its id (with a did-you-mean note), a
    /// rejected answer at the answer, with the pack's message in the language asked for, and an
    /// override of an unknown score at its id.
    ///
    /// - Parameters:
    ///   - interview: The interview over the pack.
    ///   - date: The evaluation date, for validations that read it.
    ///   - language: `nl` or `en`, for the pack's messages.
    /// - Returns: The accepted answers and the problems, sorted by place.
    public func answers(for interview: Interview, on date: CalendarDate, language: String) -> CheckedAnswers {
        let pack = interview.pack
        let (answers, issues) = interview.answers(from: inputs, on: date)
        let entriesByID = Dictionary(entries.map { ($0.questionID, $0) }, uniquingKeysWith: { first, _ in first })
        let fallback = SourceLocation(file: path, line: 1, column: 1)
        var diagnostics: [Diagnostic] = []
        for issue in issues {
            let entry = entriesByID[issue.questionID]
            if pack.question(issue.questionID) == nil {
                let location = entry?.keyLocation ?? fallback
                let ids = pack.questions.map(\.id)
                var notes: [Diagnostic] = []
                if kind == .plain, AnswersFile.structuredKeys.contains(issue.questionID) {
                    notes.append(
                        .note(
                            "to give the pack or the date, put the answers under 'answers:' and '\(issue.questionID)' "
                                + "beside it",
                            at: location
                        )
                    )
                } else if let suggestion = closestMatch(to: issue.questionID, among: ids) {
                    notes.append(.note("did you mean '\(suggestion)'?", at: location))
                } else if ids.count <= 30 {
                    notes.append(
                        .note("the questions of '\(pack.id)' are: \(ids.joined(separator: ", "))", at: location)
                    )
                }
                diagnostics.append(
                    .error(
                        "unknown question '\(issue.questionID)' in pack '\(pack.id)'",
                        at: location,
                        code: "unknown-question",
                        notes: notes
                    )
                )
            } else {
                diagnostics.append(
                    .error(
                        "answer to '\(issue.questionID)' is not accepted: \(issue.message.text(in: language))",
                        at: entry?.valueLocation ?? fallback,
                        code: "bad-answer"
                    )
                )
            }
        }
        let scoreIDs = pack.scores.map(\.id)
        for id in overrides.keys.sorted() where !scoreIDs.contains(id) {
            let location = overrideLocations[id] ?? fallback
            var notes: [Diagnostic] = []
            if let suggestion = closestMatch(to: id, among: scoreIDs) {
                notes.append(.note("did you mean '\(suggestion)'?", at: location))
            }
            diagnostics.append(
                .error("unknown score '\(id)' in pack '\(pack.id)'", at: location, code: "unknown-score", notes: notes)
            )
        }
        return CheckedAnswers(answers: answers, diagnostics: diagnostics)
    }
}
