public import KoersCore
public import KoersExpression
import Foundation

/// The business case of contacts made with an e-health application: fixed costs per
/// week/month/year, the benefit per contact, the contacts per week needed to break even and the
/// share of a worker's contact capacity that is (seed 003 quick scan with activity-based
/// costing; extract §3.1 and §7).
public struct ContactCostingCalculator: Calculator {
    /// `contact_costing`.
    public let id = "contact_costing"

    /// Creates the calculator.
    public init() {}

    /// "Business case per contact".
    public var title: LocalizedText { text("Business case per contact", "Business case per contact") }

    /// What it computes.
    public var summary: LocalizedText {
        text(
            "Quick scan kosten-baten met activity based costing (seed 003, §2.4): vaste kosten per jaar, maand en "
                + "week, de baat per contact uit bespaarde minuten per rol en vermeden kosten, en het aantal "
                + "contacten per week dat nodig is om quitte te spelen.",
            "Cost-benefit quick scan with activity-based costing (seed 003, §2.4): fixed costs per year, month "
                + "and week, the benefit per contact from minutes saved per role and avoided costs, and the "
                + "number of contacts per week needed to break even."
        )
    }

    static let fixedInputs = [
        "device_price", "device_count", "depreciation_years", "support_hours_per_week", "support_hourly_rate",
        "subscription_per_month", "subscription_count", "licences_per_year", "weeks_per_year",
        "support_hours_per_client_per_year", "client_count",
    ]
    static let benefitInputs = [
        "qualified_hourly_rate", "travel_minutes_saved", "visit_minutes_saved", "shifted_minutes",
        "cheaper_hourly_rate", "supervision_minutes", "avoided_costs_per_contact",
    ]

