public import KoersCore
public import KoersExpression
import Foundation

/// A multi-year view of a business case: investment, subsidy, own contribution, yearly costs
/// and savings, the cumulative balance per year and the payback year.
public struct MultiYearCalculator: Calculator {
    /// `multi_year`.
    public let id = "multi_year"

    /// The longest view it computes, in years.
    public static let maximumYears = 50

    /// Creates the calculator.
    public init() {}

    /// "Multi-year business case".
    public var title: LocalizedText { text("Meerjarige business case", "Multi-year business case") }

    /// What it computes.
    public var summary: LocalizedText {
        text(
            "De investering min subsidie (eigen bijdrage), terugverdiend met de besparingen min de kosten per jaar: "
                + "het saldo per jaar en het jaar waarin de eigen bijdrage is terugverdiend.",
            "The investment less subsidy (own contribution), paid back by the savings less the costs per year: "
                + "the balance per year and the year the own contribution has been paid back."
        )
    }

    /// The inputs.
    public var inputs: [CalculatorInput] {
        [
            CalculatorInput(
                id: "investment", valueType: .money, unit: Unit.euro,
                title: text("Investering", "Investment"),
                help: text("Eenmalige kosten bij de start: aanschaf, implementatie, scholing.",
                           "One-off costs at the start: purchase, implementation, training.")),
            CalculatorInput(
                id: "subsidy", valueType: .money, unit: Unit.euro,
                title: text("Subsidie", "Subsidy"),
                help: text("Subsidie voor de investering (bijvoorbeeld SET); 0 als er geen is.",
                           "Subsidy towards the investment (for example SET); 0 if there is none."),
                defaultValue: .money(0)),
            CalculatorInput(
                id: "years", valueType: .number, unit: Unit.years,
                title: text("Looptijd", "Period"),
                help: text("Over hoeveel jaar de business case wordt bekeken: een heel getal van 1 tot 50.",
                           "Over how many years the business case is viewed: a whole number from 1 to 50.")),
            CalculatorInput(
                id: "costs_per_year", valueType: .money, unit: Unit.euroPerYear,
                title: text("Kosten per jaar", "Costs per year"),
                help: text("Terugkerende kosten per jaar (afschrijving, beheer, abonnementen, licenties).",
                           "Recurring costs per year (depreciation, management, subscriptions, licences).")),
            CalculatorInput(
                id: "savings_per_year", valueType: .money, unit: Unit.euroPerYear,
                title: text("Besparingen per jaar", "Savings per year"),
                help: text("Baten per jaar: bespaarde personeelskosten en vermeden kosten.",
                           "Benefits per year: staff costs saved and costs avoided.")),
        ]
    }

    /// The results, each with its formula.
    public var outputs: [CalculatorOutput] {
        let all = ["investment", "subsidy", "years", "costs_per_year", "savings_per_year"]
        let net = ["costs_per_year", "savings_per_year"]
        return [
            declare("own_contribution", .money, Unit.euro,
                   text("Eigen bijdrage", "Own contribution"),
                   text("investering − subsidie", "investment − subsidy"), ["investment", "subsidy"]),
            declare("net_savings_per_year", .money, Unit.euroPerYear,
                   text("Netto besparing per jaar", "Net savings per year"),
                   text("besparingen per jaar − kosten per jaar", "savings per year − costs per year"), net),
            declare("total_costs", .money, Unit.euro,
                   text("Kosten over de looptijd", "Costs over the period"),
                   text("eigen bijdrage + kosten per jaar × looptijd", "own contribution + costs per year × years"),
                   ["investment", "subsidy", "years", "costs_per_year"]),
            declare("total_savings", .money, Unit.euro,
                   text("Besparingen over de looptijd", "Savings over the period"),
                   text("besparingen per jaar × looptijd", "savings per year × years"), ["years", "savings_per_year"]),
            declare("cumulative_balances", .list(.money), Unit.euro,
                   text("Cumulatief saldo na elk jaar", "Cumulative balance after each year"),
                   text("na jaar k: −eigen bijdrage + k × netto besparing per jaar", "after year k: −own contribution + k × net savings per year"),
                   all),
            declare("final_balance", .money, Unit.euro,
                   text("Saldo aan het eind van de looptijd", "Balance at the end of the period"),
                   text("−eigen bijdrage + looptijd × netto besparing per jaar", "−own contribution + years × net savings per year"), all),
            declare("pays_back", .boolean, Unit.yesNo,
                   text("Terugverdiend binnen de looptijd", "Paid back within the period"),
                   text("saldo aan het eind ≥ 0", "final balance ≥ 0"), all),
            declare("payback_year", .number, Unit.yearNumber,
                   text("Terugverdienjaar", "Payback year"),
                   text("het eerste jaar k met −eigen bijdrage + k × netto besparing ≥ 0 (0 als er niets terug te verdienen is); 'niet binnen de looptijd' als dat jaar er niet is",
                        "the first year k with −own contribution + k × net savings ≥ 0 (0 when there is nothing to pay back); 'not within the period' when there is no such year"),
                   all),
        ]
    }

