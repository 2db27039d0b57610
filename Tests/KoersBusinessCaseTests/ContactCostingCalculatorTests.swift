import Foundation
import KoersBusinessCase
import KoersCore
import KoersExpression
import Testing

/// The per-contact business case: each building block, then the edge cases. The figures are
/// made up for the test (the extract gives no per-contact case figures beyond §3.5) and worked
/// out by hand in the comments.
@Suite struct ContactCostingCalculatorTests {
    let calculator = ContactCostingCalculator()

    /// 10 tablets at € 300 over 3 years = € 1,000/yr; 2 h/week support at € 40 × 52 = € 4,160/yr;
    /// 10 subscriptions at € 15/month = € 1,800/yr; licences € 1,040/yr. Fixed € 8,000/yr =
    /// € 153.846…/week. A nurse at € 52/h saves 20 travel + 10 visit minutes = € 26; a care
    /// assistant at € 34/h does 15 minutes instead (15/60 × 18 = € 4.50) while the nurse
    /// supervises 5 minutes (5/60 × 52 = € 4.333…); € 3 mileage avoided; € 0.50 extra per contact.
    static let example: [String: Value] = [
        "device_price": .money(300), "device_count": .number(10), "depreciation_years": .number(3),
        "support_hours_per_week": .number(2), "support_hourly_rate": .money(40),
        "subscription_per_month": .money(15), "subscription_count": .number(10),
        "licences_per_year": .money(1040), "weeks_per_year": .number(52),
        "qualified_hourly_rate": .money(52), "travel_minutes_saved": .number(20), "visit_minutes_saved": .number(10),
        "shifted_minutes": .number(15), "cheaper_hourly_rate": .money(34), "supervision_minutes": .number(5),
        "avoided_costs_per_contact": .money(3), "extra_costs_per_contact": .money(Decimal(string: "0.5")!),
        "contacts_per_week": .number(20), "contact_capacity_per_week": .number(25),
    ]

    @Test func fixedCosts() throws {
        let result = calculator.calculate(Self.example)
        #expect(result.problems.isEmpty)
        #expect(try money(result, "device_costs_per_year") == 1000)
        #expect(try money(result, "support_costs_per_year") == 4160)
        #expect(try money(result, "subscription_costs_per_year") == 1800)
        #expect(try money(result, "fixed_costs_per_year") == 8000)
        #expect(try rounded(money(result, "fixed_costs_per_month"), 2) == Decimal(string: "666.67"))
        #expect(try rounded(money(result, "fixed_costs_per_week"), 2) == Decimal(string: "153.85"))
    }

    @Test func benefitPerContact() throws {
        let result = calculator.calculate(Self.example)
        // 26 + 4.50 − 4.333… = 26.1666…; + 3 = 29.1666…; − 0.50 = 28.6666…
        #expect(try rounded(money(result, "staff_savings_per_contact"), 2) == Decimal(string: "26.17"))
        #expect(try rounded(money(result, "benefit_per_contact"), 2) == Decimal(string: "29.17"))
        #expect(try rounded(money(result, "net_benefit_per_contact"), 2) == Decimal(string: "28.67"))
    }

    @Test func periodsAndBalance() throws {
        let result = calculator.calculate(Self.example)
        // Benefits 20 × 29.1666… = 583.33/week, × 52 = 30,333.33/yr; costs 153.846… + 10 = 163.846…/week
        // = 8,520/yr; balance (20 × 28.666… − 153.846…) × 52 = 21,813.33.
        #expect(try rounded(money(result, "benefit_per_week"), 2) == Decimal(string: "583.33"))
        #expect(try rounded(money(result, "benefit_per_year"), 2) == Decimal(string: "30333.33"))
        #expect(try rounded(money(result, "benefit_per_month"), 2) == Decimal(string: "2527.78"))
        #expect(try rounded(money(result, "costs_per_year"), 2) == 8520)
        #expect(try rounded(money(result, "costs_per_contact"), 2) == Decimal(string: "8.19"))
        #expect(try rounded(money(result, "balance_per_year"), 2) == Decimal(string: "21813.33"))
    }

