import Foundation

/// The time saving blended care needs to pay for its technology (seed 003, §4.3.10 and Tabel 13;
/// extract §3.5): platform costs and the clinician's upkeep time against the clinician's yearly
/// capacity, spread over the clients who take part and the share of sessions that move online.
///
/// required = (platform + upkeep min/week / 60 × weeks × rate) / (rate × norm hours)
///            / (participation × share online)
struct BlendedCare: Sendable, Hashable {
    /// Cost price of a clinician per hour.
    var hourlyRate: Decimal
    /// Norm productivity: a clinician's productive hours per year.
    var normHoursPerYear: Decimal
    /// Platform costs per year (licence, incl. VAT).
    var platformCostsPerYear: Decimal
    /// Minutes a week the clinician spends keeping the technology up.
    var upkeepMinutesPerWeek: Decimal
    /// Share of clients that take part in blended care.
    var participation: Decimal
    /// Share of face-to-face sessions that move online.
    var shareOnline: Decimal
    /// Weeks per year.
    var weeksPerYear: Decimal

    /// Upkeep time at the hourly rate: min/week / 60 × weeks × rate.
    var upkeepCostsPerYear: Decimal { upkeepMinutesPerWeek / 60 * weeksPerYear * hourlyRate }

    /// Technology costs per year: platform + upkeep.
    var technologyCostsPerYear: Decimal { platformCostsPerYear + upkeepCostsPerYear }

    /// A clinician's yearly capacity in money: rate × norm hours; `nil` when it is not above zero.
    var capacityPerYear: Decimal? {
        let capacity = hourlyRate * normHoursPerYear
        return capacity > 0 ? capacity : nil
    }

    /// Hours left for care after paying for the technology in time: norm hours − technology / rate.
    var hoursLeftPerYear: Decimal? {
        guard hourlyRate > 0 else { return nil }
        return normHoursPerYear - technologyCostsPerYear / hourlyRate
    }

    /// Time saving needed over all clients: technology / capacity.
    var savingAllClients: Decimal? { capacityPerYear.map { technologyCostsPerYear / $0 } }

    /// Time saving needed with the clients who take part: over all clients / participation.
    var savingParticipants: Decimal? {
        guard participation > 0 else { return nil }
        return savingAllClients.map { $0 / participation }
    }

    /// Time saving needed per session that moves online: with participants / share online.
    var requiredTimeSaving: Decimal? {
        guard shareOnline > 0 else { return nil }
        return savingParticipants.map { $0 / shareOnline }
    }
}
