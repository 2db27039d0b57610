import KoersCore
import KoersExpression
import KoersReport

/// The text of `koers list --extensions`: every registered plugin and what it added, grouped by
/// extension point.
struct ExtensionListing {
    /// The registry to describe.
    var registry: PluginRegistry

    /// The listing, one section per extension point, ending in a newline.
    var text: String {
        let sections: [(String, [String])] = [
            ("Plugins", registry.pluginIDs),
            ("Expression functions", registry.functions.all.map { "\($0.name)  \($0.summary)" }),
            ("Question types", registry.questionTypes.map { "\($0.id)  \($0.summary)" }),
            ("Report formats", registry.reportFormats.map { "\($0.id)  \($0.summary)" }),
            ("Calculators", registry.calculators.map { "\($0.id)  \($0.summary.text(in: "en"))" }),
        ]
        return sections.map { title, lines in
            "\(title):\n" + lines.map { "  \($0)\n" }.joined()
        }.joined(separator: "\n")
    }
}