    /// Computes the outputs whose inputs are known.
    ///
    /// - Parameter inputs: The known inputs.
    /// - Returns: The outputs and problems.
    public func calculate(_ inputs: [String: Value]) -> CalculatorResult {
        let input = InputValues(values: inputs)
        var result = ResultBuilder()
        var years: Int?
        if let value = input("years") {
            if value < 1 || value > Decimal(Self.maximumYears) || value != value.roundedUp {
                result.problem("years", text(
                    "De looptijd moet een heel aantal jaren zijn, van 1 tot \(Self.maximumYears).",
                    "The period must be a whole number of years, from 1 to \(Self.maximumYears)."))
            } else {
                years = NSDecimalNumber(decimal: value).intValue
            }
        }
        for id in ["investment", "subsidy", "costs_per_year", "savings_per_year"] where (input(id).map { $0 < 0 }) == true {
            result.problem(id, text("'\(id)' mag niet negatief zijn.", "'\(id)' cannot be negative."))
        }
        if let investment = input("investment"), let subsidy = input("subsidy"), subsidy > investment {
            result.problem("subsidy", text(
                "De subsidie is hoger dan de investering; een subsidie dekt ten hoogste de investering.",
                "The subsidy is higher than the investment; a subsidy covers at most the investment."))
        }
        guard result.result.problems.isEmpty else { return result.result }
        if let investment = input("investment"), let subsidy = input("subsidy") {
            result.money("own_contribution", investment - subsidy)
        }
        if let costs = input("costs_per_year"), let savings = input("savings_per_year") {
            result.money("net_savings_per_year", savings - costs)
        }
        if let years, let savings = input("savings_per_year") {
            result.money("total_savings", savings * Decimal(years))
        }
        guard let years, let investment = input("investment"), let subsidy = input("subsidy"),
              let costs = input("costs_per_year"), let savings = input("savings_per_year")
        else { return result.result }
        let model = MultiYear(
            investment: investment, subsidy: subsidy, years: years, costsPerYear: costs, savingsPerYear: savings
        )
        result.money("total_costs", model.ownContribution + costs * Decimal(years))
        result.set("cumulative_balances", .value(.list(model.cumulativeBalances.map(Value.money), elementType: .money)))
        let final = model.cumulativeBalances.last ?? -model.ownContribution
        result.money("final_balance", final)
        result.boolean("pays_back", model.paybackYear != nil)
        if let year = model.paybackYear {
            result.number("payback_year", Decimal(year))
        } else {
            result.set("payback_year", .notApplicable(text(
                "Niet binnen de looptijd van \(years) jaar terugverdiend.",
                "Not paid back within the period of \(years) years.")))
        }
        return result.result
    }
}
