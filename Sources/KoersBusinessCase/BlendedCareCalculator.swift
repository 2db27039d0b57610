public import KoersCore
public import KoersExpression
import Foundation

/// The time saving blended care must bring to pay for its technology, the model of seed 003
/// §4.3.10 and Tabel 13 (extract §3.5): with € 100/hour, 1,140 norm hours, € 686.07 platform
/// costs, 30 min/week upkeep, 25% participation and 25% of sessions online, the technology
/// costs € 3,286.07 a year and the online sessions must save 46.12% of the time.
public struct BlendedCareCalculator: Calculator {
    /// `blended_care`.
    public let id = "blended_care"

    /// Creates the calculator.
    public init() {}

    /// "Break-even time saving for blended care".
    public var title: LocalizedText {
        text("Benodigde tijdsbesparing blended care", "Break-even time saving for blended care")
    }

    /// What it computes.
    public var summary: LocalizedText {
        text(
            "Hoeveel tijd de online sessies moeten besparen om de platformkosten en de onderhoudstijd van de "
                + "behandelaar terug te verdienen (seed 003, §4.3.10, Tabel 13).",
            "How much time the online sessions must save to pay back the platform costs and the clinician's "
                + "upkeep time (seed 003, §4.3.10, Tabel 13)."
        )
    }

    /// The inputs of Tabel 13.
    public var inputs: [CalculatorInput] {
        [
            CalculatorInput(
                id: "hourly_rate", valueType: .money, unit: Unit.euroPerHour,
                title: text("Uurtarief behandelaar", "Clinician hourly rate"),
                help: text("Kostprijs per uur van de behandelaar (seed 003 gebruikt € 100, naar Van der Poll e.a. 2020).",
                           "Cost price per hour of the clinician (seed 003 uses € 100, after Van der Poll et al. 2020).")),
            CalculatorInput(
                id: "norm_hours_per_year", valueType: .number, unit: Unit.hoursPerYear,
                title: text("Normproductiviteit", "Norm productivity"),
                help: text("Productieve uren van een behandelaar per jaar (seed 003: 1.140).",
                           "Productive hours of a clinician per year (seed 003: 1,140).")),
            CalculatorInput(
                id: "platform_costs_per_year", valueType: .money, unit: Unit.euroPerYear,
                title: text("Platformkosten per jaar", "Platform costs per year"),
                help: text("Kosten van het platform per behandelaar per jaar, inclusief btw (seed 003: € 686,07).",
                           "Costs of the platform per clinician per year, including VAT (seed 003: € 686.07).")),
            CalculatorInput(
                id: "upkeep_minutes_per_week", valueType: .number, unit: Unit.minutesPerWeek,
                title: text("Tijd voor de technologie", "Time spent on the technology"),
                help: text("Minuten per week die de behandelaar kwijt is aan het bijhouden van de technologie (seed 003: 30).",
                           "Minutes per week the clinician spends keeping up with the technology (seed 003: 30)."),
                defaultValue: .number(0)),
            CalculatorInput(
                id: "client_participation", valueType: .percentage, unit: Unit.percent,
                title: text("Participatiegraad cliënten", "Client participation"),
                help: text("Deel van de cliënten van de behandelaar dat blended care krijgt (seed 003: 25%).",
                           "Share of the clinician's clients who receive blended care (seed 003: 25%).")),
            CalculatorInput(
                id: "share_sessions_online", valueType: .percentage, unit: Unit.percent,
                title: text("Aandeel sessies van face-to-face naar online", "Share of sessions moving online"),
                help: text("Deel van de face-to-facesessies van deelnemende cliënten dat online plaatsvindt (seed 003: 25%).",
                           "Share of the face-to-face sessions of participating clients that take place online (seed 003: 25%).")),
            CalculatorInput(
                id: "weeks_per_year", valueType: .number, unit: Unit.weeksPerYear,
                title: text("Weken per jaar", "Weeks per year"),
                help: text("Weken waarover de onderhoudstijd telt; seed 003 rekent met 52.",
                           "Weeks over which the upkeep time counts; seed 003 uses 52."),
                defaultValue: .number(52)),
        ]
    }

