import Foundation

/// The fixed costs of an e-health application per year: devices depreciated over a number of
/// years, support hours at an hourly rate, subscriptions per month and platform licences per
/// year (quick scan with activity-based costing, seed 003 extract §3.1 and §7).
struct FixedCosts: Sendable, Hashable {
    /// Purchase price per device.
    var devicePrice: Decimal
    /// Number of devices.
    var deviceCount: Decimal
    /// Years the devices are depreciated over (straight line).
    var depreciationYears: Decimal
    /// Support (help desk, device management) hours per week.
    var supportHoursPerWeek: Decimal
    /// Hourly rate of the support staff.
    var supportHourlyRate: Decimal
    /// Price of one subscription per month.
    var subscriptionPerMonth: Decimal
    /// Number of subscriptions.
    var subscriptionCount: Decimal
    /// Platform licences per year.
    var licencesPerYear: Decimal
    /// Weeks in a year of work.
    var weeksPerYear: Decimal
    /// Support hours per client per year (the study counts help desk time per client), on top of
    /// the hours per week.
    var supportHoursPerClientPerYear: Decimal = 0
    /// Number of clients the per-client support hours are for.
    var clientCount: Decimal = 0

    /// Device depreciation per year: price × count / years; `nil` when there are devices to
    /// depreciate but the years are not above zero.
    var devicesPerYear: Decimal? {
        let purchase = devicePrice * deviceCount
        if purchase == 0 { return 0 }
        guard depreciationYears > 0 else { return nil }
        return purchase / depreciationYears
    }

    /// Support hours per year: hours per week × weeks per year + hours per client per year × clients.
    var supportHoursPerYear: Decimal { supportHoursPerWeek * weeksPerYear + supportHoursPerClientPerYear * clientCount }

    /// Support per year: support hours per year × hourly rate.
    var supportPerYear: Decimal { supportHoursPerYear * supportHourlyRate }

    /// Subscriptions per year: price per month × count × 12.
    var subscriptionsPerYear: Decimal { subscriptionPerMonth * subscriptionCount * 12 }

    /// Every fixed cost per year.
    var perYear: Decimal? { devicesPerYear.map { $0 + supportPerYear + subscriptionsPerYear + licencesPerYear } }

    /// The fixed costs paid in cash each year: everything but the depreciation (the devices are
    /// paid once, when bought; depreciation spreads that payment over the years).
    var cashPerYear: Decimal { supportPerYear + subscriptionsPerYear + licencesPerYear }

    /// What the devices cost to buy: price × count.
    var devicePurchase: Decimal { devicePrice * deviceCount }

    /// Fixed costs per month: per year / 12.
    var perMonth: Decimal? { perYear.map { $0 / 12 } }

    /// Fixed costs per week: per year / weeks per year; `nil` when the weeks are not above zero.
    var perWeek: Decimal? {
        guard weeksPerYear > 0 else { return nil }
        return perYear.map { $0 / weeksPerYear }
    }
}
