import Foundation
public import KoersCore
public import KoersExpression
import KoersSource

/// A row turned into answers as a person would write them, with its optional id and date.
public struct DecodedRow: Sendable, Hashable {
    /// The row's `_id`, if it has one.
    public var id: String?
    /// The row's `_date`, if it has one; otherwise the run's date applies.
    public var date: CalendarDate?
    /// The answers by question id; unanswered questions are absent.
    public var inputs: [String: AnswerInput]
    /// Answers as the input wrote them, where that differs from ``inputs`` (a JSON number such
    /// as `1.125` is passed on as `1.1250`), for messages.
    public var written: [String: String]

    /// Creates a decoded row.
    public init(
        id: String? = nil,
        date: CalendarDate? = nil,
        inputs: [String: AnswerInput],
        written: [String: String] = [:]
    ) {
        self.id = id
        self.date = date
        self.inputs = inputs
        self.written = written
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

/// Turns raw rows into answers for a pack: JSON values or CSV cells become the text a person
/// would type, `_id` and `_date` are taken out.
///
/// - JSON: strings as they are; numbers as written (`125000.5` means 125000.5, never grouped
///   thousands); `true`/`false`; an array for a multiple-choice answer; `null` or `""` for
///   "not answered".
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
    private let listQuestions: Set<String>

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
        self.listQuestions = Set(pack.questions.filter { if case .list = $0.valueType { true } else { false } }.map(\.id))
        guard let columns else { return }
        let questionIDs = pack.questions.map(\.id)
        var seen: Set<String> = []
        for (offset, column) in columns.enumerated() {
            guard !column.isEmpty else {
                throw .badHeader(path: inputName, line: headerLine, message: "column \(offset + 1) of the header has no name")
            }
            guard seen.insert(column).inserted else {
                throw .badHeader(path: inputName, line: headerLine, message: "the column '\(column)' appears twice in the header")
            }
            if column == Self.idKey || column == Self.dateKey || pack.question(column) != nil { continue }
            var message = "the header names '\(column)', which is not a question of pack '\(pack.id)'"
            if let suggestion = closestMatch(to: column, among: questionIDs + [Self.idKey, Self.dateKey]) {
                message += "; did you mean '\(suggestion)'?"
            }
            throw .badHeader(path: inputName, line: headerLine, message: message)
        }
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
                return decode(json: try JSONRowParser.parse(bytes))
            } catch {
                return .failure(RowFailure(problems: [RowProblem(message: error.description)]))
            }
        case .fields(let fields):
            return decode(fields: fields)
        }
    }

    private func decode(json fields: [(key: String, value: JSONField)]) -> Result<DecodedRow, RowFailure> {
        var row = DecodedRow(inputs: [:])
        var problems: [RowProblem] = []
        for (key, value) in fields {
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
                switch value {
                case .scalar(let scalar):
                    if let text = Self.text(of: scalar), !text.isEmpty { row.inputs[key] = input(text, for: key) }
                    if case .number(let literal) = scalar { row.written[key] = literal }
                case .array(let elements):
                    row.inputs[key] = .list(elements.compactMap(Self.text(of:)))
                }
            }
        }
        return problems.isEmpty ? .success(row) : .failure(RowFailure(id: row.id, problems: problems))
    }

    private func decode(fields: [String]) -> Result<DecodedRow, RowFailure> {
        let columns = columns ?? []
        var row = DecodedRow(inputs: [:])
        if let index = columns.firstIndex(of: Self.idKey), index < fields.count {
            let id = fields[index].trimmingWhitespace()
            if !id.isEmpty { row.id = id }
        }
        guard fields.count == columns.count else {
            let message = "the row has \(fields.count) field\(fields.count == 1 ? "" : "s"), "
                + "but the header has \(columns.count) column\(columns.count == 1 ? "" : "s")"
            return .failure(RowFailure(id: row.id, problems: [RowProblem(message: message)]))
        }
        for (column, cell) in zip(columns, fields) {
            let trimmed = cell.trimmingWhitespace()
            guard !trimmed.isEmpty, column != Self.idKey else { continue }
            if column == Self.dateKey {
                guard let date = CalendarDate(iso: trimmed) else {
                    return .failure(RowFailure(id: row.id, problems: [Self.badDate(trimmed)]))
                }
                row.date = date
            } else {
                row.inputs[column] = input(trimmed, for: column)
            }
        }
        return .success(row)
    }

    /// A text answer; for a multiple-choice question written with `;` or line breaks between
    /// the options (as spreadsheets do), the list of options.
    private func input(_ text: String, for questionID: String) -> AnswerInput {
        guard listQuestions.contains(questionID), text.contains(where: { $0 == ";" || $0.isNewline }) else {
            return .text(text)
        }
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

    /// A JSON scalar as the text a person would type; `nil` for `null`.
    static func text(of scalar: JSONScalar) -> String? {
        switch scalar {
        case .string(let text): text
        case .boolean(let flag): flag ? "true" : "false"
        case .number(let literal): plainNumber(literal)
        case .null: nil
        }
    }

    /// A JSON number in a form the question types read back as the same number: plain digits
    /// with `.` as decimal mark, never three digits after the mark alone (which would read as
    /// grouped thousands: `1.250` is one thousand two hundred and fifty in Dutch).
    static func plainNumber(_ literal: String) -> String {
        guard let decimal = Decimal(string: literal, locale: Locale(identifier: "en_US_POSIX")) else { return literal }
        var text = decimal.description
        if let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) == 4 {
            text += "0"
        }
        return text
    }
}
