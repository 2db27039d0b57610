public import Foundation
public import KoersCore
public import KoersInterview
import KoersExpression

/// Counts over rows that can be added up chunk by chunk: rows, verdicts per outcome, and the
/// distribution of each score.
///
/// A tally's size depends on the pack, not on the number of rows: scores keep a count per
/// distinct value (a handful for scores made of 1–5 scales), not every value.
public struct BatchTally: Sendable, Hashable {
    /// Rows read (evaluated and skipped).
    public var rowsRead = 0
    /// Rows evaluated.
    public var evaluated = 0
    /// Rows skipped because they were bad.
    public var skipped = 0
    /// For each outcome in pack order, the number of rows per verdict, indexed like
    /// `Verdict.allCases`.
    public var verdicts: [[Int]]
    /// For each score in pack order, its distribution.
    public var scores: [ScoreTally]

    /// An empty tally for a pack.
    ///
    /// - Parameter pack: The pack whose outcomes and scores are counted.
    public init(pack: RulePack) {
        verdicts = Array(repeating: Array(repeating: 0, count: Verdict.allCases.count), count: pack.outcomes.count)
        scores = pack.scores.map { ScoreTally(levelCount: $0.levels.count) }
    }

    /// Counts an evaluated row.
    ///
    /// - Parameters:
    ///   - decision: Its verdicts and scores.
    ///   - pack: The pack, for the scores' levels.
    public mutating func add(_ decision: Decision, in pack: RulePack) {
        add(decision, levelMinimums: Self.levelMinimums(of: pack))
    }

    /// Counts an evaluated row, with each score's level minimums worked out beforehand (see
    /// ``levelMinimums(of:)``): what a batch does for every row.
    mutating func add(_ decision: Decision, levelMinimums: [[ExactNumber]]) {
        rowsRead += 1
        evaluated += 1
        for (index, outcome) in decision.outcomes.enumerated() where index < verdicts.count {
            verdicts[index][Self.verdictIndex(outcome.verdict)] += 1
        }
        for (index, score) in decision.scores.enumerated() where index < scores.count && index < levelMinimums.count {
            let value = Self.effectiveNumber(of: score)
            scores[index].add(value, level: Self.levelIndex(of: value, minimums: levelMinimums[index]))
        }
    }

    /// Every verdict in `Verdict.allCases` order, made once: `allCases` builds its array on
    /// every call, and this runs for every outcome of every row.
    private static let verdictOrder = Verdict.allCases

    /// A verdict's position in `Verdict.allCases`.
    static func verdictIndex(_ verdict: Verdict) -> Int {
        verdictOrder.firstIndex(of: verdict) ?? 0
    }

    /// Counts a skipped row.
    public mutating func addSkipped() {
        rowsRead += 1
        skipped += 1
    }

    /// Adds another tally of the same pack.
    ///
    /// - Parameter other: The tally to add.
    public mutating func merge(_ other: BatchTally) {
        rowsRead += other.rowsRead
        evaluated += other.evaluated
        skipped += other.skipped
        for (index, counts) in other.verdicts.enumerated() where index < verdicts.count {
            for (verdict, count) in counts.enumerated() { verdicts[index][verdict] += count }
        }
        for (index, score) in other.scores.enumerated() where index < scores.count {
            scores[index].merge(score)
        }
    }

    /// The position of the level a value reaches in a score's levels, if any.
    static func levelIndex(of value: Decimal?, in score: Score) -> Int? {
        guard let value else { return nil }
        return score.levels.lastIndex { value >= $0.minimum }
    }

    /// Each score's level minimums as exact numbers, by score and level, so that a row's level
    /// is found without `Decimal` arithmetic.
    static func levelMinimums(of pack: RulePack) -> [[ExactNumber]] {
        pack.scores.map { $0.levels.map { ExactNumber($0.minimum) } }
    }

    /// ``levelIndex(of:in:)`` on exact numbers: the same comparisons, without `Decimal`.
    static func levelIndex(of value: ExactNumber?, minimums: [ExactNumber]) -> Int? {
        guard let value else { return nil }
        return minimums.lastIndex { value >= $0 }
    }

    /// `ScoreDecision.effectiveValue` as an exact number: the override when there is one, else
    /// the computed value.
    static func effectiveNumber(of score: ScoreDecision) -> ExactNumber? {
        if let override = score.override { return ExactNumber(override.value) }
        return score.computed.value?.numberValue
    }
}

/// The distribution of one score over the rows.
public struct ScoreTally: Sendable, Hashable {
    /// How many rows had each value.
    public var counts: [Decimal: Int] {
        Dictionary(exactCounts.map { ($0.key.decimal, $0.value) }, uniquingKeysWith: +)
    }
    /// The same counts by exact number: hashing a `Decimal` for every row cost more than the
    /// rest of the tally, and an exact number has one form for one value.
    private var exactCounts: [ExactNumber: Int] = [:]
    /// Rows where the score could not be computed (answers missing).
    public private(set) var unknown = 0
    /// Rows per level, in the score's level order.
    public private(set) var levels: [Int]
    /// Rows with a value below the lowest level.
    public private(set) var belowLevels = 0

    /// An empty distribution.
    ///
    /// - Parameter levelCount: How many levels the score has.
    public init(levelCount: Int) {
        levels = Array(repeating: 0, count: levelCount)
    }

    /// Counts one row.
    ///
    /// - Parameters:
    ///   - value: The score's effective value, or `nil` when unknown.
    ///   - level: The position of the level it reaches, if any.
    public mutating func add(_ value: Decimal?, level: Int?) {
        add(value.map(ExactNumber.init), level: level)
    }

    /// Counts one row whose value is an exact number; see ``add(_:level:)-(Decimal?,_)``.
    mutating func add(_ value: ExactNumber?, level: Int?) {
        guard let value else {
            unknown += 1
            return
        }
        exactCounts[value, default: 0] += 1
        if let level, level < levels.count { levels[level] += 1 } else { belowLevels += 1 }
    }

    /// Adds another distribution of the same score.
    ///
    /// - Parameter other: The distribution to add.
    public mutating func merge(_ other: ScoreTally) {
        exactCounts.merge(other.exactCounts, uniquingKeysWith: +)
        unknown += other.unknown
        belowLevels += other.belowLevels
        for (index, count) in other.levels.enumerated() where index < levels.count { levels[index] += count }
    }

    /// How many rows had a value.
    public var known: Int { exactCounts.values.reduce(0, +) }
    /// The lowest value, if any.
    public var minimum: Decimal? { exactCounts.keys.min()?.decimal }
    /// The highest value, if any.
    public var maximum: Decimal? { exactCounts.keys.max()?.decimal }

    /// The median value: the middle one, or the mean of the two middle ones.
    public var median: Decimal? {
        let total = known
        guard total > 0 else { return nil }
        let sorted = counts.sorted { $0.key < $1.key }
        func value(at position: Int) -> Decimal {
            var seen = 0
            for (value, count) in sorted {
                seen += count
                if position < seen { return value }
            }
            return sorted[sorted.count - 1].key
        }
        let lower = value(at: (total - 1) / 2)
        let upper = value(at: total / 2)
        return lower == upper ? lower : (lower + upper) / 2
    }
}
