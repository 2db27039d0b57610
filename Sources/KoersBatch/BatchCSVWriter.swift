import Foundation
public import KoersCore

/// What the CSV output needs of one row: deliberately narrow, so that whatever evaluates rows
/// can hand it over without the writer knowing about evaluations.
public struct BatchCSVRow: Sendable, Hashable {
    /// One outcome of an evaluated row.
    public struct Outcome: Sendable, Hashable {
        /// The outcome id.
        public var id: String
        /// The verdict's raw value: `eligible`, `ineligible`, `undetermined` or `closed`.
        public var verdict: String
        /// The amounts by id as exact decimal strings (`60000`, `0.2`); `nil` when unknown.
        public var amounts: [String: String?]

        /// Creates an outcome.
        public init(id: String, verdict: String, amounts: [String: String?] = [:]) {
            self.id = id
            self.verdict = verdict
            self.amounts = amounts
        }
    }

    /// One score of an evaluated row.
    public struct Score: Sendable, Hashable {
        /// The score id.
        public var id: String
        /// The effective value as an exact decimal string; `nil` when unknown.
        public var value: String?
        /// The level reached, from 1, when the score has levels and a value.
        public var level: Int?

        /// Creates a score.
        public init(id: String, value: String?, level: Int? = nil) {
            self.id = id
            self.value = value
            self.level = level
        }
    }

    /// The row number in the input, from 1.
    public var row: Int
    /// The line of the input the row starts on.
    public var line: Int
    /// The row's `_id`, if it has one.
    public var id: String?
    /// The evaluation date, `YYYY-MM-DD`; `nil` for a skipped row.
    public var date: String?
    /// The outcomes; empty for a skipped row.
    public var outcomes: [Outcome]
    /// The scores; empty for a skipped row.
    public var scores: [Score]
    /// Why the row was skipped; empty when it was evaluated.
    public var errors: [String]

    /// Creates a row.
    public init(
        row: Int, line: Int, id: String?, date: String?, outcomes: [Outcome] = [], scores: [Score] = [],
        errors: [String] = []
    ) {
        self.row = row
        self.line = line
        self.id = id
        self.date = date
        self.outcomes = outcomes
        self.scores = scores
        self.errors = errors
    }
}

/// Writes batch results as CSV (RFC 4180, UTF-8, CRLF line ends) for a spreadsheet: one header
/// row, then one row per input row in input order.
///
/// The columns come from the pack, so every row has the same ones whatever was decided:
/// `row`, `line`, `_id`, `date`, `status` (`evaluated` or `skipped`), then per outcome a column
/// with its id holding the verdict and a column `<outcome>.<amount>` per amount, then per score a
/// column with its id holding the value and `<score>.level` holding the level (from 1), and last
/// `errors` (the reasons a row was skipped, separated by ` | `). Numbers are exact decimals with a
/// point (`62500`, `0.2`); an unknown value is an empty cell. Text cells that a spreadsheet would
/// run as a formula (starting with `=`, `+`, `-`, `@`) get a leading `'`.
public struct BatchCSVWriter: Sendable {
    /// The header cells, in column order.
    public let columns: [String]
    private let outcomes: [(id: String, amounts: [String])]
    private let scores: [String]

    /// Creates a writer with the columns of a pack.
    ///
    /// - Parameter pack: The pack the rows are evaluated against.
    public init(pack: RulePack) {
        outcomes = pack.outcomes.map { ($0.id, $0.amounts.map(\.id)) }
        scores = pack.scores.map(\.id)
        var columns = ["row", "line", "_id", "date", "status"]
        for outcome in outcomes {
            columns.append(outcome.id)
            columns += outcome.amounts.map { "\(outcome.id).\($0)" }
        }
        for score in scores {
            columns += [score, "\(score).level"]
        }
        columns.append("errors")
        self.columns = columns
    }

    /// The header row, with its line end.
    public func header() -> [UInt8] {
        Array(Self.line(columns.map(Self.escape)).utf8)
    }

    /// One row, with its line end.
    ///
    /// - Parameter row: The row's results.
    /// - Returns: The CSV bytes.
    public func write(_ row: BatchCSVRow) -> [UInt8] {
        let skipped = !row.errors.isEmpty
        var cells = [
            String(row.row), String(row.line), Self.text(row.id ?? ""), row.date ?? "", skipped ? "skipped" : "evaluated",
        ]
        let outcomesByID = Dictionary(row.outcomes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for outcome in outcomes {
            let result = outcomesByID[outcome.id]
            cells.append(result?.verdict ?? "")
            for amount in outcome.amounts {
                cells.append(Self.escape((result?.amounts[amount] ?? nil) ?? ""))
            }
        }
        let scoresByID = Dictionary(row.scores.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for score in scores {
            let result = scoresByID[score]
            cells.append(Self.escape(result?.value ?? ""))
            cells.append(result?.level.map(String.init) ?? "")
        }
        cells.append(Self.text(row.errors.joined(separator: " | ")))
        return Array(Self.line(cells).utf8)
    }

    private static func line(_ cells: [String]) -> String {
        cells.joined(separator: ",") + "\r\n"
    }

    /// A cell quoted as RFC 4180 asks: in double quotes, doubled inside, when it holds a comma,
    /// a quote or a line end.
    static func escape(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A free-text cell (an `_id`, error messages): escaped, and kept from being run as a
    /// spreadsheet formula.
    static func text(_ cell: String) -> String {
        guard let first = cell.first, "=+-@\t\r".contains(first) else { return escape(cell) }
        return escape("'" + cell)
    }
}

/// The formats a batch run can write.
public enum BatchOutputFormat: String, Sendable, Hashable, CaseIterable {
    /// One JSON object per row (the default).
    case jsonLines = "jsonl"
    /// CSV for a spreadsheet (``BatchCSVWriter``).
    case csv

    /// The format a file name suggests: `.csv` for CSV, JSON Lines for anything else.
    ///
    /// - Parameter path: The output's path, or `nil` for standard output.
    public init(fileName path: String?) {
        self = path?.lowercased().hasSuffix(".csv") == true ? .csv : .jsonLines
    }
}
