import Foundation

/// A multi-year view of a business case: an investment, less a subsidy, paid back by the
/// yearly savings less the yearly costs, with devices bought again when their life ends and an
/// optional discount rate. Every amount is cash: the devices count when they are paid for, not
/// through depreciation, so nothing is counted twice.
struct MultiYear: Sendable, Hashable {
    /// The one-off investment, paid at the start.
    var investment: Decimal
    /// The subsidy towards it.
    var subsidy: Decimal
    /// The number of years to look ahead (a whole number from 1).
    var years: Int
    /// Costs per year, in cash.
    var costsPerYear: Decimal
    /// Savings per year.
    var savingsPerYear: Decimal
    /// The yearly discount rate as a fraction (0 for none).
    var discountRate: Decimal = 0
    /// What buying the devices again costs when their life ends (0 for nothing to replace).
    var replacementAmount: Decimal = 0
    /// Every how many years the devices are bought again (0 for never).
    var replacementEveryYears: Int = 0

    /// Own contribution: investment − subsidy.
    var ownContribution: Decimal { investment - subsidy }

    /// Net savings per year: savings − costs.
    var netPerYear: Decimal { savingsPerYear - costsPerYear }

    /// The replacement paid at the start of year `year` (1-based): in years 1 + k × life, k ≥ 1.
    func replacement(inYear year: Int) -> Decimal {
        guard replacementEveryYears > 0, year > 1, (year - 1) % replacementEveryYears == 0 else { return 0 }
        return replacementAmount
    }

    /// The cash flow of each year 1…N: net savings − any replacement that year.
    var cashFlows: [Decimal] {
        guard years > 0 else { return [] }
        return (1...years).map { netPerYear - replacement(inYear: $0) }
    }

    /// All replacements within the period.
    var replacements: Decimal {
        guard years > 0 else { return 0 }
        return (1...years).reduce(Decimal(0)) { $0 + replacement(inYear: $1) }
    }

    /// The cumulative balance at the end of each year 1…N: −own contribution + the cash flows
    /// so far.
    var cumulativeBalances: [Decimal] {
        var balance = -ownContribution
        return cashFlows.map { flow in
            balance += flow
            return balance
        }
    }

    /// The cumulative balance with each year's cash flow discounted to today:
    /// −own contribution + Σ flow(k) / (1 + rate)^k.
    var discountedBalances: [Decimal] {
        var balance = -ownContribution
        var factor = Decimal(1)
        return cashFlows.map { flow in
            factor *= 1 + discountRate
            balance += flow / factor
            return balance
        }
    }

    /// The first year whose cumulative balance is zero or more (0 when there is nothing to pay
    /// back), or `nil` when that is not within the years looked at.
    var paybackYear: Int? { Self.firstYear(atOrAboveZero: cumulativeBalances, ownContribution: ownContribution) }

    /// As ``paybackYear``, with the discounted balances.
    var discountedPaybackYear: Int? {
        Self.firstYear(atOrAboveZero: discountedBalances, ownContribution: ownContribution)
    }

    /// The same view with the savings and the costs per year scaled, for a sensitivity table.
    func scaled(savings: Decimal = 1, costs: Decimal = 1) -> MultiYear {
        var copy = self
        copy.savingsPerYear = savingsPerYear * savings
        copy.costsPerYear = costsPerYear * costs
        return copy
    }

    private static func firstYear(atOrAboveZero balances: [Decimal], ownContribution: Decimal) -> Int? {
        if ownContribution <= 0 { return 0 }
        return balances.firstIndex { $0 >= 0 }.map { $0 + 1 }
    }
}
