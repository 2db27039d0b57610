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

/// What a financial director asks of the multi-year view: devices counted once (purchase and
/// replacement, no depreciation on top), a discount rate, and payback when the key inputs move.
@Suite struct MultiYearCashViewTests {
    let calculator = MultiYearCalculator()

    /// A € 500 tablet replaced every 3 years, € 510 cash costs and € 780 savings a year.
    static let tablet: [String: Value] = [
        "investment": .money(500), "subsidy": .money(0), "years": .number(7),
        "costs_per_year": .money(510), "savings_per_year": .money(780),
        "replacement_amount": .money(500), "replacement_every_years": .number(3),
    ]

    @Test func devicesAreBoughtAgainWhenTheirLifeEnds() throws {
        let result = calculator.calculate(Self.tablet)
        #expect(result.problems.isEmpty)
        // Net 270 a year; −500 at the start, −500 again at the start of years 4 and 7.
        #expect(result.outputs["cumulative_balances"]?.value
            == .list([-230, 40, 310, 80, 350, 620, 390].map { Value.money($0) }, elementType: .money))
        #expect(try money(result, "total_costs") == 500 + 7 * 510 + 1000)
        #expect(try number(result, "payback_year") == 2)
    }

    @Test func threeYearsOfATabletCostItsPriceOnce() throws {
        var inputs = Self.tablet
        inputs["years"] = .number(3)
        #expect(try money(calculator.calculate(inputs), "total_costs") == 2030)
    }

    @Test func discountingLowersLaterYears() throws {
        var inputs = MultiYearCalculatorTests.example
        inputs["discount_rate"] = .percentage(Decimal(string: "0.1")!)
        let result = calculator.calculate(inputs)
        // −30,000 + 12,000 × (1/1.1 + 1/1.21 + … + 1/1.1^5) = −30,000 + 45,489.44 = 15,489.44.
        #expect(try rounded(money(result, "net_present_value"), 2) == Decimal(string: "15489.44"))
        // Undiscounted payback in year 3; discounted: −19,090.91, −9,173.55, −157.78, 8,038.25 → year 4.
        #expect(try number(result, "payback_year") == 3)
        #expect(try number(result, "discounted_payback_year") == 4)
    }

    @Test func withoutADiscountRateThePresentValueIsTheFinalBalance() throws {
        let result = calculator.calculate(MultiYearCalculatorTests.example)
        #expect(try money(result, "net_present_value") == money(result, "final_balance"))
    }

    @Test func paybackSensitivityToSavingsAndCosts() throws {
        let result = calculator.calculate(MultiYearCalculatorTests.example)
        // Savings 16,000 → net 8,000: −22,000, −14,000, −6,000, 2,000 → year 4.
        #expect(try number(result, "payback_year_savings_minus_20") == 4)
        // Savings 24,000 → net 16,000: −14,000, 2,000 → year 2.
        #expect(try number(result, "payback_year_savings_plus_20") == 2)
        // Costs 6,400 → net 13,600: −16,400, −2,800, 10,800 → year 3.
        #expect(try number(result, "payback_year_costs_minus_20") == 3)
        // Costs 9,600 → net 10,400: −19,600, −9,200, 1,200 → year 3.
        #expect(try number(result, "payback_year_costs_plus_20") == 3)
    }

    @Test func aDiscountRateOf100PercentOrMoreIsAProblem() {
        var inputs = MultiYearCalculatorTests.example
        inputs["discount_rate"] = .percentage(1)
        #expect(calculator.calculate(inputs).problems.map(\.input) == ["discount_rate"])
    }
}
