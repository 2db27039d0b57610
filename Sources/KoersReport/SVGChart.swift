public import Foundation

/// A horizontal bar chart as inline SVG: one group of bars per category (a domain or a step),
/// one bar per series (a session). Readable in greyscale and print: the first series is solid
/// dark grey, the second hatched, every bar has its value written beside it, and the chart has
/// a `<title>`, a `<desc>` and an `aria-label`. Every text is escaped for XML.
public struct SVGChart: Sendable, Hashable {
    /// One series of values, such as one session.
    public struct Series: Sendable, Hashable {
        /// The series' name in the legend, such as `0-meting (2026-03-02)`.
        public var name: String
        /// One value per category; `nil` where unknown.
        public var values: [Decimal?]

        /// Creates a series.
        ///
        /// - Parameters:
        ///   - name: The name in the legend.
        ///   - values: One value per category.
        public init(name: String, values: [Decimal?]) {
            self.name = name
            self.values = values
        }
    }

    /// A unique id within the page, for the chart's patterns and title.
    public var id: String
    /// The title, read by screen readers and shown as a tooltip.
    public var title: String
    /// The categories, in order.
    public var categories: [String]
    /// The highest value on the axis.
    public var maximum: Decimal
    /// The series: one or two.
    public var series: [Series]
    /// The word for an unknown value.
    public var unknownText: String
    /// How a value is written, such as with a decimal comma.
    public var formatValue: @Sendable (Decimal) -> String

    /// Creates a chart.
    ///
    /// - Parameters:
    ///   - id: A unique id within the page.
    ///   - title: The title.
    ///   - categories: The categories.
    ///   - maximum: The highest value on the axis.
    ///   - series: The series.
    ///   - unknownText: The word for an unknown value.
    ///   - formatValue: How a value is written.
    public init(
        id: String,
        title: String,
        categories: [String],
        maximum: Decimal,
        series: [Series],
        unknownText: String = "?",
        formatValue: @escaping @Sendable (Decimal) -> String = { $0.description }
    ) {
        self.id = id
        self.title = title
        self.categories = categories
        self.maximum = maximum
        self.series = series
        self.unknownText = unknownText
        self.formatValue = formatValue
    }

    /// Two charts are equal when they draw the same.
    public static func == (lhs: SVGChart, rhs: SVGChart) -> Bool {
        lhs.id == rhs.id && lhs.title == rhs.title && lhs.categories == rhs.categories && lhs.maximum == rhs.maximum
            && lhs.series == rhs.series
    }