    /// The inputs: fixed costs, minutes saved per role, volume and capacity.
    public var inputs: [CalculatorInput] {
        [
            CalculatorInput(
                id: "device_price", valueType: .money, unit: Unit.euroPerDevice,
                title: text("Aanschafprijs per apparaat", "Purchase price per device"),
                help: text("Prijs van één apparaat (tablet, camera, smartglass, meetapparaat), inclusief btw als die niet verrekend wordt. 0 als er geen apparaten worden gekocht.",
                           "Price of one device (tablet, camera, smart glasses, measuring device), including VAT if it is not reclaimed. 0 when no devices are bought."),
                defaultValue: .money(0)),
            CalculatorInput(
                id: "device_count", valueType: .number, unit: Unit.devices,
                title: text("Aantal apparaten", "Number of devices"),
                help: text("Hoeveel apparaten de organisatie koopt.", "How many devices the organisation buys."),
                defaultValue: .number(0)),
            CalculatorInput(
                id: "depreciation_years", valueType: .number, unit: Unit.years,
                title: text("Afschrijvingstermijn", "Depreciation period"),
                help: text("Over hoeveel jaar de apparaten lineair worden afgeschreven; moet groter dan 0 zijn als er apparaten zijn.",
                           "Over how many years the devices are depreciated (straight line); must be above 0 when there are devices."),
                defaultValue: .number(0)),
            CalculatorInput(
                id: "support_hours_per_week", valueType: .number, unit: Unit.hoursPerWeek,
                title: text("Uren helpdesk en beheer", "Help desk and management hours"),
                help: text("Uren per week voor helpdesk, apparaatbeheer en ondersteuning van medewerkers en cliënten.",
                           "Hours per week of help desk, device management and support for staff and clients."),
                defaultValue: .number(0)),
            CalculatorInput(
                id: "support_hours_per_client_per_year", valueType: .number, unit: Unit.hoursPerClientYear,
                title: text("Uren helpdesk per cliënt per jaar", "Help desk hours per client per year"),
                help: text("Uren ondersteuning per cliënt per jaar, zoals het onderzoek helpdesktijd per cliënt telt; komt bij de uren per week. 0 als die er niet zijn.",
                           "Hours of support per client per year, as the study counts help desk time per client; added to the hours per week. 0 if there are none."),
                defaultValue: .number(0)),
            CalculatorInput(
                id: "client_count", valueType: .number, unit: Unit.clients,
                title: text("Aantal cliënten", "Number of clients"),
                help: text("Voor hoeveel cliënten de uren per cliënt gelden.", "How many clients the hours per client are for."),
                defaultValue: .number(0)),
            CalculatorInput(
                id: "support_hourly_rate", valueType: .money, unit: Unit.euroPerHour,
                title: text("Uurtarief helpdesk en beheer", "Hourly rate of help desk and management"),
                help: text("Kostprijs per uur van wie de helpdesk en het beheer doet.",
                           "Cost price per hour of whoever does the help desk and management."),
                defaultValue: .money(0)),
            CalculatorInput(
                id: "subscription_per_month", valueType: .money, unit: Unit.euroPerSubscriptionMonth,
                title: text("Abonnement per maand", "Subscription per month"),
                help: text("Prijs van één abonnement per maand (software, data, meldkamer).",
                           "Price of one subscription per month (software, data, monitoring centre)."),
                defaultValue: .money(0)),
            CalculatorInput(
                id: "subscription_count", valueType: .number, unit: Unit.subscriptions,
                title: text("Aantal abonnementen", "Number of subscriptions"),
                help: text("Hoeveel abonnementen er lopen, bijvoorbeeld één per apparaat of per cliënt.",
                           "How many subscriptions run, for example one per device or per client."),
                defaultValue: .number(1)),
            CalculatorInput(
                id: "licences_per_year", valueType: .money, unit: Unit.euroPerYear,
                title: text("Platformlicenties per jaar", "Platform licences per year"),
                help: text("Licentiekosten van het platform per jaar.", "Licence costs of the platform per year."),
                defaultValue: .money(0)),
            CalculatorInput(
                id: "weeks_per_year", valueType: .number, unit: Unit.weeksPerYear,
                title: text("Weken per jaar", "Weeks per year"),
                help: text("Weken waarin de contacten plaatsvinden. Standaard 52, zoals de blended-care-berekening van seed 003 (Tabel 13: minuten per week × 52).",
                           "Weeks in which the contacts take place. Default 52, as in seed 003's blended-care calculation (Tabel 13: minutes per week × 52)."),
                defaultValue: .number(52)),
            CalculatorInput(
                id: "qualified_hourly_rate", valueType: .money, unit: Unit.euroPerHour,
                title: text("Uurtarief gekwalificeerde rol", "Hourly rate of the qualified role"),
                help: text("Kostprijs per uur van de rol die het contact nu doet (bijvoorbeeld de wijkverpleegkundige): loonkosten gedeeld door productieve uren.",
                           "Cost price per hour of the role that makes the contact now (for example the district nurse): personnel costs divided by productive hours.")),
            CalculatorInput(
                id: "travel_minutes_saved", valueType: .number, unit: Unit.minutesPerContact,
                title: text("Bespaarde reistijd", "Travel time saved"),
                help: text("Reisminuten van de gekwalificeerde rol die per contact wegvallen (heen en terug).",
                           "Travel minutes of the qualified role saved per contact (there and back)."),
                defaultValue: .number(0)),
            CalculatorInput(
                id: "visit_minutes_saved", valueType: .number, unit: Unit.minutesPerContact,
                title: text("Bespaarde contacttijd", "Contact time saved"),
                help: text("Minuten die het contact zelf korter duurt (bijvoorbeeld een beeldbelcontact in plaats van een bezoek).",
                           "Minutes by which the contact itself is shorter (for example a video call instead of a visit)."),
                defaultValue: .number(0)),
            CalculatorInput(
                id: "shifted_minutes", valueType: .number, unit: Unit.minutesPerContact,
                title: text("Minuten naar een goedkopere rol", "Minutes moved to a cheaper role"),
                help: text("Minuten van het contact die een goedkopere rol ter plaatse doet in plaats van de gekwalificeerde rol.",
                           "Minutes of the contact that a cheaper role does on site instead of the qualified role."),
                defaultValue: .number(0)),
            CalculatorInput(
                id: "cheaper_hourly_rate", valueType: .money, unit: Unit.euroPerHour,
                title: text("Uurtarief goedkopere rol", "Hourly rate of the cheaper role"),
                help: text("Kostprijs per uur van de goedkopere rol (bijvoorbeeld een helpende).",
                           "Cost price per hour of the cheaper role (for example a care assistant)."),
                defaultValue: .money(0)),
            CalculatorInput(
                id: "supervision_minutes", valueType: .number, unit: Unit.minutesPerContact,
                title: text("Minuten supervisie op afstand", "Minutes of remote supervision"),
                help: text("Minuten per contact dat de gekwalificeerde rol op afstand meekijkt of superviseert.",
                           "Minutes per contact the qualified role watches or supervises remotely."),
                defaultValue: .number(0)),
            CalculatorInput(
                id: "avoided_costs_per_contact", valueType: .money, unit: Unit.euroPerContact,
                title: text("Vermeden kosten per contact", "Avoided costs per contact"),
                help: text("Kosten die per contact wegvallen, zoals kilometervergoeding of parkeren.",
                           "Costs that fall away per contact, such as mileage or parking."),
                defaultValue: .money(0)),
            CalculatorInput(
                id: "extra_costs_per_contact", valueType: .money, unit: Unit.euroPerContact,
                title: text("Extra kosten per contact", "Extra costs per contact"),
                help: text("Kosten die elk contact met de toepassing toevoegt, zoals data of verbruiksmateriaal.",
                           "Costs each contact with the application adds, such as data or consumables."),
                defaultValue: .money(0)),
            CalculatorInput(
                id: "contacts_per_week", valueType: .number, unit: Unit.contactsPerWeek,
                title: text("Contacten per week", "Contacts per week"),
                help: text("Hoeveel contacten per week met de toepassing worden gedaan (verwacht of gemeten).",
                           "How many contacts per week are made with the application (expected or measured).")),
            CalculatorInput(
                id: "contact_capacity_per_week", valueType: .number, unit: Unit.contactsPerWorkerWeek,
                title: text("Contactcapaciteit per medewerker", "Contact capacity per worker"),
                help: text("Hoeveel cliëntcontacten één medewerker per week kan doen; mag een decimaal getal zijn (het onderzoek rekent met 33,6).",
                           "How many client contacts one worker can make per week; may be a decimal number (the study uses 33.6).")),
            CalculatorInput(
                id: "hours_per_fte_per_year", valueType: .number, unit: Unit.hoursPerFTEYear,
                title: text("Productieve uren per fte per jaar", "Productive hours per FTE per year"),
                help: text("Om vrijgekomen uren in fte uit te drukken. Standaard 1.140, de normproductiviteit van seed 003 (Tabel 13).",
                           "To express freed hours as FTE. Default 1,140, the norm productivity of seed 003 (Tabel 13)."),
                defaultValue: .number(1140)),
        ]
    }

