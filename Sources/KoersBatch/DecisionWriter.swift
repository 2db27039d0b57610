import KoersCore
import KoersExpression
import KoersInterview
import KoersSource

/// Writes a decided row as one JSON Lines object straight into a byte buffer, byte for byte what
/// ``JSONWriter`` writes for it, from fragments worked out once per run: each outcome's
/// `"id":{"verdict":`, its amounts' and requirements' quoted ids, each score's opening and level
/// labels. Only the numbers, the `_id`, the date and the values are written per row.
struct DecisionWriter: Sendable {
    /// `"outcome":{"verdict":`, by outcome position (a comma before all but the first).
    private let outcomeOpenings: [[UInt8]]
    /// Each verdict quoted, by `Verdict.allCases` position.
    private let verdicts: [[UInt8]]
    /// `"amount":` by outcome and amount position.
    private let amountKeys: [[[UInt8]]]
    /// `"requirement"` by outcome and requirement position.
    private let requirementIDs: [[[UInt8]]]
    /// `"score":{"value":` by score position (a comma before all but the first).
    private let scoreOpenings: [[UInt8]]
    /// `,"label":"…"}` by score and level position.
    private let levelEndings: [[[UInt8]]]
    /// Each score's level minimums.
    private let levelMinimums: [[ExactNumber]]