    @Test func breakEvenAndCapacityShare() throws {
        let result = calculator.calculate(Self.example)
        // 153.846… / 28.666… = 5.37 → 6 contacts per week; 6 / 25 = 24%.
        #expect(try number(result, "break_even_contacts_per_week") == 6)
        #expect(result.outputs["break_even_possible"]?.value == .boolean(true))
        #expect(try percent(result, "break_even_capacity_share", digits: 2) == 24)
    }

    @Test func breakEvenRoundsUpEvenWhenJustOver() throws {
        var inputs = Self.example
        // Fixed € 52/yr = € 1/week, net benefit € 0.99… per contact → 2 contacts, not 1.
        inputs = inputs.merging([
            "device_count": .number(0), "support_hours_per_week": .number(0), "subscription_count": .number(0),
            "licences_per_year": .money(52), "travel_minutes_saved": .number(0), "visit_minutes_saved": .number(0),
            "shifted_minutes": .number(0), "supervision_minutes": .number(0),
            "avoided_costs_per_contact": .money(Decimal(string: "1.49")!),
        ]) { $1 }
        let result = calculator.calculate(inputs)
        #expect(try number(result, "break_even_contacts_per_week") == 2)
    }

    @Test(arguments: ["0", "-1.5"])
    func noNetBenefitNeverBreaksEven(avoided: String) throws {
        var inputs = Self.example
        inputs = inputs.merging([
            "travel_minutes_saved": .number(0), "visit_minutes_saved": .number(0), "shifted_minutes": .number(0),
            "supervision_minutes": .number(0), "extra_costs_per_contact": .money(0),
            "avoided_costs_per_contact": .money(Decimal(string: avoided)!),
        ]) { $1 }
        let result = calculator.calculate(inputs)
        #expect(result.problems.isEmpty)
        #expect(result.outputs["break_even_possible"]?.value == .boolean(false))
        guard case .notApplicable(let reason) = result.outputs["break_even_contacts_per_week"] else {
            Issue.record("expected 'never'")
            return
        }
        #expect(reason.text(in: "en").hasPrefix("Never"))
        guard case .notApplicable = result.outputs["break_even_capacity_share"] else {
            Issue.record("expected no capacity share")
            return
        }
    }

    @Test func zeroDepreciationYearsWithDevicesIsAProblem() {
        var inputs = Self.example
        inputs["depreciation_years"] = .number(0)
        let result = calculator.calculate(inputs)
        #expect(result.problems.map(\.input) == ["depreciation_years"])
        #expect(result.outputs["fixed_costs_per_year"] == nil)
        #expect(result.outputs["break_even_contacts_per_week"] == nil)
    }

    @Test func negativeYearsAreAProblem() {
        var inputs = Self.example
        inputs["depreciation_years"] = .number(-2)
        let result = calculator.calculate(inputs)
        #expect(result.problems.map(\.input).contains("depreciation_years"))
    }

    @Test func zeroContactsHaveNoCostPerContact() throws {
        var inputs = Self.example
        inputs["contacts_per_week"] = .number(0)
        let result = calculator.calculate(inputs)
        guard case .notApplicable = result.outputs["costs_per_contact"] else {
            Issue.record("expected no cost per contact")
            return
        }
        #expect(try number(result, "break_even_contacts_per_week") == 6)
    }

    @Test func zeroCapacityIsAProblem() {
        var inputs = Self.example
        inputs["contact_capacity_per_week"] = .number(0)
        let result = calculator.calculate(inputs)
        #expect(result.problems.map(\.input) == ["contact_capacity_per_week"])
    }

    @Test func everyOutputNamesOnlyDeclaredInputs() {
        let inputIDs = Set(calculator.inputs.map(\.id))
        for output in calculator.outputs {
            #expect(Set(output.inputs).isSubset(of: inputIDs), "\(output.id)")
            #expect(!output.formula.text(in: "nl").isEmpty && !output.formula.text(in: "en").isEmpty)
        }
        for input in calculator.inputs {
            #expect(!input.unit.text(in: "nl").isEmpty && !input.help.text(in: "en").isEmpty)
        }
    }
}

/// What a financial director asks of the per-contact business case: support per client per
/// year, decimal capacities, cash saved apart from staff time freed, and break-even when the key
/// inputs move 20%.
@Suite struct ContactCostingForDirectorsTests {
    let calculator = ContactCostingCalculator()

