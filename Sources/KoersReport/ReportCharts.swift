import Foundation
import KoersInterview
import KoersPresentation

/// The charts of a report: one per session with charted scores, and one per comparison with
/// both series.
struct ReportCharts: Sendable {
    let report: Report
    let texts: ReportTexts

    init(report: Report) {
        self.report = report
        self.texts = ReportTexts(language: report.language)
    }

    /// The chart of a session's domains or steps, if it has any.
    func chart(for session: ReportSession) -> SVGChart? {
        let charted = session.scores.filter(\.charted)
        guard let first = charted.first, let maximum = Decimal(string: first.maximum) else { return nil }
        let title = "\(texts.chartOf) \(session.evaluation.pack.title), \(session.evaluation.date)"
        return SVGChart(
            id: "chart-\(session.id)",
            title: title,
            categories: charted.map(\.title),
            maximum: maximum,
            series: [SVGChart.Series(name: session.evaluation.date, values: charted.map { $0.effective.flatMap { Decimal(string: $0) } })],
            unknownText: texts.unknownValue,
            formatValue: formatter
        )
    }

    /// The chart of a comparison: baseline and follow-up side by side.
    func chart(for comparison: ReportComparison, index: Int) -> SVGChart? {
        let rows = comparison.rows.filter(\.charted)
        guard let first = rows.first, let maximum = Decimal(string: first.maximum) else { return nil }
        let title = "\(texts.chartOf) \(comparison.packTitle): \(texts.baseline) \(comparison.baselineDate), "
            + "\(texts.followUp) \(comparison.followUpDate)"
        return SVGChart(
            id: "chart-comparison-\(index + 1)",
            title: title,
            categories: rows.map(\.title),
            maximum: maximum,
            series: [
                SVGChart.Series(
                    name: "\(texts.baseline) \(comparison.baselineDate)",
                    values: rows.map { $0.baseline.flatMap { Decimal(string: $0) } }
                ),
                SVGChart.Series(
                    name: "\(texts.followUp) \(comparison.followUpDate)",
                    values: rows.map { $0.followUp.flatMap { Decimal(string: $0) } }
                ),
            ],
            unknownText: texts.unknownValue,
            formatValue: formatter
        )
    }

    private var formatter: @Sendable (Decimal) -> String {
        let texts = self.texts
        return { texts.number($0.description) }
    }
}
