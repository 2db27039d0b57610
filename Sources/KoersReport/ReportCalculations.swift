import Foundation
import KoersInterview

/// The calculations section of a report (business cases and the like): per calculation a table
/// of inputs (value and unit) and a table of results (value, unit and formula), in Markdown and
/// as the context of the HTML template. The JSON report carries the same data in each session's
/// `evaluation.calculations`.
enum ReportCalculations {
    /// The section's fixed texts.
    struct Labels {
        let language: String
        private func pick(_ dutch: String, _ english: String) -> String { language == "en" ? english : dutch }

        var heading: String { pick("Berekeningen", "Calculations") }
        var inputs: String { pick("Invoer", "Inputs") }
        var outputs: String { pick("Uitkomsten", "Results") }
        var value: String { pick("Waarde", "Value") }
        var unit: String { pick("Eenheid", "Unit") }
        var formula: String { pick("Formule", "Formula") }
        var unknown: String { pick("onbekend", "unknown") }
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