    @Test func supportPerClientPerYearAddsToTheHoursPerWeek() throws {
        var inputs = ContactCostingCalculatorTests.example
        inputs["support_hours_per_client_per_year"] = .number(Decimal(string: "1.5")!)
        inputs["client_count"] = .number(40)
        let result = calculator.calculate(inputs)
        // 2 × 52 + 1.5 × 40 = 164 hours at € 40.
        #expect(try number(result, "support_hours_per_year") == 164)
        #expect(try money(result, "support_costs_per_year") == 6560)
    }

    @Test func aDecimalCapacityIsUsedAsIs() throws {
        var inputs = ContactCostingCalculatorTests.example
        inputs["contact_capacity_per_week"] = .number(Decimal(string: "33.6")!)
        let result = calculator.calculate(inputs)
        // 6 contacts of 33.6: 17.857…%.
        let share = try #require(result.outputs["break_even_capacity_share"]?.value?.decimalValue)
        #expect(rounded(share * 100, 2) == Decimal(string: "17.86"))
    }

    @Test func cashSavedIsApartFromStaffTimeFreed() throws {
        let result = calculator.calculate(ContactCostingCalculatorTests.example)
        // Cash: (3 − 0.50) × 20 × 52 = 2,600 against 7,000 cash fixed costs (no depreciation).
        #expect(try money(result, "cash_savings_per_year") == 2600)
        #expect(try money(result, "cash_fixed_costs_per_year") == 7000)
        #expect(try money(result, "cash_balance_per_year") == -4400)
        #expect(try money(result, "device_purchase") == 3000)
        // Time: (20 + 10 + 15 − 5) / 60 × 20 × 52 = 693.33 nurse hours, 260 care-assistant hours.
        #expect(try rounded(number(result, "qualified_hours_freed_per_year"), 2) == Decimal(string: "693.33"))
        #expect(try number(result, "cheaper_role_hours_per_year") == 260)
        // Valued at the rates: 26.1666… × 1,040 = 27,213.33.
        #expect(try rounded(money(result, "staff_time_value_per_year"), 2) == Decimal(string: "27213.33"))
    }

    @Test func freedHoursInFTE() throws {
        var inputs = ContactCostingCalculatorTests.example
        inputs["hours_per_fte_per_year"] = .number(1040)
        let result = calculator.calculate(inputs)
        #expect(try rounded(number(result, "qualified_fte_freed"), 4) == Decimal(string: "0.6667"))
        inputs["hours_per_fte_per_year"] = .number(0)
        #expect(calculator.calculate(inputs).problems.map(\.input) == ["hours_per_fte_per_year"])
    }

    @Test func breakEvenSensitivity() throws {
        let result = calculator.calculate(ContactCostingCalculatorTests.example)
        // Fixed 153.846…/week, net 28.666… per contact: 5.37 → 6 at the base.
        // Fixed −20%: 123.08 / 28.67 = 4.29 → 5; +20%: 184.62 / 28.67 = 6.44 → 7.
        #expect(try number(result, "break_even_fixed_costs_minus_20") == 5)
        #expect(try number(result, "break_even_fixed_costs_plus_20") == 7)
        // Benefit −20%: 0.8 × 29.1666… − 0.5 = 22.83 → 6.74 → 7; +20%: 34.5 → 4.46 → 5.
        #expect(try number(result, "break_even_benefit_minus_20") == 7)
        #expect(try number(result, "break_even_benefit_plus_20") == 5)
    }

    @Test func aSensitivityWithoutNetBenefitIsNeverNotNaN() throws {
        var inputs = ContactCostingCalculatorTests.example
        // Benefit € 3 per contact (mileage only, no staff time), extra costs € 2.80: the base
        // breaks even (net € 0.20), −20% (€ 2.40 − € 2.80) never does.
        inputs["travel_minutes_saved"] = .number(0)
        inputs["visit_minutes_saved"] = .number(0)
        inputs["shifted_minutes"] = .number(0)
        inputs["supervision_minutes"] = .number(0)
        inputs["extra_costs_per_contact"] = .money(Decimal(string: "2.8")!)
        let result = calculator.calculate(inputs)
        guard case .notApplicable(let reason) = result.outputs["break_even_benefit_minus_20"] else {
            Issue.record("expected 'never'")
            return
        }
        #expect(reason.text(in: "en").hasPrefix("Never"))
        #expect(try number(result, "break_even_benefit_plus_20") > 0)
    }
}
