import Foundation
public import KoersCore
public import KoersExpression
import KoersSource

/// A row turned into answers for a pack, with its optional id and date.
///
/// Answers keep the type they were given: a JSON number is an exact `AnswerInput.number(_:)`,
/// a JSON boolean a `AnswerInput.boolean(_:)`, text stays text to be read as a person writes.
public struct DecodedRow: Sendable, Hashable {
    /// The row's `_id`, if it has one.
    public var id: String?
    /// The row's `_date`, if it has one; otherwise the run's date applies.
    public var date: CalendarDate?
    /// The answer to each question by its position in the pack; `nil` is unanswered.
    public var answers: [AnswerInput?]
    /// The pack's question ids by position.
    public let questionIDs: [String]
    /// Keys of the row that name no question of the pack, in row order.
    public var unknownKeys: [String]

    /// Creates a decoded row with no answers.
    ///
    /// - Parameter questionIDs: The pack's question ids by position.
    public init(questionIDs: [String]) {
        self.questionIDs = questionIDs
        self.answers = Array(repeating: nil, count: questionIDs.count)
        self.unknownKeys = []
    }

    /// The answers by question id; unanswered questions are absent.
    public var inputs: [String: AnswerInput] {
        var inputs: [String: AnswerInput] = [:]
        for (position, input) in answers.enumerated() {
            if let input { inputs[questionIDs[position]] = input }
        }
        return inputs
    }
}

/// One reason a row was skipped.
public struct RowProblem: Sendable, Hashable, CustomStringConvertible {
    /// The question (or `_id`/`_date` column) the problem is about, if it is about one.
    public var questionID: String?
    /// The answer as written, when one answer was rejected.
    public var answer: String?
    /// What is wrong.
    public var message: String

    /// Creates a problem.
    public init(questionID: String? = nil, answer: String? = nil, message: String) {
        self.questionID = questionID
        self.answer = answer
        self.message = message
    }

    /// The problem as one sentence: `'veel' is not an answer to 'pm_costs': …` or the message.
    public var description: String {
        switch (questionID, answer) {
        case (let id?, let answer?): "'\(Self.oneLine(answer))' is not an answer to '\(id)': \(message)"
        default: message
        }
    }
}

