import ArgumentParser
import KoersCore
import Foundation
import KoersSource

extension KoersCommand {
    /// `koers list`: the packs on the plugin path.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the rule packs on the plugin path with id, version, title and validity.",
            discussion: """
                With --extensions, list what code plugins registered instead: the plugins, expression \
                functions, question types, report formats and calculators.
                """
        ).inDutchWhenAsked()

        @OptionGroup var packs: PackOptions

        @Option(help: "The language of the titles: nl or en.")
        var lang: String = "nl"

        @Flag(help: "List the code plugins and what they registered instead of the packs.")
        var extensions = false

        func validate() throws {
            guard ["nl", "en"].contains(lang) else {
                throw ValidationError("--lang must be nl or en, not '\(lang)'")
            }
        }

        func run() async throws {
            if extensions {
                print(ExtensionListing(registry: try packs.registry()).text, terminator: "")
                return
            }
            let loader = RulePackLoader(registry: try packs.registry())
            let catalog = packs.catalog()
            DiagnosticPrinter().print(catalog.diagnostics, files: [])
            var rows: [[String]] = [["ID", "VERSION", "VALID", "TITLE", "FOLDER"]]
            for result in catalog.loadAll(with: loader) {
                if let pack = result.pack {
                    rows.append([
                        pack.id, pack.manifest.version.description, pack.manifest.validity.description,
                        pack.manifest.title.text(in: lang) + (pack.manifest.extends.map { " (\($0.summary))" } ?? ""),
                        result.directory,
                    ])
                } else {
                    let errors = result.diagnostics.filter { $0.severity == .error }.count
                    rows.append([
                        "?", "", "", "invalid pack (\(errors) error\(errors == 1 ? "" : "s"); run 'koers validate')",
                        result.directory,
                    ])
                }
            }
            if rows.count == 1 {
                print("No rule packs found. Use --rules or --plugins, or set \(PackCatalog.pluginPathVariable).")
                return
            }
            let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                let cells = row.enumerated().map { index, cell in
                    index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                }
                print(cells.joined(separator: "  "))
            }
        }
    }
}