    /// Works out the fragments for a pack.
    ///
    /// - Parameters:
    ///   - pack: The pack.
    ///   - language: The language of the level labels.
    ///   - levelMinimums: Each score's level minimums as exact numbers.
    init(pack: RulePack, language: String, levelMinimums: [[ExactNumber]]) {
        func fragment(_ write: (inout JSONWriter) -> Void) -> [UInt8] {
            var writer = JSONWriter()
            write(&writer)
            return writer.bytes
        }
        outcomeOpenings = pack.outcomes.enumerated().map { index, outcome in
            (index > 0 ? [UInt8(ascii: ",")] : []) + fragment { $0.string(outcome.id) } + Array(#":{"verdict":"#.utf8)
        }
        verdicts = Verdict.allCases.map { verdict in fragment { $0.string(verdict.rawValue) } }
        amountKeys = pack.outcomes.map { outcome in
            outcome.amounts.map { amount in fragment { $0.string(amount.id) } + [UInt8(ascii: ":")] }
        }
        requirementIDs = pack.outcomes.map { outcome in
            outcome.requirements.map { requirement in fragment { $0.string(requirement.id) } }
        }
        scoreOpenings = pack.scores.enumerated().map { index, score in
            (index > 0 ? [UInt8(ascii: ",")] : []) + fragment { $0.string(score.id) } + Array(#":{"value":"#.utf8)
        }
        levelEndings = pack.scores.map { score in
            score.levels.map { level in
                Array(#","label":"#.utf8) + fragment { $0.string(level.label.text(in: language)) } + [UInt8(ascii: "}")]
            }
        }
        self.levelMinimums = levelMinimums
    }

    /// Writes one decided row and its line break.
    ///
    /// - Parameters:
    ///   - row: The row's number.
    ///   - line: Its line.
    ///   - id: The `_id`, or `nil` for a row without one.
    ///   - date: The date's text.
    ///   - decision: The decision.
    ///   - evaluator: The pack's evaluator, for the ids of missing questions.
    ///   - bytes: The buffer written to.
    func write(
        row: Int,
        line: Int,
        id: RowID?,
        date: [UInt8],
        decision: Decision,
        evaluator: PackEvaluator,
        to bytes: inout [UInt8]
    ) {
        Self.append(#"{"row":"#, to: &bytes)
        Self.append(row, to: &bytes)
        Self.append(#","line":"#, to: &bytes)
        Self.append(line, to: &bytes)
        switch id {
        case .text(let text)?:
            Self.append(#","_id":"#, to: &bytes)
            JSONString.appendQuoted(text, to: &bytes)
        case .bytes(let raw)?:
            Self.append(#","_id":""#, to: &bytes)
            bytes.append(contentsOf: raw)
            bytes.append(UInt8(ascii: "\""))
        case nil:
            break
        }
        Self.append(#","date":""#, to: &bytes)
        bytes.append(contentsOf: date)
        Self.append(#"","outcomes":{"#, to: &bytes)
        // Fields are read in place, by index: a copy of an outcome (`let outcome = …`) retained
        // and released each of its arrays for every row.
        decision.outcomes.withUnsafeBufferPointer { outcomes in
            for index in outcomes.indices {
                bytes.append(contentsOf: outcomeOpenings[index])
                let verdict = outcomes[index].verdict
                bytes.append(contentsOf: verdicts[BatchTally.verdictIndex(verdict)])
                let amountCount = outcomes[index].amounts.count
                if amountCount > 0 {
                    Self.append(#","amounts":{"#, to: &bytes)
                    for offset in 0..<amountCount {
                        if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                        bytes.append(contentsOf: amountKeys[index][outcomes[index].amounts[offset].position])
                        if case .known(let value) = outcomes[index].amounts[offset].result {
                            JSONString.appendQuoted(BatchRowEvaluator.exact(value), to: &bytes)
                        } else {
                            Self.append("null", to: &bytes)
                        }
                    }
                    bytes.append(UInt8(ascii: "}"))
                }
                if verdict == .ineligible {
                    Self.append(#","unmet":["#, to: &bytes)
                    var first = true
                    for position in outcomes[index].requirements.indices
                    where outcomes[index].requirements[position] == .unmet {
                        if !first { bytes.append(UInt8(ascii: ",")) }
                        first = false
                        bytes.append(contentsOf: requirementIDs[index][position])
                    }
                    bytes.append(UInt8(ascii: "]"))
                }
                if verdict == .undetermined {
                    Self.append(#","missing":["#, to: &bytes)
                    for (offset, question) in evaluator.questionIDs(outcomes[index].missing).enumerated() {
                        if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                        JSONString.appendQuoted(question, to: &bytes)
                    }
                    bytes.append(UInt8(ascii: "]"))
                }
                bytes.append(UInt8(ascii: "}"))
            }
        }
        bytes.append(UInt8(ascii: "}"))
        if !decision.scores.isEmpty {
            Self.append(#","scores":{"#, to: &bytes)
            for index in decision.scores.indices {
                let score = decision.scores[index]
                bytes.append(contentsOf: scoreOpenings[index])
                if let value = BatchTally.effectiveNumber(of: score) {
                    JSONString.appendQuoted(value.description, to: &bytes)
                    if let level = BatchTally.levelIndex(of: value, minimums: levelMinimums[index]) {
                        Self.append(#","level":"#, to: &bytes)
                        Self.append(level + 1, to: &bytes)
                        bytes.append(contentsOf: levelEndings[index][level])
                    } else {
                        bytes.append(UInt8(ascii: "}"))
                    }
                } else {
                    Self.append(#"null,"missing":["#, to: &bytes)
                    for (offset, name) in evaluator.questionIDs(score.computed.missing).enumerated() {
                        if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                        JSONString.appendQuoted(name, to: &bytes)
                    }
                    Self.append("]}", to: &bytes)
                }
            }
            bytes.append(UInt8(ascii: "}"))
        }
        Self.append("}\n", to: &bytes)
    }

    /// A fixed piece of the row, copied from the binary's constant bytes (appending a string's
    /// UTF-8 view went through the generic sequence path for every piece of every row).
    @inline(__always)
    static func append(_ text: StaticString, to bytes: inout [UInt8]) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A whole number in decimal digits, as ``JSONWriter`` writes it (a small string, which
    /// needs no allocation).
    static func append(_ value: Int, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: String(value).utf8)
    }
}

/// A row's `_id` for ``DecisionWriter``: a string, or bytes of the line that are valid UTF-8
/// and need no escapes (the fast path checked them), copied as they are.
enum RowID {
    case text(String)
    case bytes(UnsafeBufferPointer<UInt8>)
}