extension RowProblem {
    /// Text on one line: line breaks and tabs written as `\n`, `\r`, `\t`, so that every
    /// message stays one line of standard error.
    static func oneLine(_ text: String) -> String {
        guard text.contains(where: { $0.isNewline || $0 == "\t" }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// Why a row was skipped: it could not be read, or some of its answers were rejected.
public struct RowFailure: Error, Sendable, Hashable {
    /// The row's `_id`, when it could be read.
    public var id: String?
    /// Every problem found, at least one.
    public var problems: [RowProblem]

    /// Creates a failure.
    public init(id: String? = nil, problems: [RowProblem]) {
        self.id = id
        self.problems = problems
    }
}

/// Turns raw rows into answers for a pack: JSON values or CSV cells become typed inputs by
/// question position, `_id` and `_date` are taken out.
///
/// - JSON: strings as text, read as a person writes; numbers as exact numbers (`125000.5` is
///   that number, never grouped thousands); `true`/`false` as truth values; an array for a
///   multiple-choice answer; `null` or `""` for "not answered".
/// - CSV: an empty cell is "not answered"; a multiple-choice cell lists its options separated
///   by `;` (`gemeente;zorgkantoor`), by commas inside quotes (`"gemeente, zorgkantoor"`) or by
///   line breaks inside quotes. A JSON string for a multiple-choice question may use `;` too.
public struct BatchRowDecoder: Sendable {
    /// The key or column that names a row: `_id`.
    public static let idKey = "_id"
    /// The key or column that gives a row its own evaluation date: `_date`.
    public static let dateKey = "_date"

    /// The CSV columns, or `nil` for JSON Lines.
    public let columns: [String]?
    /// For each CSV column: the position of its question, or `nil` for `_id` and `_date`.
    private let columnPositions: [Int?]
    /// The position of each question by id.
    private let positions: [String: Int]
    let questionIDs: [String]
    /// Whether each question (by position) takes a list of choices.
    private let listQuestions: [Bool]
    /// The question ids, then `_id` and `_date`: the keys a JSON row is expected to have, read
    /// as positions without a string made or hashed for each.
    let knownKeys: JSONRowParser.KnownKeys

    /// Creates a decoder and checks the CSV header against the pack.
    ///
    /// - Parameters:
    ///   - pack: The pack the answers are for.
    ///   - columns: The CSV header, or `nil` for JSON Lines.
    ///   - inputName: The input's name, for messages.
    ///   - headerLine: The line of the header, for messages.
    /// - Throws: ``BatchError/badHeader(path:line:message:)`` for an empty, repeated or unknown
    ///   column: every row would fail for it, so the run stops before it starts.
    public init(pack: RulePack, columns: [String]?, inputName: String = "<input>", headerLine: Int = 1) throws(BatchError) {
        self.columns = columns
        let questionIDs = pack.questions.map(\.id)
        self.questionIDs = questionIDs
        let positions = Dictionary(questionIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.positions = positions
        self.listQuestions = pack.questions.map { if case .list = $0.valueType { true } else { false } }
        self.knownKeys = JSONRowParser.KnownKeys(questionIDs + [Self.idKey, Self.dateKey])
        guard let columns else {
            columnPositions = []
            return
        }
        var seen: Set<String> = []
        var columnPositions: [Int?] = []
        for (offset, column) in columns.enumerated() {
            guard !column.isEmpty else {
                throw .badHeader(path: inputName, line: headerLine, message: "column \(offset + 1) of the header has no name")
            }
            guard seen.insert(column).inserted else {
                throw .badHeader(path: inputName, line: headerLine, message: "the column '\(column)' appears twice in the header")
            }
            if column == Self.idKey || column == Self.dateKey {
                columnPositions.append(nil)
                continue
            }
            if let position = positions[column] {
                columnPositions.append(position)
                continue
            }
            var message = "the header names '\(column)', which is not a question of pack '\(pack.id)'"
            if let suggestion = closestMatch(to: column, among: questionIDs + [Self.idKey, Self.dateKey]) {
                message += "; did you mean '\(suggestion)'?"
            }
            throw .badHeader(path: inputName, line: headerLine, message: message)
        }
        self.columnPositions = columnPositions
    }

    /// Decodes one row.
    ///
    /// - Parameter record: The row as read.
    /// - Returns: The answers, or why the row cannot be used.
    public func decode(_ record: RawRecord) -> Result<DecodedRow, RowFailure> {
        switch record.content {
        case .malformed(let message):
            return .failure(RowFailure(problems: [RowProblem(message: message)]))
        case .json(let bytes):
            do {
                return decode(json: try JSONRowParser.parse(bytes, known: knownKeys))
            } catch {
                return .failure(RowFailure(problems: [RowProblem(message: error.description)]))
            }
        case .fields(let fields):
            return decode(fields: fields)
        }
    }

    private func decode(json fields: [(key: JSONRowParser.RowKey, value: JSONField)]) -> Result<DecodedRow, RowFailure> {
        var row = DecodedRow(questionIDs: questionIDs)
        var problems: [RowProblem] = []
        for (rowKey, value) in fields {
            let key: String
            switch rowKey {
            case .known(let position) where position < questionIDs.count:
                answer(value, at: position, into: &row, problems: &problems)
                continue
            case .known(let index):
                key = knownKeys.keys[index]
            case .text(let text):
                if let position = positions[text] {
                    answer(value, at: position, into: &row, problems: &problems)
                    continue
                }
                key = text
            }
            switch key {
            case Self.idKey:
                switch value {
                case .scalar(.string(let text)), .scalar(.number(let text)): row.id = text
                case .scalar(.null): break
                default: problems.append(RowProblem(questionID: key, message: "'_id' must be a string or a number"))
                }
            case Self.dateKey:
                switch value {
                case .scalar(.null): break
                case .scalar(.string(let text)) where text.isEmpty: break
                case .scalar(.string(let text)):
                    if let date = CalendarDate(iso: text) { row.date = date } else { problems.append(Self.badDate(text)) }
                default: problems.append(Self.badDate(nil))
                }
            default:
                row.unknownKeys.append(key)
            }
        }
        return problems.isEmpty ? .success(row) : .failure(RowFailure(id: row.id, problems: problems))
    }

    /// Takes a JSON value as the answer to the question at a position.
    private func answer(_ value: JSONField, at position: Int, into row: inout DecodedRow, problems: inout [RowProblem]) {
        switch value {
        case .scalar(let scalar):
            switch Self.answer(of: scalar) {
            case .success(let input?): row.answers[position] = self.input(input, at: position)
            case .success(nil): break
            case .failure(let problem): problems.append(problem.with(questionID: questionIDs[position]))
            }
        case .array(let elements):
            row.answers[position] = .list(elements.compactMap(Self.text(of:)))
        }
    }

    private func decode(fields: [String]) -> Result<DecodedRow, RowFailure> {
        let columns = columns ?? []
        var row = DecodedRow(questionIDs: questionIDs)
        if let index = columns.firstIndex(of: Self.idKey), index < fields.count {
            let id = fields[index].trimmingWhitespace()
            if !id.isEmpty { row.id = id }
        }
        guard fields.count == columns.count else {
            let message = "the row has \(fields.count) field\(fields.count == 1 ? "" : "s"), "
                + "but the header has \(columns.count) column\(columns.count == 1 ? "" : "s")"
            return .failure(RowFailure(id: row.id, problems: [RowProblem(message: message)]))
        }
        for (index, cell) in fields.enumerated() {
            let trimmed = cell.trimmingWhitespace()
            guard !trimmed.isEmpty else { continue }
            if let position = columnPositions[index] {
                row.answers[position] = input(.text(trimmed), at: position)
            } else if columns[index] == Self.dateKey {
                guard let date = CalendarDate(iso: trimmed) else {
                    return .failure(RowFailure(id: row.id, problems: [Self.badDate(trimmed)]))
                }
                row.date = date
            }
        }
        return .success(row)
    }

    /// A text answer for a multiple-choice question written with `;` or line breaks between
    /// the options (as spreadsheets do) becomes the list of options; anything else stays.
    func input(_ input: AnswerInput, at position: Int) -> AnswerInput {
        guard listQuestions[position], case .text(let text) = input,
            text.contains(where: { $0 == ";" || $0.isNewline })
        else { return input }
        let items = text.split(whereSeparator: { $0 == ";" || $0 == "," || $0.isNewline })
        return .list(items.map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty })
    }

    private static func badDate(_ text: String?) -> RowProblem {
        RowProblem(
            questionID: dateKey,
            message: "'_date' must be a date written as YYYY-MM-DD, such as 2021-10-01"
                + (text.map { ", not '\($0)'" } ?? "")
        )
    }

    /// A JSON scalar as an answer: a string as text (empty: not answered), a number exactly, a
    /// boolean as a truth value, `null` as not answered; a number Koers cannot hold exactly is
    /// a problem.
    static func answer(of scalar: JSONScalar) -> Result<AnswerInput?, RowProblem> {
        switch scalar {
        case .string(let text): return .success(text.isEmpty ? nil : .text(text))
        case .boolean(let flag): return .success(.boolean(flag))
        case .null: return .success(nil)
        case .number(let literal):
            guard let number = DecimalLiteral.number(literal) else {
                return .failure(
                    RowProblem(
                        answer: literal,
                        message: "the number \(literal) has more digits or a larger exponent than Koers can hold "
                            + "exactly (at most \(DecimalLiteral.maximumDigits) significant digits)"
                    )
                )
            }
            return .success(.number(number))
        }
    }

    /// A JSON scalar as text, for a list of choices; `nil` for `null`.
    static func text(of scalar: JSONScalar) -> String? {
        switch scalar {
        case .string(let text): text
        case .boolean(let flag): flag ? "true" : "false"
        case .number(let literal): literal
        case .null: nil
        }
    }
}

extension RowProblem: Error {
    /// The problem about a question.
    func with(questionID: String) -> RowProblem {
        var problem = self
        problem.questionID = questionID
        return problem
    }
}
