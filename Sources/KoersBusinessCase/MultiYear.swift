import Foundation

/// A multi-year view of a business case: an investment, less a subsidy, paid back by the
/// yearly savings less the yearly costs.
struct MultiYear: Sendable, Hashable {
    /// The one-off investment.
    var investment: Decimal
    /// The subsidy towards it.
    var subsidy: Decimal
    /// The number of years to look ahead (a whole number from 1).
    var years: Int
    /// Costs per year.
    var costsPerYear: Decimal
    /// Savings per year.
    var savingsPerYear: Decimal

    /// Own contribution: investment − subsidy.
    var ownContribution: Decimal { investment - subsidy }

    /// Net savings per year: savings − costs.
    var netPerYear: Decimal { savingsPerYear - costsPerYear }

    /// The cumulative balance at the end of each year 1…N: −own contribution + k × net per year.
    var cumulativeBalances: [Decimal] {
        guard years > 0 else { return [] }
        return (1...years).map { -ownContribution + Decimal($0) * netPerYear }
    }

    /// The first year whose cumulative balance is zero or more (0 when there is nothing to pay
    /// back), or `nil` when that is not within the years looked at.
    var paybackYear: Int? {
        if ownContribution <= 0 { return 0 }
        return cumulativeBalances.firstIndex { $0 >= 0 }.map { $0 + 1 }
    }
}
