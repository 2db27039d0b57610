import Foundation
import KoersInterview
import KoersPresentation

/// The calculations section of a report (business cases and the like): per calculation a table
/// of inputs (value and unit) and a table of results (value, unit and formula), in Markdown and
/// as the context of the HTML template. The JSON report carries the same data in each session's
/// `evaluation.calculations`.
enum ReportCalculations {
    /// The section's fixed texts.
    struct Labels {
        let language: String
        private func pick(_ dutch: String, _ english: String) -> String { language == "en" ? english : dutch }
        private func pick(_ text: FrontEndText) -> String { pick(text.nl, text.en) }

        var heading: String { pick("Berekeningen", "Calculations") }
        var inputs: String { pick("Invoer", "Inputs") }
        var outputs: String { pick("Uitkomsten", "Results") }
        var value: String { pick(.value) }
        var unit: String { pick(.unit) }
        var formula: String { pick("Formule", "Formula") }
        var unknown: String { pick(.unknown) }
        var defaulted: String { pick("standaard", "default") }
        var rounding: String {
            pick(
                "Bedragen afgerond op centen, percentages en getallen op twee decimalen (half naar boven); "
                    + "er wordt gerekend met de onafgeronde waarden.",
                "Amounts rounded to cents, percentages and numbers to two decimals (half up); "
                    + "the calculations use the unrounded values."
            )
        }

        /// The labels for the HTML template.
        var dictionary: [String: String] {
            [
                "heading": heading, "inputs": inputs, "outputs": outputs, "value": value, "unit": unit,
                "formula": formula, "rounding": rounding,
            ]
        }
    }

    /// An input's value as shown: the rounded value, marked when it is the default, or "unknown".
    static func inputValue(_ input: EvaluationDocument.CalculationInputEntry, _ labels: Labels) -> String {
        guard let formatted = input.formatted else { return labels.unknown }
        return input.bound ? formatted : "\(formatted) (\(labels.defaulted))"
    }

    /// An output's value as shown: the rounded value, the reason it has none, or "unknown".
    static func outputValue(_ output: EvaluationDocument.CalculationOutputEntry, _ labels: Labels) -> String {
        output.formatted ?? output.reason ?? labels.unknown
    }

    /// The Markdown lines of the section.
    ///
    /// - Parameters:
    ///   - calculations: The calculations of one session.
    ///   - language: `nl` or `en`.
    /// - Returns: The lines, starting with a `###` heading.
    static func markdown(_ calculations: [EvaluationDocument.CalculationEntry], language: String) -> [String] {
        let labels = Labels(language: language)
        let inline = MarkdownReportRenderer.inline
        var lines = ["### \(labels.heading)", "", "_\(inline(labels.rounding))_", ""]
        for calculation in calculations {
            lines += ["#### \(inline(calculation.title))", ""]
            lines += ["| \(labels.inputs) | \(labels.value) | \(labels.unit) |", "| --- | ---: | --- |"]
            for input in calculation.inputs {
                lines.append("| \(inline(input.title)) | \(inline(inputValue(input, labels))) | \(inline(input.unit)) |")
            }
            lines.append("")
            lines += [
                "| \(labels.outputs) | \(labels.value) | \(labels.unit) | \(labels.formula) |",
                "| --- | ---: | --- | --- |",
            ]
            for output in calculation.outputs {
                lines.append(
                    "| \(inline(output.title)) | \(inline(outputValue(output, labels))) | \(inline(output.unit)) | "
                        + "\(inline(output.formula)) |"
                )
            }
            lines.append("")
            if !calculation.sources.isEmpty {
                lines += ["_\(calculation.sources.map { inline($0.text) }.joined(separator: "; "))_", ""]
            }
        }
        return lines
    }

    // MARK: - One page for a financial director

    /// A group of key figures in the summary, such as "Money" or "Time".
    struct SummaryGroup {
        /// The group's heading.
        let title: String
        /// Label, shown value and unit of each figure, in a fixed order.
        let rows: [(label: String, value: String, unit: String)]
    }

    /// Which outputs the summary shows, per group: (calculator id, output id). Only outputs that
    /// have a value or a reason appear, so a session with blended care only gets its own figures.
    private static let summaryFigures: [(nl: String, en: String, figures: [(String, String)])] = [
        ("Geld (wat de organisatie uitgeeft of niet meer uitgeeft)", "Money (what the organisation spends or no longer spends)", [
            ("multi_year", "own_contribution"), ("contact_costing", "cash_fixed_costs_per_year"),
            ("contact_costing", "cash_savings_per_year"), ("contact_costing", "cash_balance_per_year"),
            ("blended_care", "technology_costs_per_year"),
        ]),
        ("Tijd (pas geld als de formatie of de productie verandert)", "Time (money only when staffing or production changes)", [
            ("contact_costing", "qualified_hours_freed_per_year"), ("contact_costing", "qualified_fte_freed"),
            ("contact_costing", "cheaper_role_hours_per_year"), ("contact_costing", "staff_time_value_per_year"),
            ("blended_care", "required_time_saving"), ("blended_care", "break_even_feasible"),
        ]),
        ("Quitte en terugverdienen", "Break-even and payback", [
            ("contact_costing", "break_even_contacts_per_week"), ("contact_costing", "break_even_capacity_share"),
            ("contact_costing", "balance_per_year"), ("multi_year", "net_savings_per_year"),
            ("multi_year", "payback_year"), ("multi_year", "final_balance"), ("multi_year", "net_present_value"),
            ("multi_year", "discounted_payback_year"),
        ]),
        ("Gevoeligheid (±20%)", "Sensitivity (±20%)", [
            ("contact_costing", "break_even_fixed_costs_minus_20"), ("contact_costing", "break_even_fixed_costs_plus_20"),
            ("contact_costing", "break_even_benefit_minus_20"), ("contact_costing", "break_even_benefit_plus_20"),
            ("multi_year", "payback_year_savings_minus_20"), ("multi_year", "payback_year_savings_plus_20"),
            ("multi_year", "payback_year_costs_minus_20"), ("multi_year", "payback_year_costs_plus_20"),
        ]),
    ]