    /// Hashes what the chart draws.
    ///
    /// - Parameter hasher: The hasher.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(categories)
        hasher.combine(series)
    }

    private let width = 680
    private let labelWidth = 250
    private let barArea = 350
    private let barHeight = 16
    private let groupGap = 14
    private let lineHeight = 14

    /// A text that describes every value, for `<desc>` and for readers without the picture.
    public var summary: String {
        categories.enumerated().map { index, category in
            let values = series.map { serie in
                let value = index < serie.values.count ? serie.values[index] : nil
                let text = value.map(formatValue) ?? unknownText
                return series.count > 1 ? "\(serie.name): \(text)" : text
            }
            return "\(category): \(values.joined(separator: ", "))"
        }.joined(separator: "; ")
    }

    /// The chart as an `<svg>` element.
    public func render() -> String {
        let wrapped = categories.map { Self.wrap($0, width: 34) }
        var groupHeights: [Int] = []
        for lines in wrapped {
            groupHeights.append(max(series.count * barHeight, lines.count * lineHeight) + groupGap)
        }
        let top = 10
        let legendHeight = series.count > 1 ? 28 : 0
        let chartHeight = groupHeights.reduce(0, +)
        let height = top + chartHeight + 24 + legendHeight
        let titleID = "\(id)-title"
        let descID = "\(id)-desc"
        let x0 = labelWidth
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" width="\(width)" height="\(height)" \
            viewBox="0 0 \(width) \(height)" aria-labelledby="\(titleID) \(descID)" aria-label="\(Self.escape(title))">
            <title id="\(titleID)">\(Self.escape(title))</title>
            <desc id="\(descID)">\(Self.escape(summary))</desc>
            <defs><pattern id="\(id)-hatch" patternUnits="userSpaceOnUse" width="6" height="6" \
            patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>\
            <line x1="0" y1="0" x2="0" y2="6" stroke="#000000" stroke-width="3"/></pattern></defs>

            """
        // Grid lines and axis labels: at every whole number for a small scale (such as 1 to 5),
        // else at 0, 25, 50, 75 and 100 % of the maximum.
        let axisY = top + chartHeight
        let wholeSteps = NSDecimalNumber(decimal: maximum).intValue
        let steps = Decimal(wholeSteps) == maximum && (2...10).contains(wholeSteps) ? wholeSteps : 4
        for step in 0...steps {
            let x = x0 + barArea * step / steps
            let value = maximum * Decimal(step) / Decimal(steps)
            svg += "<line x1=\"\(x)\" y1=\"\(top)\" x2=\"\(x)\" y2=\"\(axisY)\" stroke=\"#bbbbbb\" stroke-width=\"1\"/>\n"
            svg += "<text x=\"\(x)\" y=\"\(axisY + 16)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#000000\">"
                + "\(Self.escape(formatValue(Self.rounded(value))))</text>\n"
        }
        var y = top
        for (index, lines) in wrapped.enumerated() {
            let groupHeight = groupHeights[index] - groupGap
            let labelTop = y + (groupHeight - lines.count * lineHeight) / 2 + 11
            svg += "<text x=\"\(x0 - 8)\" y=\"\(labelTop)\" font-size=\"12\" text-anchor=\"end\" fill=\"#000000\">"
            for (lineIndex, line) in lines.enumerated() {
                svg += "<tspan x=\"\(x0 - 8)\" dy=\"\(lineIndex == 0 ? 0 : lineHeight)\">\(Self.escape(line))</tspan>"
            }
            svg += "</text>\n"
            let barsTop = y + (groupHeight - series.count * barHeight) / 2
            for (serieIndex, serie) in series.enumerated() {
                let value = index < serie.values.count ? serie.values[index] : nil
                let barY = barsTop + serieIndex * barHeight
                let length = value.map { barLength($0) } ?? 0
                let fill = serieIndex == 0 ? "#404040" : "url(#\(id)-hatch)"
                if length > 0 {
                    svg += "<rect x=\"\(x0)\" y=\"\(barY + 1)\" width=\"\(length)\" height=\"\(barHeight - 2)\" "
                        + "fill=\"\(fill)\" stroke=\"#000000\" stroke-width=\"1\"/>\n"
                }
                let text = value.map(formatValue) ?? unknownText
                svg += "<text x=\"\(x0 + length + 5)\" y=\"\(barY + barHeight - 4)\" font-size=\"11\" "
                    + "fill=\"#000000\">\(Self.escape(text))</text>\n"
            }
            y += groupHeights[index]
        }
        svg += "<line x1=\"\(x0)\" y1=\"\(top)\" x2=\"\(x0)\" y2=\"\(axisY)\" stroke=\"#000000\" stroke-width=\"1\"/>\n"
        if series.count > 1 {
            var legendX = x0
            let legendY = axisY + 30
            for (serieIndex, serie) in series.enumerated() {
                let fill = serieIndex == 0 ? "#404040" : "url(#\(id)-hatch)"
                svg += "<rect x=\"\(legendX)\" y=\"\(legendY - 10)\" width=\"14\" height=\"12\" fill=\"\(fill)\" "
                    + "stroke=\"#000000\" stroke-width=\"1\"/>\n"
                svg += "<text x=\"\(legendX + 20)\" y=\"\(legendY)\" font-size=\"12\" fill=\"#000000\">"
                    + "\(Self.escape(serie.name))</text>\n"
                legendX += 40 + serie.name.count * 7
            }
        }
        svg += "</svg>"
        return svg
    }

    private func barLength(_ value: Decimal) -> Int {
        guard maximum > 0 else { return 0 }
        let fraction = NSDecimalNumber(decimal: min(max(value, 0), maximum) / maximum).doubleValue
        return Int((fraction * Double(barArea)).rounded())
    }

    private static func rounded(_ value: Decimal) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, 1, .plain)
        return output
    }

    /// Splits a label into lines of at most `width` characters, at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = String(word)
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }

    /// Escapes text for XML and HTML: `&`, `<`, `>`, `"` and `'`.
    ///
    /// - Parameter text: The text.
    /// - Returns: The escaped text.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