    /// The outputs, each with its formula.
    public var outputs: [CalculatorOutput] {
        let fixed = Self.fixedInputs
        let benefit = Self.benefitInputs
        let net = benefit + ["extra_costs_per_contact"]
        let volume = ["contacts_per_week", "extra_costs_per_contact"]
        return [
            declare("device_costs_per_year", .money, Unit.euroPerYear,
                   text("Afschrijving apparaten per jaar", "Device depreciation per year"),
                   text("aanschafprijs × aantal apparaten / afschrijvingstermijn", "device price × device count / depreciation years"),
                   ["device_price", "device_count", "depreciation_years"]),
            declare("support_costs_per_year", .money, Unit.euroPerYear,
                   text("Helpdesk en beheer per jaar", "Help desk and management per year"),
                   text("uren per week × weken per jaar × uurtarief helpdesk", "hours per week × weeks per year × support hourly rate"),
                   ["support_hours_per_week", "weeks_per_year", "support_hourly_rate"]),
            declare("subscription_costs_per_year", .money, Unit.euroPerYear,
                   text("Abonnementen per jaar", "Subscriptions per year"),
                   text("abonnement per maand × aantal abonnementen × 12", "subscription per month × subscription count × 12"),
                   ["subscription_per_month", "subscription_count"]),
            declare("fixed_costs_per_year", .money, Unit.euroPerYear,
                   text("Vaste kosten per jaar", "Fixed costs per year"),
                   text("afschrijving + helpdesk en beheer + abonnementen + platformlicenties", "depreciation + help desk and management + subscriptions + platform licences"),
                   fixed),
            declare("fixed_costs_per_month", .money, Unit.euroPerMonth,
                   text("Vaste kosten per maand", "Fixed costs per month"),
                   text("vaste kosten per jaar / 12", "fixed costs per year / 12"), fixed),
            declare("fixed_costs_per_week", .money, Unit.euroPerWeek,
                   text("Vaste kosten per week", "Fixed costs per week"),
                   text("vaste kosten per jaar / weken per jaar", "fixed costs per year / weeks per year"), fixed),
            declare("staff_savings_per_contact", .money, Unit.euroPerContact,
                   text("Bespaarde personeelskosten per contact", "Staff costs saved per contact"),
                   text("(reistijd + contacttijd) / 60 × uurtarief gekwalificeerd + minuten goedkopere rol / 60 × (uurtarief gekwalificeerd − uurtarief goedkoper) − supervisie / 60 × uurtarief gekwalificeerd",
                        "(travel + contact minutes) / 60 × qualified rate + minutes of the cheaper role / 60 × (qualified rate − cheaper rate) − supervision / 60 × qualified rate"),
                   Array(benefit.dropLast())),
            declare("benefit_per_contact", .money, Unit.euroPerContact,
                   text("Baat per contact", "Benefit per contact"),
                   text("bespaarde personeelskosten + vermeden kosten per contact", "staff costs saved + avoided costs per contact"), benefit),
            declare("net_benefit_per_contact", .money, Unit.euroPerContact,
                   text("Netto baat per contact", "Net benefit per contact"),
                   text("baat per contact − extra kosten per contact", "benefit per contact − extra costs per contact"), net),
            declare("costs_per_contact", .money, Unit.euroPerContact,
                   text("Kosten per contact", "Costs per contact"),
                   text("vaste kosten per week / contacten per week + extra kosten per contact", "fixed costs per week / contacts per week + extra costs per contact"),
                   fixed + volume),
            declare("costs_per_week", .money, Unit.euroPerWeek,
                   text("Kosten per week", "Costs per week"),
                   text("vaste kosten per week + extra kosten per contact × contacten per week", "fixed costs per week + extra costs per contact × contacts per week"),
                   fixed + volume),
            declare("costs_per_month", .money, Unit.euroPerMonth,
                   text("Kosten per maand", "Costs per month"),
                   text("kosten per jaar / 12", "costs per year / 12"), fixed + volume),
            declare("costs_per_year", .money, Unit.euroPerYear,
                   text("Kosten per jaar", "Costs per year"),
                   text("kosten per week × weken per jaar", "costs per week × weeks per year"), fixed + volume),
            declare("benefit_per_week", .money, Unit.euroPerWeek,
                   text("Baten per week", "Benefits per week"),
                   text("baat per contact × contacten per week", "benefit per contact × contacts per week"),
                   benefit + ["contacts_per_week"]),
            declare("benefit_per_month", .money, Unit.euroPerMonth,
                   text("Baten per maand", "Benefits per month"),
                   text("baten per jaar / 12", "benefits per year / 12"), benefit + ["contacts_per_week", "weeks_per_year"]),
            declare("benefit_per_year", .money, Unit.euroPerYear,
                   text("Baten per jaar", "Benefits per year"),
                   text("baten per week × weken per jaar", "benefits per week × weeks per year"),
                   benefit + ["contacts_per_week", "weeks_per_year"]),
            declare("balance_per_year", .money, Unit.euroPerYear,
                   text("Saldo per jaar (met afschrijving)", "Balance per year (with depreciation)"),
                   text("baten per jaar − kosten per jaar", "benefits per year − costs per year"),
                   fixed + net + ["contacts_per_week"]),
            declare("break_even_possible", .boolean, Unit.yesNo,
                   text("Quitte spelen mogelijk", "Break-even possible"),
                   text("netto baat per contact > 0, of geen vaste kosten", "net benefit per contact > 0, or no fixed costs"),
                   fixed + net),
            declare("break_even_contacts_per_week", .number, Unit.contactsPerWeek,
                   text("Contacten per week om quitte te spelen", "Contacts per week to break even"),
                   text("vaste kosten per week / netto baat per contact, naar boven afgerond op een heel contact; 'nooit' als de netto baat per contact 0 of minder is",
                        "fixed costs per week / net benefit per contact, rounded up to a whole contact; 'never' when the net benefit per contact is 0 or less"),
                   fixed + net),
            declare("support_hours_per_year", .number, Unit.hoursPerYear,
                   text("Uren helpdesk en beheer per jaar", "Help desk and management hours per year"),
                   text("uren per week × weken per jaar + uren per cliënt per jaar × aantal cliënten", "hours per week × weeks per year + hours per client per year × clients"),
                   ["support_hours_per_week", "weeks_per_year", "support_hours_per_client_per_year", "client_count"]),
            declare("device_purchase", .money, Unit.euro,
                   text("Aanschaf apparaten (eenmalig)", "Device purchase (one-off)"),
                   text("aanschafprijs × aantal apparaten", "device price × device count"), ["device_price", "device_count"]),
            declare("cash_fixed_costs_per_year", .money, Unit.euroPerYear,
                   text("Vaste kosten per jaar in geld (zonder afschrijving)", "Fixed cash costs per year (without depreciation)"),
                   text("helpdesk en beheer + abonnementen + platformlicenties", "help desk and management + subscriptions + platform licences"), fixed),
            declare("cash_savings_per_year", .money, Unit.euroPerYear,
                   text("Besparing in geld per jaar", "Cash saved per year"),
                   text("(vermeden kosten − extra kosten per contact) × contacten per week × weken per jaar", "(avoided costs − extra costs per contact) × contacts per week × weeks per year"),
                   ["avoided_costs_per_contact", "extra_costs_per_contact", "contacts_per_week", "weeks_per_year"]),
            declare("cash_balance_per_year", .money, Unit.euroPerYear,
                   text("Saldo in geld per jaar", "Cash balance per year"),
                   text("besparing in geld per jaar − vaste kosten per jaar in geld", "cash saved per year − fixed cash costs per year"),
                   fixed + ["avoided_costs_per_contact", "extra_costs_per_contact", "contacts_per_week"]),
            declare("staff_time_value_per_year", .money, Unit.euroPerYear,
                   text("Waarde van vrijgekomen personeelstijd per jaar", "Value of staff time freed per year"),
                   text("bespaarde personeelskosten per contact × contacten per week × weken per jaar (geld pas als de formatie of de productie verandert)",
                        "staff costs saved per contact × contacts per week × weeks per year (cash only when staffing or production changes)"),
                   Array(benefit.dropLast()) + ["contacts_per_week", "weeks_per_year"]),
            declare("qualified_hours_freed_per_year", .number, Unit.hoursPerYear,
                   text("Vrijgekomen uren gekwalificeerde rol per jaar", "Hours of the qualified role freed per year"),
                   text("(reistijd + contacttijd + minuten goedkopere rol − supervisie) / 60 × contacten per week × weken per jaar",
                        "(travel + contact minutes + minutes of the cheaper role − supervision) / 60 × contacts per week × weeks per year"),
                   ["travel_minutes_saved", "visit_minutes_saved", "shifted_minutes", "supervision_minutes", "contacts_per_week", "weeks_per_year"]),
            declare("cheaper_role_hours_per_year", .number, Unit.hoursPerYear,
                   text("Extra uren goedkopere rol per jaar", "Extra hours of the cheaper role per year"),
                   text("minuten goedkopere rol / 60 × contacten per week × weken per jaar", "minutes of the cheaper role / 60 × contacts per week × weeks per year"),
                   ["shifted_minutes", "contacts_per_week", "weeks_per_year"]),
            declare("qualified_fte_freed", .number, Unit.fte,
                   text("Vrijgekomen fte gekwalificeerde rol", "FTE of the qualified role freed"),
                   text("vrijgekomen uren per jaar / productieve uren per fte per jaar", "hours freed per year / productive hours per FTE per year"),
                   ["travel_minutes_saved", "visit_minutes_saved", "shifted_minutes", "supervision_minutes", "contacts_per_week", "weeks_per_year", "hours_per_fte_per_year"]),
            declare("break_even_fixed_costs_minus_20", .number, Unit.contactsPerWeek,
                   text("Gevoeligheid: break-even bij vaste kosten −20%", "Sensitivity: break-even with fixed costs −20%"),
                   text("0,8 × vaste kosten per week / netto baat per contact, naar boven afgerond", "0.8 × fixed costs per week / net benefit per contact, rounded up"), fixed + net),
            declare("break_even_fixed_costs_plus_20", .number, Unit.contactsPerWeek,
                   text("Gevoeligheid: break-even bij vaste kosten +20%", "Sensitivity: break-even with fixed costs +20%"),
                   text("1,2 × vaste kosten per week / netto baat per contact, naar boven afgerond", "1.2 × fixed costs per week / net benefit per contact, rounded up"), fixed + net),
            declare("break_even_benefit_minus_20", .number, Unit.contactsPerWeek,
                   text("Gevoeligheid: break-even bij baat per contact −20%", "Sensitivity: break-even with benefit per contact −20%"),
                   text("vaste kosten per week / (0,8 × baat per contact − extra kosten per contact), naar boven afgerond", "fixed costs per week / (0.8 × benefit per contact − extra costs per contact), rounded up"), fixed + net),
            declare("break_even_benefit_plus_20", .number, Unit.contactsPerWeek,
                   text("Gevoeligheid: break-even bij baat per contact +20%", "Sensitivity: break-even with benefit per contact +20%"),
                   text("vaste kosten per week / (1,2 × baat per contact − extra kosten per contact), naar boven afgerond", "fixed costs per week / (1.2 × benefit per contact − extra costs per contact), rounded up"), fixed + net),
            declare("break_even_capacity_share", .percentage, Unit.percent,
                   text("Deel van de contactcapaciteit van een medewerker", "Share of a worker's contact capacity"),
                   text("contacten per week om quitte te spelen / contactcapaciteit per medewerker per week", "contacts per week to break even / contact capacity per worker per week"),
                   fixed + net + ["contact_capacity_per_week"]),
        ]
    }