    /// The summary's heading.
    static func summaryHeading(_ language: String) -> String {
        language == "en" ? "Summary for the financial director" : "Samenvatting voor de financieel directeur"
    }

    /// What the summary's figures mean, in one paragraph.
    static func summaryNote(_ language: String) -> String {
        language == "en"
            ? "The business case on one page. Money and time are kept apart: freed staff time is money only when "
                + "staffing or production changes. Devices count once, as purchase and replacement, not again as "
                + "depreciation. The details and formulas follow under Calculations."
            : "De business case op één pagina. Geld en tijd staan apart: vrijgekomen personeelstijd is pas geld als "
                + "de formatie of de productie verandert. Apparaten tellen één keer, als aanschaf en vervanging, niet "
                + "nog eens als afschrijving. De uitwerking en formules staan onder Berekeningen."
    }

    /// The key figures of a session's business case for a financial director, grouped; empty when
    /// the session has no business-case figures.
    ///
    /// - Parameters:
    ///   - calculations: The calculations of one session.
    ///   - language: `nl` or `en`.
    static func directorSummary(_ calculations: [EvaluationDocument.CalculationEntry], language: String) -> [SummaryGroup] {
        let labels = Labels(language: language)
        var groups: [SummaryGroup] = []
        for group in summaryFigures {
            var rows: [(label: String, value: String, unit: String)] = []
            for (calculator, outputID) in group.figures {
                for calculation in calculations where calculation.calculator == calculator {
                    guard let output = calculation.outputs.first(where: { $0.id == outputID }),
                          output.formatted != nil || output.reason != nil
                    else { continue }
                    rows.append((output.title, outputValue(output, labels), output.unit))
                }
            }
            if !rows.isEmpty { groups.append(SummaryGroup(title: language == "en" ? group.en : group.nl, rows: rows)) }
        }
        return groups
    }

    /// The Markdown lines of the summary, or none.
    static func summaryMarkdown(_ calculations: [EvaluationDocument.CalculationEntry], language: String) -> [String] {
        let groups = directorSummary(calculations, language: language)
        guard !groups.isEmpty else { return [] }
        let labels = Labels(language: language)
        let inline = MarkdownReportRenderer.inline
        var lines = ["### \(summaryHeading(language))", "", "_\(inline(summaryNote(language)))_", ""]
        for group in groups {
            lines += ["**\(inline(group.title))**", "", "| | \(labels.value) | \(labels.unit) |", "| --- | ---: | --- |"]
            for row in group.rows {
                lines.append("| \(inline(row.label)) | \(inline(row.value)) | \(inline(row.unit)) |")
            }
            lines.append("")
        }
        return lines
    }

    /// The HTML template's context for the summary: one entry per group.
    static func summaryContext(_ calculations: [EvaluationDocument.CalculationEntry], language: String) -> [[String: Any]] {
        directorSummary(calculations, language: language).map { group in
            ["title": group.title, "rows": group.rows.map { ["label": $0.label, "value": $0.value, "unit": $0.unit] }]
        }
    }

    /// The HTML template's context for the section.
    ///
    /// - Parameters:
    ///   - calculations: The calculations of one session.
    ///   - language: `nl` or `en`.
    /// - Returns: One entry per calculation.
    static func htmlContext(_ calculations: [EvaluationDocument.CalculationEntry], language: String) -> [[String: Any]] {
        let labels = Labels(language: language)
        return calculations.map { calculation in
            var entry: [String: Any] = [
                "title": calculation.title,
                "inputs": calculation.inputs.map { input in
                    ["title": input.title, "value": inputValue(input, labels), "unit": input.unit, "help": input.help]
                },
                "outputs": calculation.outputs.map { output in
                    ["title": output.title, "value": outputValue(output, labels), "unit": output.unit,
                     "formula": output.formula]
                },
            ]
            // Only when there are any: a Mustache section counts an empty text as present.
            if !calculation.sources.isEmpty {
                entry["sources"] = calculation.sources.map(\.text).joined(separator: "; ")
            }
            return entry
        }
    }
}
