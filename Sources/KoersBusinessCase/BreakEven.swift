import Foundation

/// The number of contacts per week at which the savings pay for the fixed costs.
enum BreakEven: Sendable, Hashable {
    /// This many contacts per week (a whole number, rounded up).
    case contacts(Decimal)
    /// Never: each contact saves nothing or costs more than it saves.
    case never

    /// The break-even point: fixed costs per week / net benefit per contact, rounded up;
    /// ``never`` when the net benefit per contact is zero or less while there are fixed costs
    /// (with no fixed costs, zero contacts break even).
    ///
    /// - Parameters:
    ///   - fixedCostsPerWeek: The fixed costs per week.
    ///   - netBenefitPerContact: The net benefit per contact.
    init(fixedCostsPerWeek: Decimal, netBenefitPerContact: Decimal) {
        guard netBenefitPerContact > 0 else {
            self = fixedCostsPerWeek <= 0 ? .contacts(0) : .never
            return
        }
        self = .contacts(Swift.max(0, (fixedCostsPerWeek / netBenefitPerContact).roundedUp))
    }

    /// The share of a worker's weekly client-contact capacity the break-even contacts take;
    /// `nil` when break-even is never reached.
    ///
    /// - Parameter capacityPerWeek: Contacts per week one worker has for clients (above zero).
    /// - Returns: The share as a fraction.
    func share(ofCapacity capacityPerWeek: Decimal) -> Decimal? {
        guard case .contacts(let contacts) = self, capacityPerWeek > 0 else { return nil }
        return contacts / capacityPerWeek
    }
}
