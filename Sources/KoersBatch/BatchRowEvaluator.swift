import Foundation
import KoersCore
public import KoersExpression
public import KoersInterview

/// The result of one chunk of rows: its output lines, its error messages and its counts.
public struct BatchChunk: Sendable {
    /// The chunk's position in the input, from 0.
    public var index: Int
    /// One JSON Lines object per row, in input order.
    public var output: [UInt8]
    /// The lines for standard error, one per problem of a skipped row, in input order.
    public var diagnostics: String
    /// The counts over the chunk's rows.
    public var tally: BatchTally
}

/// Decodes, checks, evaluates and writes out rows. It is immutable and `Sendable`, so one
/// value serves every task of a run.
public struct BatchRowEvaluator: Sendable {
    /// The interview over the pack.
    public let interview: Interview
    /// How rows become answers.
    public let decoder: BatchRowDecoder
    /// The date for rows without `_date`.
    public let date: CalendarDate
    /// The language of labels and messages: `nl` or `en`.
    public let language: String
    /// The input's name, at the start of each error message.
    public let inputName: String

    /// Creates an evaluator.
    ///
    /// - Parameters:
    ///   - interview: The interview over the pack.
    ///   - decoder: How rows become answers.
    ///   - date: The date for rows without `_date`.
    ///   - language: `nl` or `en`.
    ///   - inputName: The input's name for error messages.
    public init(interview: Interview, decoder: BatchRowDecoder, date: CalendarDate, language: String, inputName: String) {
        self.interview = interview
        self.decoder = decoder
        self.date = date
        self.language = language
        self.inputName = inputName
    }

    /// The verdict of one row: evaluated, or skipped with the reasons.
    public enum RowResult: Sendable {
        /// The row's answers were all accepted and evaluated.
        case evaluated(DecodedRow, Evaluation)
        /// The row was skipped.
        case skipped(RowFailure)
    }

    /// Decodes, checks and evaluates one row.
    ///
    /// A row with any rejected answer or unknown question is skipped as a whole rather than
    /// evaluated without that answer: a verdict on partial answers would look complete in the
    /// output while it is not.
    ///
    /// - Parameter record: The row as read.
    /// - Returns: The evaluation, or why the row was skipped.
    public func evaluate(_ record: RawRecord) -> RowResult {
        let row: DecodedRow
        switch decoder.decode(record) {
        case .failure(let failure): return .skipped(failure)
        case .success(let decoded): row = decoded
        }
        let date = row.date ?? self.date
        let (answers, issues) = interview.answers(from: row.inputs, on: date)
        guard issues.isEmpty else {
            let problems = issues.map { issue in
                let known = interview.pack.question(issue.questionID) != nil
                return RowProblem(
                    questionID: issue.questionID,
                    answer: known ? row.written[issue.questionID] ?? row.inputs[issue.questionID].map(Self.written) : nil,
                    message: issue.message.text(in: language)
                )
            }
            return .skipped(RowFailure(id: row.id, problems: problems))
        }
        return .evaluated(row, interview.evaluator.evaluate(answers, on: date))
    }

    /// Processes a chunk of rows.
    ///
    /// - Parameters:
    ///   - records: The rows, in input order.
    ///   - index: The chunk's position in the input.
    /// - Returns: The output lines, error messages and counts of the chunk.
    public func process(_ records: [RawRecord], index: Int) -> BatchChunk {
        var writer = JSONWriter(capacity: records.count * 512)
        var diagnostics = ""
        var tally = BatchTally(pack: interview.pack)
        for record in records {
            switch evaluate(record) {
            case .evaluated(let row, let evaluation):
                write(record, row, evaluation, to: &writer)
                tally.add(evaluation)
            case .skipped(let failure):
                write(record, failure, to: &writer)
                for problem in failure.problems {
                    diagnostics += "\(inputName):\(record.line): error: \(problem)\n"
                }
                tally.addSkipped()
            }
            writer.newline()
        }
        return BatchChunk(index: index, output: writer.bytes, diagnostics: diagnostics, tally: tally)
    }

    /// Opens a row's output object with what every row has: its number, line and `_id`.
    private func beginRow(_ record: RawRecord, id: String?, in writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("row")
        writer.integer(record.row)
        writer.key("line")
        writer.integer(record.line)
        if let id {
            writer.key(BatchRowDecoder.idKey)
            writer.string(id)
        }
    }

    private func write(_ record: RawRecord, _ row: DecodedRow, _ evaluation: Evaluation, to writer: inout JSONWriter) {
        beginRow(record, id: row.id, in: &writer)
        writer.key("date")
        writer.string(evaluation.date.description)
        writer.key("outcomes")
        writer.beginObject()
        for outcome in evaluation.outcomes {
            writer.key(outcome.outcome.id)
            writer.beginObject()
            writer.key("verdict")
            writer.string(outcome.verdict.rawValue)
            if !outcome.amounts.isEmpty {
                writer.key("amounts")
                writer.beginObject()
                for amount in outcome.amounts {
                    writer.key(amount.amount.id)
                    if let value = amount.result.value { writer.string(Self.exact(value)) } else { writer.null() }
                }
                writer.endObject()
            }
            if outcome.verdict == .ineligible {
                writer.key("unmet")
                writer.beginArray()
                for requirement in outcome.decisiveRequirements { writer.string(requirement.requirement.id) }
                writer.endArray()
            }
            if outcome.verdict == .undetermined {
                writer.key("missing")
                writer.beginArray()
                for question in outcome.missingQuestions { writer.string(question) }
                writer.endArray()
            }
            writer.endObject()
        }
        writer.endObject()
        if !evaluation.scores.isEmpty {
            writer.key("scores")
            writer.beginObject()
            for score in evaluation.scores {
                writer.key(score.score.id)
                writer.beginObject()
                writer.key("value")
                if let value = score.effectiveValue {
                    writer.string(value.description)
                    if let level = BatchTally.levelIndex(of: score) {
                        writer.key("level")
                        writer.integer(level + 1)
                        writer.key("label")
                        writer.string(score.score.levels[level].label.text(in: language))
                    }
                } else {
                    writer.null()
                    writer.key("missing")
                    writer.beginArray()
                    for name in interview.evaluator.pack.questions.map(\.id)
                    where score.computed.missingNames.contains(name) {
                        writer.string(name)
                    }
                    writer.endArray()
                }
                writer.endObject()
            }
            writer.endObject()
        }
        writer.endObject()
    }

    private func write(_ record: RawRecord, _ failure: RowFailure, to writer: inout JSONWriter) {
        beginRow(record, id: failure.id, in: &writer)
        writer.key("skipped")
        writer.boolean(true)
        writer.key("errors")
        writer.beginArray()
        for problem in failure.problems {
            writer.beginObject()
            if let question = problem.questionID {
                writer.key("question")
                writer.string(question)
            }
            if let answer = problem.answer {
                writer.key("answer")
                writer.string(answer)
            }
            writer.key("message")
            writer.string(problem.message)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    /// An answer as it was written, for messages.
    static func written(_ input: AnswerInput) -> String {
        switch input {
        case .text(let text): text
        case .list(let items): items.joined(separator: "; ")
        }
    }

    /// A value exactly: amounts and numbers as plain decimals (`60000`, `1250.5`), percentages
    /// as fractions, anything else as its literal.
    static func exact(_ value: Value) -> String {
        value.decimalValue?.description ?? value.literal
    }
}
