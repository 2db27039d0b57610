import Foundation

/// What one contact done with the application saves, compared with the usual contact: staff
/// minutes at each role's hourly rate plus avoided out-of-pocket costs (seed 003 extract §3.1:
/// travel time and costs avoided; §7: part of a visit done by a cheaper role under remote
/// supervision).
struct ContactBenefit: Sendable, Hashable {
    /// Hourly rate of the qualified role that normally makes the contact.
    var qualifiedHourlyRate: Decimal
    /// Travel minutes of the qualified role saved per contact.
    var travelMinutesSaved: Decimal
    /// Minutes of the contact itself saved per contact (a shorter or remote contact).
    var visitMinutesSaved: Decimal
    /// Minutes of the contact a cheaper role now does instead of the qualified role.
    var shiftedMinutes: Decimal
    /// Hourly rate of the cheaper role.
    var cheaperHourlyRate: Decimal
    /// Minutes the qualified role spends supervising the cheaper role, per contact.
    var supervisionMinutes: Decimal
    /// Out-of-pocket costs avoided per contact, such as mileage.
    var avoidedCostsPerContact: Decimal
    /// Costs each contact with the application adds, such as data or consumables.
    var extraCostsPerContact: Decimal

    /// Staff cost saved per contact:
    /// (travel + visit) / 60 × qualified rate + shifted / 60 × (qualified − cheaper rate)
    /// − supervision / 60 × qualified rate.
    var staffSavings: Decimal {
        (travelMinutesSaved + visitMinutesSaved) * qualifiedHourlyRate / 60
            + shiftedMinutes * (qualifiedHourlyRate - cheaperHourlyRate) / 60
            - supervisionMinutes * qualifiedHourlyRate / 60
    }

    /// Benefit per contact: staff savings + avoided costs.
    var gross: Decimal { staffSavings + avoidedCostsPerContact }

    /// Net benefit per contact: benefit − extra costs per contact.
    var net: Decimal { gross - extraCostsPerContact }
}
