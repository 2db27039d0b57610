import Foundation
import KoersBusinessCase
import KoersCore
import KoersExpression
import Testing

/// The blended-care model against seed 003 §4.3.10 / Tabel 13 (extract
/// maturity-scan-and-costing.md §3.5, Tabel 13 block L8001-8019).
@Suite struct BlendedCareCalculatorTests {
    let calculator = BlendedCareCalculator()

    /// Tabel 13's inputs: € 100/hour, 1,140 norm hours, € 686.07 platform, 30 min/week upkeep,
    /// 25% participation, 25% of sessions online.
    static let tabel13: [String: Value] = [
        "hourly_rate": .money(100),
        "norm_hours_per_year": .number(1140),
        "platform_costs_per_year": .money(Decimal(string: "686.07")!),
        "upkeep_minutes_per_week": .number(30),
        "client_participation": .percentage(Decimal(string: "0.25")!),
        "share_sessions_online": .percentage(Decimal(string: "0.25")!),
        "weeks_per_year": .number(52),
    ]

    @Test func reproducesTabel13ToTheCent() throws {
        let result = calculator.calculate(Self.tabel13)
        #expect(result.problems.isEmpty)
        // "kosten voor technologie € 3.286,07" (L8001-8019).
        #expect(try money(result, "technology_costs_per_year") == Decimal(string: "3286.07"))
        #expect(try money(result, "upkeep_costs_per_year") == 2600)
        // "€ 114.000" capacity.
        #expect(try money(result, "capacity_per_year") == 114_000)
        // 2,88% (2.8825%), 11,53%, 46,12%.
        #expect(try percent(result, "time_saving_all_clients", digits: 2) == Decimal(string: "2.88"))
        #expect(try percent(result, "time_saving_all_clients", digits: 4) == Decimal(string: "2.8825"))
        #expect(try percent(result, "time_saving_participants", digits: 2) == Decimal(string: "11.53"))
        #expect(try percent(result, "required_time_saving", digits: 2) == Decimal(string: "46.12"))
        // "1107 uur" left.
        #expect(try rounded(number(result, "hours_left_per_year"), 2) == Decimal(string: "1107.14"))
        #expect(result.outputs["break_even_feasible"]?.value == .boolean(true))
    }

    /// The extract's own sensitivity runs of the same formula (§3.5, last paragraph).
    @Test(arguments: [
        ("0", "0.25", "0.25", "9.63"), ("15", "0.25", "0.25", "27.87"), ("60", "0.25", "0.25", "82.61"),
        ("30", "0.5", "0.5", "11.53"), ("30", "1", "1", "2.88"),
    ])
    func sensitivityRuns(upkeep: String, participation: String, share: String, expected: String) throws {
        var inputs = Self.tabel13
        inputs["upkeep_minutes_per_week"] = .number(Decimal(string: upkeep)!)
        inputs["client_participation"] = .percentage(Decimal(string: participation)!)
        inputs["share_sessions_online"] = .percentage(Decimal(string: share)!)
        let result = calculator.calculate(inputs)
        #expect(try percent(result, "required_time_saving", digits: 2) == Decimal(string: expected))
    }

    @Test func zeroParticipationIsAProblemNotACrash() {
        var inputs = Self.tabel13
        inputs["client_participation"] = .percentage(0)
        let result = calculator.calculate(inputs)
        #expect(result.problems.map(\.input) == ["client_participation"])
        #expect(result.outputs["required_time_saving"] == nil)
    }

    @Test func moreThanAFullTimeSavingIsNotFeasible() throws {
        var inputs = Self.tabel13
        inputs["upkeep_minutes_per_week"] = .number(120)
        let result = calculator.calculate(inputs)
        #expect(try percent(result, "required_time_saving", digits: 0) > 100)
        #expect(result.outputs["break_even_feasible"]?.value == .boolean(false))
    }

    @Test func withoutParticipationTheCostsAreStillComputed() throws {
        var inputs = Self.tabel13
        inputs["client_participation"] = nil
        let result = calculator.calculate(inputs)
        #expect(try money(result, "technology_costs_per_year") == Decimal(string: "3286.07"))
        #expect(result.problems.isEmpty)
    }
}

// MARK: - Helpers

struct MissingOutput: Error {
    let id: String
}

func money(_ result: CalculatorResult, _ id: String) throws -> Decimal {
    guard case .value(.money(let amount)) = result.outputs[id] else { throw MissingOutput(id: id) }
    return amount.decimal
}

func number(_ result: CalculatorResult, _ id: String) throws -> Decimal {
    guard case .value(.number(let number)) = result.outputs[id] else { throw MissingOutput(id: id) }
    return number.decimal
}

/// A percentage output in percent, rounded half away from zero to some digits.
func percent(_ result: CalculatorResult, _ id: String, digits: Int) throws -> Decimal {
    guard case .value(.percentage(let fraction)) = result.outputs[id] else { throw MissingOutput(id: id) }
    return rounded(fraction.decimal * 100, digits)
}

func rounded(_ value: Decimal, _ digits: Int) -> Decimal {
    var input = value
    var result = Decimal()
    NSDecimalRound(&result, &input, digits, .plain)
    return result
}