    /// The results, each with its formula.
    public var outputs: [CalculatorOutput] {
        let upkeep = ["upkeep_minutes_per_week", "weeks_per_year", "hourly_rate"]
        let technology = upkeep + ["platform_costs_per_year"]
        let all = technology + ["norm_hours_per_year"]
        return [
            declare("upkeep_costs_per_year", .money, Unit.euroPerYear,
                   text("Onderhoudstijd behandelaar per jaar", "Clinician upkeep time per year"),
                   text("tijd voor technologie (min/week) / 60 × weken per jaar × uurtarief", "upkeep (min/week) / 60 × weeks per year × hourly rate"),
                   upkeep),
            declare("technology_costs_per_year", .money, Unit.euroPerYear,
                   text("Kosten voor technologie per jaar", "Technology costs per year"),
                   text("platformkosten + onderhoudstijd behandelaar", "platform costs + clinician upkeep time"), technology),
            declare("capacity_per_year", .money, Unit.euroPerYear,
                   text("Capaciteit behandelaar per jaar", "Clinician capacity per year"),
                   text("uurtarief × normproductiviteit", "hourly rate × norm productivity"), ["hourly_rate", "norm_hours_per_year"]),
            declare("hours_left_per_year", .number, Unit.hoursPerYear,
                   text("Uren over na de technologie", "Hours left after the technology"),
                   text("normproductiviteit − kosten voor technologie / uurtarief", "norm productivity − technology costs / hourly rate"), all),
            declare("time_saving_all_clients", .percentage, Unit.percent,
                   text("Tijdsbesparing nodig over alle cliënten", "Time saving needed over all clients"),
                   text("kosten voor technologie / capaciteit behandelaar", "technology costs / clinician capacity"), all),
            declare("time_saving_participants", .percentage, Unit.percent,
                   text("Tijdsbesparing nodig bij deelnemende cliënten", "Time saving needed with participating clients"),
                   text("tijdsbesparing over alle cliënten / participatiegraad", "time saving over all clients / participation"),
                   all + ["client_participation"]),
            declare("required_time_saving", .percentage, Unit.percent,
                   text("Benodigde tijdsbesparing per online sessie", "Required time saving per online session"),
                   text("(platformkosten + tijd voor technologie / 60 × weken × uurtarief) / (uurtarief × normproductiviteit) / (participatiegraad × aandeel online)",
                        "(platform costs + upkeep minutes / 60 × weeks × hourly rate) / (hourly rate × norm productivity) / (participation × share online)"),
                   all + ["client_participation", "share_sessions_online"]),
            declare("break_even_feasible", .boolean, Unit.yesNo,
                   text("Terug te verdienen (besparing ten hoogste 100%)", "Can be earned back (saving at most 100%)"),
                   text("benodigde tijdsbesparing ≤ 100%", "required time saving ≤ 100%"),
                   all + ["client_participation", "share_sessions_online"]),
        ]
    }

    /// Computes the outputs whose inputs are known.
    ///
    /// - Parameter inputs: The known inputs.
    /// - Returns: The outputs and problems.
    public func calculate(_ inputs: [String: Value]) -> CalculatorResult {
        let input = InputValues(values: inputs)
        var result = ResultBuilder()
        let positive: [(String, LocalizedText)] = [
            ("hourly_rate", text("Het uurtarief moet groter dan 0 zijn.", "The hourly rate must be above 0.")),
            ("norm_hours_per_year", text("De normproductiviteit moet groter dan 0 uur zijn.", "The norm productivity must be above 0 hours.")),
            ("client_participation", text(
                "De participatiegraad moet groter dan 0% zijn: zonder deelnemende cliënten kan geen tijdsbesparing de technologie terugverdienen.",
                "Client participation must be above 0%: without participating clients no time saving can pay for the technology.")),
            ("share_sessions_online", text(
                "Het aandeel online sessies moet groter dan 0% zijn: zonder online sessies is er niets om tijd op te besparen.",
                "The share of sessions online must be above 0%: without online sessions there is nothing to save time on.")),
            ("weeks_per_year", text("Het aantal weken per jaar moet groter dan 0 zijn.", "The number of weeks per year must be above 0.")),
        ]
        for (id, message) in positive where (input(id).map { $0 <= 0 }) == true {
            result.problem(id, message)
        }
        for id in ["client_participation", "share_sessions_online"] where (input(id).map { $0 > 1 }) == true {
            result.problem(id, text("'\(id)' kan niet meer dan 100% zijn.", "'\(id)' cannot be more than 100%."))
        }
        for id in ["upkeep_minutes_per_week", "platform_costs_per_year"] where (input(id).map { $0 < 0 }) == true {
            result.problem(id, text("'\(id)' mag niet negatief zijn.", "'\(id)' cannot be negative."))
        }
        guard result.result.problems.isEmpty else { return result.result }
        let model = BlendedCare(
            hourlyRate: input("hourly_rate") ?? 0,
            normHoursPerYear: input("norm_hours_per_year") ?? 0,
            platformCostsPerYear: input("platform_costs_per_year") ?? 0,
            upkeepMinutesPerWeek: input("upkeep_minutes_per_week") ?? 0,
            participation: input("client_participation") ?? 0,
            shareOnline: input("share_sessions_online") ?? 0,
            weeksPerYear: input("weeks_per_year") ?? 0
        )
        // The engine keeps an output unknown when one of its inputs is; the zeros above only
        // stand in for inputs that no known output reads.
        result.money("upkeep_costs_per_year", model.upkeepCostsPerYear)
        result.money("technology_costs_per_year", model.technologyCostsPerYear)
        result.money("capacity_per_year", model.capacityPerYear)
        result.number("hours_left_per_year", model.hoursLeftPerYear)
        result.percentage("time_saving_all_clients", model.savingAllClients)
        result.percentage("time_saving_participants", model.savingParticipants)
        result.percentage("required_time_saving", model.requiredTimeSaving)
        result.boolean("break_even_feasible", model.requiredTimeSaving.map { $0 <= 1 })
        return result.result
    }
}
