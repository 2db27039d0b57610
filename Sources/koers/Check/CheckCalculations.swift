import KoersInterview
import KoersPresentation

/// The calculations of a check result (business cases and the like) for the text and Markdown
/// outputs: each result with its value and unit, and in Markdown its formula.
struct CheckCalculations {
    /// The result to write.
    let document: EvaluationDocument

    private var isDutch: Bool { document.language == "nl" }
    private var heading: String { isDutch ? "Berekeningen" : "Calculations" }
    private var unknown: String { isDutch ? "onbekend" : "unknown" }

    private func value(_ output: EvaluationDocument.CalculationOutputEntry) -> String {
        output.formatted ?? output.reason ?? unknown
    }

    /// Plain-text lines: a heading, then per calculation its title and results.
    func textLines() -> [String] {
        var lines = ["", heading]
        for calculation in document.calculations {
            lines.append("  \(calculation.title)")
            for output in calculation.outputs {
                lines.append("    \(output.title): \(value(output)) (\(output.unit))")
            }
        }
        return lines
    }

    /// A Markdown block: per calculation a table of results with unit and formula.
    func markdownBlock() -> String {
        var lines = ["## " + heading]
        let (result, amount, unit, formula) =
            isDutch ? ("Uitkomst", "Waarde", "Eenheid", "Formule") : ("Result", "Value", "Unit", "Formula")
        for calculation in document.calculations {
            lines += ["", "### " + CheckMarkdownRenderer.inline(calculation.title), ""]
            lines += ["| \(result) | \(amount) | \(unit) | \(formula) |", "| --- | --- | --- | --- |"]
            for output in calculation.outputs {
                lines.append(
                    "| \(CheckMarkdownRenderer.cell(output.title)) | \(CheckMarkdownRenderer.cell(value(output))) | "
                        + "\(CheckMarkdownRenderer.cell(output.unit)) | \(CheckMarkdownRenderer.cell(output.formula)) |"
                )
            }
        }
        return lines.joined(separator: "\n")
    }
}
