import Foundation
import KoersCore
import KoersExpression

/// A small, fast, deterministic random number generator (SplitMix64), so every run of the
/// benchmark evaluates the same rows.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with the given probability.
    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    /// A whole number in a range.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }
}

/// Realistic, varied answer sets for a pack, written as JSON Lines the way people and exports
/// write them: `ja`/`nee` and `true`, `€ 30.000` and `30000`, lists and comma-separated choices,
/// some "don't know", some half-filled forms, some rows with their own `_date`, and about one
/// row in a thousand with an answer that is rejected.
///
/// Answers follow each question's type; for the eligibility pack the budget questions are
/// consistent (the categories add up to the stated total, e-health stays near its 20% limit),
/// so every verdict occurs.
struct SyntheticAnswers {
    let pack: RulePack
    let seed: UInt64

    private static let dates = ["2019-10-01", "2020-04-15", "2020-09-15", "2021-03-01", "2022-09-01"]
    private static let budget = ["pm_costs", "implementation_costs", "ehealth_costs", "training_costs"]

    /// Writes `rows` rows to a file, streaming, and returns the file's size in bytes.
    func write(rows: Int, to url: URL) throws -> Int {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var generator = SplitMix64(seed: seed)
        var buffer = ""
        var size = 0
        for index in 1...max(1, rows) {
            buffer += row(index, using: &generator)
            buffer += "\n"
            if buffer.utf8.count > 1 << 20 {
                size += buffer.utf8.count
                try handle.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
        }
        size += buffer.utf8.count
        try handle.write(contentsOf: Data(buffer.utf8))
        return size
    }

    /// One row as a JSON object on one line.
    func row(_ index: Int, using generator: inout SplitMix64) -> String {
        let number = String(index)
        var fields: [(String, String)] = [("_id", quoted("p-" + String(repeating: "0", count: max(0, 6 - number.count)) + number))]
        if generator.chance(0.3) {
            fields.append(("_date", quoted(Self.dates[generator.int(0...Self.dates.count - 1)])))
        }
        // One form in eight is half-filled: it stops somewhere along the questions.
        let stopAt = generator.chance(0.125) ? generator.int(1...max(1, pack.questions.count - 1)) : pack.questions.count
        let budget = Budget(using: &generator)
        let rejected = generator.chance(0.001) ? generator.int(0...max(0, pack.questions.count - 1)) : -1
        for (position, question) in pack.questions.prefix(stopAt).enumerated() {
            if position == rejected, question.valueType != .text {
                fields.append((question.id, quoted("veel")))
                continue
            }
            if question.allowsUnknown, generator.chance(0.04) {
                fields.append((question.id, quoted(generator.chance(0.5) ? "weet niet" : "?")))
                continue
            }
            if question.isOptional, generator.chance(0.1) {
                fields.append((question.id, quoted("-")))
                continue
            }
            if let value = answer(to: question, budget: budget, using: &generator) {
                fields.append((question.id, value))
            }
        }
        var line = "{"
        for (offset, field) in fields.enumerated() {
            if offset > 0 { line += "," }
            line += quoted(field.0) + ":" + field.1
        }
        return line + "}"
    }

    /// A JSON value answering a question, or `nil` to leave it unanswered.
    private func answer(to question: Question, budget: Budget, using generator: inout SplitMix64) -> String? {
        let options = question.options.map(\.id)
        switch question.id {
        case "scheme" where !options.isEmpty:
            let pick = generator.int(0...99)
            let chosen: [String] =
                if pick < 60 { ["set"] } else if pick < 72 { ["preset"] } else if pick < 87 { ["set", "preset"] }
                else if pick < 95 { ["covid19"] } else { ["set", "covid19"] }
            return choices(chosen.filter(options.contains), multiple: question.typeID == "multiple_choice", using: &generator)
        case "purchaser_partners" where !options.isEmpty:
            let purchasers = options.filter { $0 != "geen" }
            var chosen = purchasers.filter { _ in generator.chance(0.45) }
            if chosen.isEmpty { chosen = generator.chance(0.7) ? [purchasers[generator.int(0...purchasers.count - 1)]] : ["geen"] }
            return choices(chosen, multiple: true, using: &generator)
        case "stated_total_costs":
            return money(generator.chance(0.95) ? budget.total : budget.total + 5_000, using: &generator)
        case let id where Self.budget.contains(id):
            return money(budget.amounts[id] ?? 0, using: &generator)
        case "duration_months":
            return String(generator.int(6...42))
        case "own_contribution_committed":
            return money(budget.total / 2 + (generator.chance(0.9) ? 0 : -10_000), using: &generator)
        case "covid2_ehealth_costs":
            return money(3_000, using: &generator)
        default:
            break
        }
        switch question.typeID {
        case "boolean":
            let yes = generator.chance(0.85)
            switch generator.int(0...3) {
            case 0: return yes ? "true" : "false"
            case 1: return quoted(yes ? "Ja" : "Nee")
            default: return quoted(yes ? "ja" : "nee")
            }
        case "single_choice":
            guard !options.isEmpty else { return nil }
            return quoted(options[generator.int(0...options.count - 1)])
        case "multiple_choice":
            guard !options.isEmpty else { return nil }
            var chosen = options.filter { _ in generator.chance(0.4) }
            if chosen.isEmpty { chosen = [options[0]] }
            return choices(chosen, multiple: true, using: &generator)
        case "money":
            return money(Decimal(generator.int(1...120) * 500), using: &generator)
        case "integer":
            let lower = question.minimum?.decimalValue.map { NSDecimalNumber(decimal: $0).intValue } ?? 1
            return String(generator.int(max(0, lower)...max(lower, 500)))
        case "decimal":
            return String(generator.int(1...1000)) + ".5"
        case "percentage":
            return quoted("\(generator.int(0...100))%")
        case "scale":
            return String(generator.int(1...5))
        case "date":
            return quoted("2023-12-31")
        case "text":
            return quoted("Project \(generator.int(1...999))")
        default:
            return nil
        }
    }

    private func choices(_ chosen: [String], multiple: Bool, using generator: inout SplitMix64) -> String {
        guard multiple else { return quoted(chosen.first ?? "") }
        if generator.chance(0.5) { return "[" + chosen.map(quoted).joined(separator: ",") + "]" }
        return quoted(chosen.joined(separator: ", "))
    }

    /// An amount written as people do: `€ 30.000`, `30000` as a number, or `30.000,-`.
    private func money(_ amount: Decimal, using generator: inout SplitMix64) -> String {
        let whole = NSDecimalNumber(decimal: amount).intValue
        switch generator.int(0...9) {
        case 0...3: return String(whole)
        case 4...7: return quoted("€ " + grouped(whole))
        case 8: return quoted(grouped(whole) + ",-")
        default: return quoted(String(whole))
        }
    }

    private func grouped(_ value: Int) -> String {
        let digits = Array(String(abs(value)))
        var text = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { text += "." }
            text.append(digit)
        }
        return (value < 0 ? "-" : "") + text
    }

    private func quoted(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            return "\"" + text + "\""
        }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// A project budget whose categories add up, with e-health mostly within 20% of the total.
private struct Budget {
    var amounts: [String: Decimal]
    var total: Decimal

    init(using generator: inout SplitMix64) {
        let management = generator.int(4...120) * 1_000
        let implementation = generator.int(10...600) * 1_000
        let training = generator.int(2...150) * 1_000
        let others = management + implementation + training
        // e-health at 5% to 30% of the others: mostly within the 20%-of-total limit, not always.
        let ehealth = others * generator.int(5...30) / 100 / 500 * 500
        amounts = [
            "pm_costs": Decimal(management), "implementation_costs": Decimal(implementation),
            "ehealth_costs": Decimal(ehealth), "training_costs": Decimal(training),
        ]
        total = Decimal(others + ehealth)
    }
}
