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
                help: text("Eenmalige kosten bij de start, in geld: aanschaf, implementatie, scholing. Tel apparaten hier en niet ook nog als afschrijving in de kosten per jaar.",
                           "One-off costs at the start, in cash: purchase, implementation, training. Count devices here and not again as depreciation in the costs per year.")),
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
                help: text("Terugkerende kosten per jaar in geld (beheer, abonnementen, licenties), zonder afschrijving: de aanschaf telt als investering en vervanging.",
                           "Recurring cash costs per year (management, subscriptions, licences), without depreciation: the purchase counts as investment and replacement.")),
            CalculatorInput(
                id: "savings_per_year", valueType: .money, unit: Unit.euroPerYear,
                title: text("Besparingen per jaar", "Savings per year"),
                help: text("Baten per jaar: bespaarde personeelskosten en vermeden kosten.",
                           "Benefits per year: staff costs saved and costs avoided.")),
            CalculatorInput(
                id: "discount_rate", valueType: .percentage, unit: Unit.percent,
                title: text("Disconteringsvoet", "Discount rate"),
                help: text("Optioneel: rente per jaar waarmee latere bedragen minder waard zijn (bijvoorbeeld de vermogenskostenvoet van de organisatie); 0% voor geen.",
                           "Optional: yearly rate at which later amounts are worth less (for example the organisation's cost of capital); 0% for none."),
                defaultValue: .percentage(0)),
            CalculatorInput(
                id: "replacement_amount", valueType: .money, unit: Unit.euro,
                title: text("Vervanging apparaten", "Replacement of devices"),
                help: text("Wat het opnieuw kopen van de apparaten kost als hun levensduur om is; 0 als er niets te vervangen is.",
                           "What buying the devices again costs when their life is over; 0 if there is nothing to replace."),
                defaultValue: .money(0)),
            CalculatorInput(
                id: "replacement_every_years", valueType: .number, unit: Unit.years,
                title: text("Levensduur apparaten", "Life of the devices"),
                help: text("Om de hoeveel jaar de apparaten opnieuw worden gekocht (een heel getal); 0 voor nooit.",
                           "Every how many years the devices are bought again (a whole number); 0 for never."),
                defaultValue: .number(0)),
        ]
    }

    /// The results, each with its formula.
    public var outputs: [CalculatorOutput] {
        let all = ["investment", "subsidy", "years", "costs_per_year", "savings_per_year", "replacement_amount", "replacement_every_years"]
        let discounted = all + ["discount_rate"]
        let net = ["costs_per_year", "savings_per_year"]
        return [
            declare("own_contribution", .money, Unit.euro,
                   text("Eigen bijdrage", "Own contribution"),
                   text("investering − subsidie", "investment − subsidy"), ["investment", "subsidy"]),
            declare("net_savings_per_year", .money, Unit.euroPerYear,
                   text("Netto besparing per jaar (kosten zonder afschrijving)", "Net savings per year (costs without depreciation)"),
                   text("besparingen per jaar − kosten per jaar", "savings per year − costs per year"), net),
            declare("total_costs", .money, Unit.euro,
                   text("Kosten over de looptijd", "Costs over the period"),
                   text("eigen bijdrage + kosten per jaar × looptijd + vervangingen binnen de looptijd", "own contribution + costs per year × years + replacements within the period"),
                   ["investment", "subsidy", "years", "costs_per_year", "replacement_amount", "replacement_every_years"]),
            declare("total_savings", .money, Unit.euro,
                   text("Besparingen over de looptijd", "Savings over the period"),
                   text("besparingen per jaar × looptijd", "savings per year × years"), ["years", "savings_per_year"]),
            declare("cumulative_balances", .list(.money), Unit.euro,
                   text("Cumulatief saldo na elk jaar", "Cumulative balance after each year"),
                   text("na jaar k: −eigen bijdrage + k × netto besparing per jaar − vervangingen tot en met jaar k", "after year k: −own contribution + k × net savings per year − replacements up to year k"),
                   all),
            declare("final_balance", .money, Unit.euro,
                   text("Saldo aan het eind van de looptijd", "Balance at the end of the period"),
                   text("het cumulatieve saldo na het laatste jaar", "the cumulative balance after the last year"), all),
            declare("pays_back", .boolean, Unit.yesNo,
                   text("Terugverdiend binnen de looptijd", "Paid back within the period"),
                   text("saldo aan het eind ≥ 0", "final balance ≥ 0"), all),
            declare("payback_year", .number, Unit.yearNumber,
                   text("Terugverdienjaar", "Payback year"),
                   text("het eerste jaar k met cumulatief saldo ≥ 0 (0 als er niets terug te verdienen is); 'niet binnen de looptijd' als dat jaar er niet is",
                        "the first year k with cumulative balance ≥ 0 (0 when there is nothing to pay back); 'not within the period' when there is no such year"),
                   all),
            declare("discounted_balances", .list(.money), Unit.euro,
                   text("Contant gemaakt cumulatief saldo na elk jaar", "Discounted cumulative balance after each year"),
                   text("na jaar k: −eigen bijdrage + Σ (netto besparing − vervanging in jaar j) / (1 + disconteringsvoet)^j voor j = 1…k",
                        "after year k: −own contribution + Σ (net savings − replacement in year j) / (1 + discount rate)^j for j = 1…k"),
                   discounted),
            declare("net_present_value", .money, Unit.euro,
                   text("Netto contante waarde", "Net present value"),
                   text("het contant gemaakte cumulatieve saldo na het laatste jaar", "the discounted cumulative balance after the last year"), discounted),
            declare("discounted_payback_year", .number, Unit.yearNumber,
                   text("Terugverdienjaar (contant gemaakt)", "Discounted payback year"),
                   text("het eerste jaar met contant gemaakt saldo ≥ 0", "the first year with discounted balance ≥ 0"), discounted),
            declare("payback_year_savings_minus_20", .number, Unit.yearNumber,
                   text("Gevoeligheid: terugverdienjaar bij besparingen −20%", "Sensitivity: payback year with savings −20%"),
                   text("terugverdienjaar met 0,8 × besparingen per jaar", "payback year with 0.8 × savings per year"), all),
            declare("payback_year_savings_plus_20", .number, Unit.yearNumber,
                   text("Gevoeligheid: terugverdienjaar bij besparingen +20%", "Sensitivity: payback year with savings +20%"),
                   text("terugverdienjaar met 1,2 × besparingen per jaar", "payback year with 1.2 × savings per year"), all),
            declare("payback_year_costs_minus_20", .number, Unit.yearNumber,
                   text("Gevoeligheid: terugverdienjaar bij kosten −20%", "Sensitivity: payback year with costs −20%"),
                   text("terugverdienjaar met 0,8 × kosten per jaar", "payback year with 0.8 × costs per year"), all),
            declare("payback_year_costs_plus_20", .number, Unit.yearNumber,
                   text("Gevoeligheid: terugverdienjaar bij kosten +20%", "Sensitivity: payback year with costs +20%"),
                   text("terugverdienjaar met 1,2 × kosten per jaar", "payback year with 1.2 × costs per year"), all),
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
        for id in ["investment", "subsidy", "costs_per_year", "savings_per_year", "replacement_amount"]
        where (input(id).map { $0 < 0 }) == true {
            result.problem(id, text("'\(id)' mag niet negatief zijn.", "'\(id)' cannot be negative."))
        }
        if let rate = input("discount_rate"), rate < 0 || rate >= 1 {
            result.problem("discount_rate", text(
                "De disconteringsvoet moet tussen 0% en 100% liggen.",
                "The discount rate must be from 0% to below 100%."))
        }
        var replacementEvery = 0
        if let every = input("replacement_every_years") {
            if every < 0 || every > Decimal(Self.maximumYears) || every != every.roundedUp {
                result.problem("replacement_every_years", text(
                    "De levensduur van de apparaten moet een heel aantal jaren zijn, van 0 tot \(Self.maximumYears).",
                    "The life of the devices must be a whole number of years, from 0 to \(Self.maximumYears)."))
            } else {
                replacementEvery = NSDecimalNumber(decimal: every).intValue
            }
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
        // Inputs with a default (replacement, discount rate) count as their default when a caller
        // leaves them out; the engine always passes them.
        let replacementAmount = input("replacement_amount") ?? 0
        let model = MultiYear(
            investment: investment, subsidy: subsidy, years: years, costsPerYear: costs, savingsPerYear: savings,
            replacementAmount: replacementAmount, replacementEveryYears: replacementEvery
        )
        result.money("total_costs", model.ownContribution + costs * Decimal(years) + model.replacements)
        result.moneyList("cumulative_balances", model.cumulativeBalances)
        let final = model.cumulativeBalances.last ?? -model.ownContribution
        result.money("final_balance", final)
        result.boolean("pays_back", model.paybackYear != nil)
        let notWithin = text(
            "Niet binnen de looptijd van \(years) jaar terugverdiend.",
            "Not paid back within the period of \(years) years.")
        payback("payback_year", model.paybackYear, notWithin, into: &result)
        payback("payback_year_savings_minus_20", model.scaled(savings: Self.low).paybackYear, notWithin, into: &result)
        payback("payback_year_savings_plus_20", model.scaled(savings: Self.high).paybackYear, notWithin, into: &result)
        payback("payback_year_costs_minus_20", model.scaled(costs: Self.low).paybackYear, notWithin, into: &result)
        payback("payback_year_costs_plus_20", model.scaled(costs: Self.high).paybackYear, notWithin, into: &result)
        do {
            var discounted = model
            discounted.discountRate = input("discount_rate") ?? 0
            result.moneyList("discounted_balances", discounted.discountedBalances)
            result.money("net_present_value", discounted.discountedBalances.last ?? -model.ownContribution)
            payback("discounted_payback_year", discounted.discountedPaybackYear, notWithin, into: &result)
        }
        return result.result
    }

    private static let low = Decimal(string: "0.8") ?? 0
    private static let high = Decimal(string: "1.2") ?? 0

    private func payback(_ id: String, _ year: Int?, _ notWithin: LocalizedText, into result: inout ResultBuilder) {
        if let year {
            result.number(id, Decimal(year))
        } else {
            result.set(id, .notApplicable(notWithin))
        }
    }
}