    /// Computes the outputs whose inputs are known.
    ///
    /// - Parameter inputs: The known inputs.
    /// - Returns: The outputs and problems.
    public func calculate(_ inputs: [String: Value]) -> CalculatorResult {
        let input = InputValues(values: inputs)
        var result = ResultBuilder()
        for id in ["device_count", "depreciation_years", "support_hours_per_week", "subscription_count",
                   "support_hours_per_client_per_year", "client_count",
                   "travel_minutes_saved", "visit_minutes_saved", "shifted_minutes", "supervision_minutes",
                   "contacts_per_week"]
        where (input(id) ?? 0) < 0 {
            result.problem(id, text("'\(id)' mag niet negatief zijn.", "'\(id)' cannot be negative."))
        }
        let weeks = input("weeks_per_year")
        if let weeks, weeks <= 0 || weeks > 53 {
            result.problem("weeks_per_year", text("Het aantal weken per jaar moet tussen 1 en 53 liggen.",
                                                  "The number of weeks per year must be between 1 and 53."))
        }
        var fixedPerWeek: Decimal?
        var fixedPerYear: Decimal?
        if let costs = fixedCosts(input), result.result.problems.isEmpty {
            if let devices = costs.devicesPerYear {
                result.money("device_costs_per_year", devices)
            } else {
                result.problem("depreciation_years", text(
                    "De afschrijvingstermijn moet groter dan 0 jaar zijn als er apparaten worden gekocht.",
                    "The depreciation period must be above 0 years when devices are bought."))
            }
            result.money("support_costs_per_year", costs.supportPerYear)
            result.number("support_hours_per_year", costs.supportHoursPerYear)
            result.money("cash_fixed_costs_per_year", costs.cashPerYear)
            result.money("subscription_costs_per_year", costs.subscriptionsPerYear)
            result.money("fixed_costs_per_year", costs.perYear)
            result.money("fixed_costs_per_month", costs.perMonth)
            result.money("fixed_costs_per_week", costs.perWeek)
            fixedPerWeek = costs.perWeek
            fixedPerYear = costs.perYear
        } else if result.result.problems.isEmpty {
            // Not every fixed cost is known: the parts that are, still count.
            if let price = input("device_price"), let count = input("device_count"), let years = input("depreciation_years") {
                let purchase = price * count
                if purchase == 0 { result.money("device_costs_per_year", 0) }
                else if years > 0 { result.money("device_costs_per_year", purchase / years) }
            }
            if let hours = input("support_hours_per_week"), let weeks, let rate = input("support_hourly_rate"),
               let perClient = input("support_hours_per_client_per_year"), let clients = input("client_count") {
                result.number("support_hours_per_year", hours * weeks + perClient * clients)
                result.money("support_costs_per_year", (hours * weeks + perClient * clients) * rate)
            }
            if let price = input("subscription_per_month"), let count = input("subscription_count") {
                result.money("subscription_costs_per_year", price * count * 12)
            }
        }
        let benefit = contactBenefit(input)
        if let benefit, result.result.problems.isEmpty {
            result.money("staff_savings_per_contact", benefit.staffSavings)
            result.money("benefit_per_contact", benefit.gross)
            result.money("net_benefit_per_contact", benefit.net)
        }
        if let price = input("device_price"), let count = input("device_count"), result.result.problems.isEmpty {
            result.money("device_purchase", price * count)
        }
        if let hours = input("hours_per_fte_per_year"), hours <= 0 {
            result.problem("hours_per_fte_per_year", text(
                "Het aantal productieve uren per fte moet groter dan 0 zijn.",
                "The productive hours per FTE must be above 0."))
        }
        guard result.result.problems.isEmpty else { return result.result }
        let contacts = input("contacts_per_week")
        staffTime(input, contacts: contacts, weeks: weeks, into: &result)
        let extra = input("extra_costs_per_contact")
        // Yearly figures are worked out from yearly amounts, so that no division by the weeks is
        // multiplied back (€ 8,000 / 52 × 52 would not be exactly € 8,000 in decimals).
        if let fixedPerWeek, let fixedPerYear, let weeks, let contacts, let extra {
            let costsPerWeek = fixedPerWeek + extra * contacts
            let costsPerYear = fixedPerYear + extra * contacts * weeks
            result.money("costs_per_week", costsPerWeek)
            result.money("costs_per_year", costsPerYear)
            result.money("costs_per_month", costsPerYear / 12)
            if contacts > 0 {
                result.money("costs_per_contact", costsPerWeek / contacts)
            } else {
                result.set("costs_per_contact", .notApplicable(text(
                    "Geen contacten per week, dus geen kosten per contact.",
                    "No contacts per week, so no costs per contact.")))
            }
        }
        if let benefit, let contacts, let weeks {
            let perWeek = benefit.gross * contacts
            result.money("benefit_per_week", perWeek)
            result.money("benefit_per_year", perWeek * weeks)
            result.money("benefit_per_month", perWeek * weeks / 12)
            if let fixedPerYear {
                result.money("balance_per_year", benefit.net * contacts * weeks - fixedPerYear)
            }
            let cashSaved = (benefit.avoidedCostsPerContact - benefit.extraCostsPerContact) * contacts * weeks
            result.money("cash_savings_per_year", cashSaved)
            if let costs = fixedCosts(input) {
                result.money("cash_balance_per_year", cashSaved - costs.cashPerYear)
            }
        }
        if let benefit, let fixedPerWeek {
            let breakEven = BreakEven(fixedCostsPerWeek: fixedPerWeek, netBenefitPerContact: benefit.net)
            let never = text(
                "Nooit: elk contact bespaart niets of kost meer dan het oplevert (netto baat per contact 0 of minder).",
                "Never: each contact saves nothing or costs more than it brings in (net benefit per contact 0 or less).")
            switch breakEven {
            case .contacts(let count):
                result.boolean("break_even_possible", true)
                result.number("break_even_contacts_per_week", count)
                if let capacity = input("contact_capacity_per_week") {
                    if let share = breakEven.share(ofCapacity: capacity) {
                        result.percentage("break_even_capacity_share", share)
                    } else {
                        result.problem("contact_capacity_per_week", text(
                            "De contactcapaciteit per medewerker moet groter dan 0 zijn.",
                            "The contact capacity per worker must be above 0."))
                    }
                }
            case .never:
                result.boolean("break_even_possible", false)
                result.set("break_even_contacts_per_week", .notApplicable(never))
                result.set("break_even_capacity_share", .notApplicable(never))
            }
            sensitivity(benefit: benefit, fixedPerWeek: fixedPerWeek, never: never, into: &result)
        }
        return result.result
    }

