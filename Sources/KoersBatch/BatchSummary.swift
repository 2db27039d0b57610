import Foundation
public import KoersCore
import KoersInterview

/// What a whole run did: its counts and how long it took.
public struct BatchSummary: Sendable, Hashable {
    /// The counts over every row.
    public var tally: BatchTally
    /// The time from the start of the run to the last row written.
    public var elapsed: Duration

    /// Creates a summary.
    public init(tally: BatchTally, elapsed: Duration) {
        self.tally = tally
        self.elapsed = elapsed
    }

    /// Rows per second over the whole run.
    public var rate: Double {
        let seconds = elapsed.seconds
        return seconds > 0 ? Double(tally.rowsRead) / seconds : 0
    }

    /// The summary as a few aligned tables for people:
    ///
    /// ```
    /// rows read   8
    /// evaluated   5
    /// skipped     3 (bad rows; see the errors)
    /// time        0.02 s (400 rows/s)
    ///
    /// outcome       eligible  ineligible  undetermined  closed  title
    /// set_regulier         0           5             0       0  SET regulier (groot innovatiecluster)
    ///
    /// score      rows  unknown  min  median  max  levels
    /// readiness     5        0    4       6    9  Beginnend 2, Gevorderd 3
    /// ```
    ///
    /// - Parameters:
    ///   - pack: The pack the run evaluated, for titles and level labels.
    ///   - language: `nl` or `en`.
    /// - Returns: The text, ending in a line break.
    public func report(for pack: RulePack, language: String) -> String {
        var text = ""
        let skippedNote = tally.skipped > 0 ? " (bad rows; see the errors)" : ""
        text += table([
            ["rows read", "\(tally.rowsRead)"],
            ["evaluated", "\(tally.evaluated)"],
            ["skipped", "\(tally.skipped)\(skippedNote)"],
            ["time", Self.format(elapsed.seconds, digits: 2) + " s (" + Self.format(rate, digits: 0) + " rows/s)"],
        ], rightAligned: [])

        if !pack.outcomes.isEmpty {
            var rows = [["outcome"] + Verdict.allCases.map(\.rawValue) + ["title"]]
            for (index, outcome) in pack.outcomes.enumerated() where index < tally.verdicts.count {
                rows.append([outcome.id] + tally.verdicts[index].map(String.init) + [outcome.title.text(in: language)])
            }
            text += "\n" + table(rows, rightAligned: Set(1...Verdict.allCases.count))
        }

        if !pack.scores.isEmpty {
            var rows = [["score", "rows", "unknown", "min", "median", "max", "levels"]]
            for (index, score) in pack.scores.enumerated() where index < tally.scores.count {
                let distribution = tally.scores[index]
                var levels = zip(score.levels, distribution.levels).map { level, count in
                    "\(level.label.text(in: language)) \(count)"
                }
                if distribution.belowLevels > 0 { levels.insert("below the levels \(distribution.belowLevels)", at: 0) }
                rows.append([
                    score.id, "\(distribution.known)", "\(distribution.unknown)",
                    distribution.minimum?.description ?? "-", distribution.median?.description ?? "-",
                    distribution.maximum?.description ?? "-", levels.joined(separator: ", "),
                ])
            }
            text += "\n" + table(rows, rightAligned: [1, 2, 3, 4, 5])
        }
        return text
    }

    private func table(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        var text = ""
        for row in rows {
            let cells = row.enumerated().map { column, cell -> String in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                if rightAligned.contains(column) { return padding + cell }
                return column == row.count - 1 ? cell : cell + padding
            }
            text += cells.joined(separator: "  ") + "\n"
        }
        return text
    }

    static func format(_ value: Double, digits: Int) -> String {
        value.isFinite ? String(format: "%.\(digits)f", value) : "-"
    }
}
