import Foundation
import KoersBusinessCase
import KoersCore
import KoersExpression
import Testing

/// The multi-year view: own contribution, yearly balances and the payback year.
@Suite struct MultiYearCalculatorTests {
    let calculator = MultiYearCalculator()

    static let example: [String: Value] = [
        "investment": .money(50_000), "subsidy": .money(20_000), "years": .number(5),
        "costs_per_year": .money(8_000), "savings_per_year": .money(20_000),
    ]

    @Test func paysBackInTheThirdYear() throws {
        let result = calculator.calculate(Self.example)
        // Own 30,000; net 12,000/yr: −18,000, −6,000, 6,000, 18,000, 30,000.
        #expect(try money(result, "own_contribution") == 30_000)
        #expect(try money(result, "net_savings_per_year") == 12_000)
        #expect(result.outputs["cumulative_balances"]?.value
            == .list([-18_000, -6_000, 6_000, 18_000, 30_000].map { Value.money($0) }, elementType: .money))
        #expect(try number(result, "payback_year") == 3)
        #expect(try money(result, "final_balance") == 30_000)
        #expect(try money(result, "total_costs") == 70_000)
        #expect(try money(result, "total_savings") == 100_000)
        #expect(result.outputs["pays_back"]?.value == .boolean(true))
    }

    @Test func notWithinThePeriod() {
        var inputs = Self.example
        inputs["years"] = .number(2)
        let result = calculator.calculate(inputs)
        #expect(result.outputs["pays_back"]?.value == .boolean(false))
        guard case .notApplicable(let reason) = result.outputs["payback_year"] else {
            Issue.record("expected 'not within the period'")
            return
        }
        #expect(reason.text(in: "en").contains("2 years"))
    }

    @Test func fullySubsidisedPaysBackAtOnce() throws {
        var inputs = Self.example
        inputs["subsidy"] = .money(50_000)
        #expect(try number(calculator.calculate(inputs), "payback_year") == 0)
    }

    @Test(arguments: ["0", "-1", "2.5", "51"])
    func yearsMustBeAWholeNumberFromOne(years: String) {
        var inputs = Self.example
        inputs["years"] = .number(Decimal(string: years)!)
        let result = calculator.calculate(inputs)
        #expect(result.problems.map(\.input) == ["years"])
        #expect(result.outputs["payback_year"] == nil)
    }

    @Test func subsidyAboveInvestmentIsAProblem() {
        var inputs = Self.example
        inputs["subsidy"] = .money(60_000)
        #expect(calculator.calculate(inputs).problems.map(\.input) == ["subsidy"])
    }
}