    /// Break-even when the fixed costs or the benefit per contact move 20% either way.
    private func sensitivity(
        benefit: ContactBenefit, fixedPerWeek: Decimal, never: LocalizedText, into result: inout ResultBuilder
    ) {
        let low = Decimal(string: "0.8") ?? 0
        let high = Decimal(string: "1.2") ?? 0
        let cases: [(String, BreakEven)] = [
            ("break_even_fixed_costs_minus_20", BreakEven(fixedCostsPerWeek: fixedPerWeek * low, netBenefitPerContact: benefit.net)),
            ("break_even_fixed_costs_plus_20", BreakEven(fixedCostsPerWeek: fixedPerWeek * high, netBenefitPerContact: benefit.net)),
            ("break_even_benefit_minus_20", BreakEven(
                fixedCostsPerWeek: fixedPerWeek, netBenefitPerContact: benefit.gross * low - benefit.extraCostsPerContact)),
            ("break_even_benefit_plus_20", BreakEven(
                fixedCostsPerWeek: fixedPerWeek, netBenefitPerContact: benefit.gross * high - benefit.extraCostsPerContact)),
        ]
        for (id, breakEven) in cases {
            switch breakEven {
            case .contacts(let count): result.number(id, count)
            case .never: result.set(id, .notApplicable(never))
            }
        }
    }

