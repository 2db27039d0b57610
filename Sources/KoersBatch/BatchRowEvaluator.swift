import Foundation
import KoersCore
public import KoersExpression
public import KoersInterview
import KoersPresentation
import KoersSource

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
///
/// A row is decided on the compiled pack without building explanations; with ``explain`` each
/// outcome also gets the reasons a person reads (the sentences of `Explainer` in KoersPresentation).
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
    /// Whether each outcome gets its reasons in words (slower: builds the full evaluation).
    public let explain: Bool
    /// The CSV writer when rows are written as CSV, else `nil` for JSON Lines.
    public let csv: BatchCSVWriter?
    /// Each score's level labels in ``language``, worked out once.
    private let levelLabels: [[String]]
    /// Each score's level minimums as exact numbers, worked out once.
    private let levelMinimums: [[ExactNumber]]
    /// Each outcome's requirement ids and amount ids, by position.
    private let requirementIDs: [[String]]
    private let amountIDs: [[String]]
    /// The outcomes' and scores' ids, by position: read for every row, where copying the pack
    /// to reach them retained each of its fields.
    private let outcomeIDs: [String]
    private let scoreIDs: [String]
    /// What the tasks keep between chunks: readings met before and a row's buffers.
    private let workspaces = RowWorkspacePool()
    /// Whether plain JSON rows take the fast path (``fastDecision(of:workspace:decider:)``);
    /// the tests turn it off to compare with the full path.
    var usesFastPath = true

    /// Creates an evaluator.
    ///
    /// - Parameters:
    ///   - interview: The interview over the pack.
    ///   - decoder: How rows become answers.
    ///   - date: The date for rows without `_date`.
    ///   - language: `nl` or `en`.
    ///   - inputName: The input's name for error messages.
    ///   - explain: Whether to write the reasons of each verdict in words (JSON Lines only).
    ///   - csv: The CSV writer to write rows with, or `nil` for JSON Lines.
    public init(
        interview: Interview,
        decoder: BatchRowDecoder,
        date: CalendarDate,
        language: String,
        inputName: String,
        explain: Bool = false,
        csv: BatchCSVWriter? = nil
    ) {
        self.interview = interview
        self.decoder = decoder
        self.date = date
        self.language = language
        self.inputName = inputName
        self.explain = explain
        self.csv = csv
        let pack = interview.pack
        levelLabels = pack.scores.map { $0.levels.map { $0.label.text(in: language) } }
        levelMinimums = BatchTally.levelMinimums(of: pack)
        requirementIDs = pack.outcomes.map { $0.requirements.map(\.id) }
        amountIDs = pack.outcomes.map { $0.amounts.map(\.id) }
        outcomeIDs = pack.outcomes.map(\.id)
        scoreIDs = pack.scores.map(\.id)
    }

    /// The verdict of one row: decided, or skipped with the reasons.
    public enum RowResult: Sendable {
        /// The row's answers were all accepted and decided.
        case decided(DecodedRow, Decision)
        /// The row was skipped.
        case skipped(RowFailure)
    }

    /// Decodes, checks and decides one row.
    ///
    /// A row with any rejected answer or unknown question is skipped as a whole rather than
    /// evaluated without that answer: a verdict on partial answers would look complete in the
    /// output while it is not.
    ///
    /// - Parameter record: The row as read.
    /// - Returns: The decision, or why the row was skipped.
    public func evaluate(_ record: RawRecord) -> RowResult {
        var memo = AnswerMemo(questionCount: 0)
        return evaluate(record, memo: &memo)
    }

    /// ``evaluate(_:)`` for one row of many, reading typed answers through a memo that the
    /// rows of a chunk share.
    func evaluate(_ record: RawRecord, memo: inout AnswerMemo) -> RowResult {
        let row: DecodedRow
        switch decoder.decode(record) {
        case .failure(let failure): return .skipped(failure)
        case .success(let decoded): row = decoded
        }
        var problems = row.unknownKeys.map { key in
            RowProblem(questionID: key, message: interview.unknownQuestionIssue(key).message.text(in: language))
        }
        switch interview.decide(row.answers, on: row.date ?? date, memo: &memo) {
        case .success(let decision) where problems.isEmpty:
            return .decided(row, decision)
        case .success:
            break
        case .failure(let rejected):
            for issue in rejected.issues {
                let position = interview.evaluator.position(ofQuestion: issue.questionID)
                problems.append(
                    RowProblem(
                        questionID: issue.questionID,
                        answer: position.flatMap { row.answers[$0] }.map(Self.written),
                        message: issue.message.text(in: language)
                    )
                )
            }
        }
        return .skipped(RowFailure(id: row.id, problems: problems))
    }

    /// Processes a chunk of rows.
    ///
    /// - Parameters:
    ///   - records: The rows, in input order.
    ///   - index: The chunk's position in the input.
    /// - Returns: The output lines, error messages and counts of the chunk.
    public func process(_ records: [RawRecord], index: Int) -> BatchChunk {
        var writer = JSONWriter(capacity: records.count * 512)
        var csvBytes: [UInt8] = []
        var diagnostics = ""
        var tally = BatchTally(pack: interview.pack)
        // What earlier chunks' rows read as (rows repeat most of their answers: `ja`, option
        // ids, amounts) and the buffers of a row, kept between the chunks of a task.
        var workspace =
            workspaces.take()
            ?? RowWorkspace(copying: interview, language: language, levelMinimums: levelMinimums)
        // The runs for the chunk's fast rows, one per date: a row changes only the answers that
        // differ from the row before on its date.
        let decider = usesFastPath && !explain ? AnswerSetDecider(interview: workspace.interview, on: date) : nil
        for record in records {
            if let decider, case .json(let bytes) = record.content {
                let fast = bytes.withUnsafeBufferPointer { line -> Bool in
                    guard let row = fastDecision(of: line, workspace: &workspace, decider: decider) else {
                        return false
                    }
                    let dateText = workspace.text(of: row.decision.date)
                    if let csv {
                        let id = row.id.map { String(decoding: UnsafeBufferPointer(rebasing: line[$0]), as: UTF8.self) }
                        csvBytes += csv.write(csvRow(record, id: id, row.decision))
                    } else {
                        writer.withBytes { output in
                            workspace.decisionWriter.write(
                                row: record.row, line: record.line,
                                id: row.id.map { RowID.bytes(UnsafeBufferPointer(rebasing: line[$0])) },
                                date: dateText, decision: row.decision,
                                evaluator: workspace.interview.evaluator, to: &output
                            )
                        }
                    }
                    tally.add(row.decision, levelMinimums: levelMinimums)
                    return true
                }
                if fast { continue }
            }
            switch evaluate(record, memo: &workspace.textMemo) {
            case .decided(let row, let decision):
                if let csv {
                    csvBytes += csv.write(csvRow(record, id: row.id, decision))
                } else {
                    write(record, row, decision, to: &writer)
                    writer.newline()
                }
                tally.add(decision, levelMinimums: levelMinimums)
            case .skipped(let failure):
                if let csv {
                    csvBytes += csv.write(csvRow(record, failure))
                } else {
                    write(record, failure, to: &writer)
                    writer.newline()
                }
                for problem in failure.problems {
                    diagnostics += "\(inputName):\(record.line): error: \(problem)\n"
                }
                tally.addSkipped()
            }
        }
        workspaces.give(workspace)
        let output = csv == nil ? writer.bytes : csvBytes
        return BatchChunk(index: index, output: output, diagnostics: diagnostics, tally: tally)
    }

    /// A decided row for the CSV writer, from the same decision the JSON Lines output shows.
    private func csvRow(_ record: RawRecord, id: String?, _ decision: Decision) -> BatchCSVRow {
        let outcomes = decision.outcomes.enumerated().map { index, outcome in
            var amounts: [String: String?] = [:]
            for amount in outcome.amounts {
                amounts[amountIDs[index][amount.position]] = .some(amount.result.value.map(Self.exact))
            }
            return BatchCSVRow.Outcome(id: outcomeIDs[index], verdict: outcome.verdict.rawValue, amounts: amounts)
        }
        let scores = decision.scores.enumerated().map { index, score in
            let value = BatchTally.effectiveNumber(of: score)
            let level = BatchTally.levelIndex(of: value, minimums: levelMinimums[index]).map { $0 + 1 }
            return BatchCSVRow.Score(id: scoreIDs[index], value: value?.description, level: level)
        }
        return BatchCSVRow(
            row: record.row, line: record.line, id: id, date: decision.date.description,
            outcomes: outcomes, scores: scores
        )
    }

    /// A skipped row for the CSV writer: its reasons as `question: message`.
    private func csvRow(_ record: RawRecord, _ failure: RowFailure) -> BatchCSVRow {
        let errors = failure.problems.map { problem in
            problem.questionID.map { "\($0): \(problem.message)" } ?? problem.message
        }
        return BatchCSVRow(
            row: record.row, line: record.line, id: failure.id, date: nil, errors: errors.isEmpty ? ["skipped"] : errors
        )
    }

    /// Opens a row's output object with what every row has: its number, line and `_id`.
    private func beginRow(_ record: RawRecord, id: String?, in writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("row")
        writer.integer(record.row)
        writer.key("line")
        writer.integer(record.line)
        if let id {
            writer.key(quoting: BatchRowDecoder.idKey)
            writer.string(id)
        }
    }

    private func write(_ record: RawRecord, _ row: DecodedRow, _ decision: Decision, to writer: inout JSONWriter) {
        let evaluator = interview.evaluator
        let explanations = explain ? explanations(of: row, on: decision.date) : [:]
        beginRow(record, id: row.id, in: &writer)
        writer.key("date")
        writer.string(decision.date.description)
        writer.key("outcomes")
        writer.beginObject()
        for (index, outcome) in decision.outcomes.enumerated() {
            writer.key(quoting: outcomeIDs[index])
            writer.beginObject()
            writer.key("verdict")
            writer.string(outcome.verdict.rawValue)
            if !outcome.amounts.isEmpty {
                writer.key("amounts")
                writer.beginObject()
                for amount in outcome.amounts {
                    writer.key(quoting: amountIDs[index][amount.position])
                    if let value = amount.result.value { writer.string(Self.exact(value)) } else { writer.null() }
                }
                writer.endObject()
            }
            if outcome.verdict == .ineligible {
                writer.key("unmet")
                writer.beginArray()
                for (position, state) in outcome.requirements.enumerated() where state == .unmet {
                    writer.string(requirementIDs[index][position])
                }
                writer.endArray()
            }
            if outcome.verdict == .undetermined {
                writer.key("missing")
                writer.beginArray()
                for question in evaluator.questionIDs(outcome.missing) { writer.string(question) }
                writer.endArray()
            }
            if let explanation = explanations[index] {
                writer.key("summary")
                writer.string(explanation.summary)
                writer.key("reasons")
                writer.beginArray()
                for reason in explanation.reasons { writer.string(reason) }
                writer.endArray()
            }
            writer.endObject()
        }
        writer.endObject()
        if !decision.scores.isEmpty {
            writer.key("scores")
            writer.beginObject()
            for (index, score) in decision.scores.enumerated() {
                writer.key(quoting: scoreIDs[index])
                writer.beginObject()
                writer.key("value")
                if let value = BatchTally.effectiveNumber(of: score) {
                    // An exact number writes itself as `Decimal` does.
                    writer.string(value.description)
                    if let level = BatchTally.levelIndex(of: value, minimums: levelMinimums[index]) {
                        writer.key("level")
                        writer.integer(level + 1)
                        writer.key("label")
                        writer.string(levelLabels[index][level])
                    }
                } else {
                    writer.null()
                    writer.key("missing")
                    writer.beginArray()
                    for name in evaluator.questionIDs(score.computed.missing) { writer.string(name) }
                    writer.endArray()
                }
                writer.endObject()
            }
            writer.endObject()
        }
        writer.endObject()
    }

    /// Each outcome's summary and reasons in words, by outcome position: the full evaluation,
    /// built only when asked for.
    private func explanations(of row: DecodedRow, on date: CalendarDate) -> [Int: (summary: String, reasons: [String])] {
        let (answers, _) = interview.answers(from: row.inputs, on: date)
        let evaluation = interview.evaluator.evaluate(answers, on: date)
        let explainer = Explainer(pack: interview.pack, language: language)
        var result: [Int: (summary: String, reasons: [String])] = [:]
        for (index, outcome) in evaluation.outcomes.enumerated() {
            let explanation = explainer.explain(outcome, in: evaluation)
            result[index] = (explanation.summary, explanation.rules.map(\.text))
        }
        return result
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
        case .list(let items): items.joined(separator: "; ")
        case .value(let value): value.literal
        case .dontKnow: "?"
        case .skip: "-"
        case .text, .number, .boolean: input.plainText ?? ""
        }
    }

    /// A value exactly: amounts and numbers as plain decimals (`60000`, `1250.5`), percentages
    /// as fractions, anything else as its literal.
    static func exact(_ value: Value) -> String {
        // An exact number writes itself as `Decimal` does, without making one.
        value.numberValue?.description ?? value.literal
    }
}
