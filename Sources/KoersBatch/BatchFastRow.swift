import KoersCore
import KoersExpression
import KoersInterview
import Synchronization

/// What a task keeps between the rows (and chunks) it evaluates: the readings of values met
/// before and the buffers of a row, so a row makes no strings, dictionaries or arrays of its
/// own on the common path.
struct RowWorkspace: Sendable {
    /// Readings by the bytes of a value, for the fast path.
    var memo: ByteAnswerMemo
    /// Readings by text, for rows that take the full path.
    var textMemo: AnswerMemo
    /// The fields of the row being read.
    var fields: [ScannedField] = []
    /// The known keys seen in the row being read, one bit each.
    var seen: [UInt64] = []
    /// The answers of the row being read, by question position; all `nil` between rows.
    var readings: [AnswerState?]
    /// The last date written and its text.
    var date: CalendarDate?
    var dateText: [UInt8] = []
    /// The task's own interview, compiled again from the pack, and its own writer fragments.
    ///
    /// Deciding a row retains and releases parts of the compiled pack many times. Had the tasks
    /// shared one, each count would move the object's cache line from core to core: with two
    /// jobs, `swift_retain` took 16% of a batch's time against 3% with one.
    let interview: Interview
    let decisionWriter: DecisionWriter

    /// A workspace with its own copy of the interview and of the writer.
    init(copying interview: Interview, language: String, levelMinimums: [[ExactNumber]]) {
        let questionCount = interview.pack.questions.count
        memo = ByteAnswerMemo(questionCount: questionCount)
        textMemo = AnswerMemo(questionCount: questionCount)
        readings = Array(repeating: nil, count: questionCount)
        self.interview = Interview(pack: interview.pack, registry: interview.registry)
        decisionWriter = DecisionWriter(pack: interview.pack, language: language, levelMinimums: levelMinimums)
    }

    /// The text of a date, worked out again only when it differs from the last one.
    mutating func text(of date: CalendarDate) -> [UInt8] {
        if self.date != date {
            self.date = date
            dateText = Array(date.description.utf8)
        }
        return dateText
    }
}

/// The workspaces of a run: a chunk takes one when it starts and gives it back when it is done,
/// so at most one per chunk evaluated at once exists and each is used by one task at a time.
final class RowWorkspacePool: Sendable {
    private let stock = Mutex<[RowWorkspace]>([])

    /// A workspace given back earlier, if any.
    func take() -> RowWorkspace? {
        stock.withLock { $0.popLast() }
    }

    /// Gives a workspace back for the next chunk.
    func give(_ workspace: RowWorkspace) {
        stock.withLock { $0.append(workspace) }
    }
}

/// A row decided on the fast path, for the writers.
struct FastRow {
    /// Where the `_id` lies in the line (a string's content, or a number's literal).
    var id: Range<Int>?
    var decision: Decision
}

extension BatchRowEvaluator {
    /// Decides a plain JSON row (``RowScanner``) whose answers are all accepted, reading each
    /// value through the workspace's memo by its bytes; `nil` when the row needs the full path
    /// (anything unusual in it, a rejected answer, a failed validation), which then reads it
    /// again and reports exactly what is wrong.
    func fastDecision(
        of line: UnsafeBufferPointer<UInt8>,
        workspace: inout RowWorkspace,
        decider: AnswerSetDecider
    ) -> FastRow? {
        guard RowScanner.scan(line, known: decoder.knownKeys, seen: &workspace.seen, into: &workspace.fields) else {
            return nil
        }
        defer {
            for field in workspace.fields where field.key < workspace.readings.count {
                workspace.readings[field.key] = nil
            }
        }
        let questionCount = workspace.readings.count
        var id: Range<Int>?
        var rowDate: CalendarDate?
        for fieldIndex in workspace.fields.indices {
            let field = workspace.fields[fieldIndex]
            if field.key < questionCount {
                switch field.kind {
                case .null: continue
                case .string where field.end - field.start == 2: continue
                default: break
                }
                let value = UnsafeBufferPointer(rebasing: line[field.start..<field.end])
                let reading: ByteAnswerMemo.Reading
                if let known = workspace.memo.reading(of: value, kind: field.kind, question: field.key) {
                    reading = known
                } else {
                    guard let input = input(of: field, in: line) else { return nil }
                    reading = ByteAnswerMemo.Reading(interview.reading(of: input, at: field.key))
                    workspace.memo.remember(reading, of: value, kind: field.kind, question: field.key)
                }
                guard case .accepted(let state) = reading else { return nil }
                workspace.readings[field.key] = state
            } else if field.key == questionCount {
                // `_id`: a string or a number, written as a string.
                switch field.kind {
                case .null: break
                case .string:
                    let content = (field.start + 1)..<(field.end - 1)
                    guard Self.isText(UnsafeBufferPointer(rebasing: line[content])) else { return nil }
                    id = content
                case .number: id = field.start..<field.end
                default: return nil
                }
            } else {
                // `_date`: empty or null for the run's date.
                switch field.kind {
                case .null: break
                case .string where field.end - field.start == 2: break
                case .string:
                    let content = UnsafeBufferPointer(rebasing: line[(field.start + 1)..<(field.end - 1)])
                    guard content.allSatisfy({ $0 < 0x80 }),
                        let date = CalendarDate(iso: String(decoding: content, as: UTF8.self))
                    else { return nil }
                    rowDate = date
                default: return nil
                }
            }
        }
        guard case .success(let decision) = decider.decide(readings: workspace.readings, on: rowDate ?? date) else {
            return nil
        }
        return FastRow(id: id, decision: decision)
    }

    /// A field's value as the decoder makes it into an input, or `nil` when the row must take
    /// the full path (text that is not UTF-8, a number Koers cannot hold).
    private func input(of field: ScannedField, in line: UnsafeBufferPointer<UInt8>) -> AnswerInput? {
        switch field.kind {
        case .string:
            guard let text = Self.text(UnsafeBufferPointer(rebasing: line[(field.start + 1)..<(field.end - 1)])) else {
                return nil
            }
            return decoder.input(.text(text), at: field.key)
        case .number:
            let literal = String(decoding: UnsafeBufferPointer(rebasing: line[field.start..<field.end]), as: UTF8.self)
            guard case .success(let input?) = BatchRowDecoder.answer(of: .number(literal)) else { return nil }
            return decoder.input(input, at: field.key)
        case .trueValue:
            return decoder.input(.boolean(true), at: field.key)
        case .falseValue:
            return decoder.input(.boolean(false), at: field.key)
        case .null:
            return nil
        case .array:
            // The elements as the decoder lists them: strings, numbers as written, truth values
            // as `true`/`false`, `null` left out.
            var items: [String] = []
            var index = field.start + 1
            while index < field.end - 1 {
                let byte = line[index]
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard let scalar = RowScanner.scalarEnd(line, index) else { return nil }
                switch scalar.kind {
                case .string:
                    guard let text = Self.text(UnsafeBufferPointer(rebasing: line[(index + 1)..<(scalar.end - 1)])) else {
                        return nil
                    }
                    items.append(text)
                case .number:
                    items.append(String(decoding: UnsafeBufferPointer(rebasing: line[index..<scalar.end]), as: UTF8.self))
                case .trueValue: items.append("true")
                case .falseValue: items.append("false")
                case .null: break
                case .array: return nil
                }
                index = scalar.end
            }
            return .list(items)
        }
    }

    /// The bytes as a string when they are UTF-8.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Whether the bytes are UTF-8 text.
    private static func isText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 } || String(validating: bytes, as: UTF8.self) != nil
    }
}