    /// Staff time freed per year, in hours and FTE, apart from its value in money: time freed is
    /// only cash when staffing or production changes (the objection an organisation raised in the
    /// study, seed 003 §3.5).
    private func staffTime(_ input: InputValues, contacts: Decimal?, weeks: Decimal?, into result: inout ResultBuilder) {
        guard let contacts, let weeks, let travel = input("travel_minutes_saved"), let visit = input("visit_minutes_saved"),
              let shifted = input("shifted_minutes"), let supervision = input("supervision_minutes")
        else { return }
        let freed = (travel + visit + shifted - supervision) / 60 * contacts * weeks
        result.number("qualified_hours_freed_per_year", freed)
        result.number("cheaper_role_hours_per_year", shifted / 60 * contacts * weeks)
        if let hours = input("hours_per_fte_per_year"), hours > 0 {
            result.number("qualified_fte_freed", freed / hours)
        }
        if let benefit = contactBenefit(input) {
            result.money("staff_time_value_per_year", benefit.staffSavings * contacts * weeks)
        }
    }

    private func fixedCosts(_ input: InputValues) -> FixedCosts? {
        guard let devicePrice = input("device_price"), let deviceCount = input("device_count"),
              let depreciationYears = input("depreciation_years"),
              let supportHours = input("support_hours_per_week"), let supportRate = input("support_hourly_rate"),
              let subscription = input("subscription_per_month"), let subscriptions = input("subscription_count"),
              let licences = input("licences_per_year"), let weeks = input("weeks_per_year")
        else { return nil }
        return FixedCosts(
            devicePrice: devicePrice, deviceCount: deviceCount, depreciationYears: depreciationYears,
            supportHoursPerWeek: supportHours, supportHourlyRate: supportRate,
            subscriptionPerMonth: subscription, subscriptionCount: subscriptions,
            licencesPerYear: licences, weeksPerYear: weeks,
            supportHoursPerClientPerYear: input("support_hours_per_client_per_year") ?? 0,
            clientCount: input("client_count") ?? 0
        )
    }

    private func contactBenefit(_ input: InputValues) -> ContactBenefit? {
        guard let qualified = input("qualified_hourly_rate"), let travel = input("travel_minutes_saved"),
              let visit = input("visit_minutes_saved"), let shifted = input("shifted_minutes"),
              let cheaper = input("cheaper_hourly_rate"), let supervision = input("supervision_minutes"),
              let avoided = input("avoided_costs_per_contact")
        else { return nil }
        return ContactBenefit(
            qualifiedHourlyRate: qualified, travelMinutesSaved: travel, visitMinutesSaved: visit,
            shiftedMinutes: shifted, cheaperHourlyRate: cheaper, supervisionMinutes: supervision,
            avoidedCostsPerContact: avoided, extraCostsPerContact: input("extra_costs_per_contact") ?? 0
        )
    }
}

/// An output declaration, briefly.
func declare(
    _ id: String,
    _ type: ValueType,
    _ unit: LocalizedText,
    _ title: LocalizedText,
    _ formula: LocalizedText,
    _ inputs: [String]
) -> CalculatorOutput {
    CalculatorOutput(id: id, valueType: type, unit: unit, title: title, formula: formula, inputs: inputs)
}
