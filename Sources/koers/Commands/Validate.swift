import ArgumentParser
import Foundation
import KoersCore
import KoersSource

extension KoersCommand {
    /// `koers validate`: checks packs and prints every problem found.
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check rule packs and print every problem found.",
            discussion: """
                Without paths, checks every pack on the plugin path (the packs compiled into koers, \
                or --rules, then --plugins). A path is a pack folder (with \
                pack.yaml) or a folder of pack folders. Problems are printed as \
                file:line:column: error|warning: message. Exits with 1 when any error is found.
                """
        ).inDutchWhenAsked()

        @OptionGroup var packs: PackOptions

        @OptionGroup var diagnosticLanguage: DiagnosticLanguageOptions

        @Argument(help: ArgumentHelp("Pack folders, or folders of packs, to check.", valueName: "path"))
        var paths: [String] = []

        @Flag(help: "Treat warnings as errors.")
        var warningsAsErrors = false

        func run() async throws {
            let loader = packs.loader(registry: try packs.registry(), searchingFirst: paths)
            let catalog = paths.isEmpty ? packs.catalog() : PackCatalog(roots: paths)
            let printer = DiagnosticPrinter(language: diagnosticLanguage.language)
            printer.print(catalog.diagnostics, files: [])
            if catalog.packDirectories.isEmpty, catalog.diagnostics.isEmpty {
                printer.writeToStandardError(
                    "error: "
                        + printer.text(
                            "no rule packs found; give a pack folder or use --rules/--plugins",
                            nl: "geen regelpakketten gevonden; geef een pakketmap of gebruik --rules/--plugins"
                        ) + "\n"
                )
                throw ExitCode.failure
            }
            var failed = catalog.diagnostics.containsErrors
            // Paths given are folders on disk, even one named like a compiled-in pack (Rules/…).
            for result in catalog.loadAll(with: paths.isEmpty ? loader : loader.readingFromDisk) {
                printer.print(result.diagnostics, files: result.files)
                let errors = result.diagnostics.filter { $0.severity == .error }.count
                let warnings = result.diagnostics.filter { $0.severity == .warning }.count
                let name = result.pack.map { "\($0.id) \($0.manifest.version)" } ?? result.directory
                let status = errors > 0 || (warningsAsErrors && warnings > 0) ? "FAILED" : "ok"
                // Unbuffered, so the summary stays next to its diagnostics when both streams share a file.
                printer.writeToStandardOutput(
                    "\(status)  \(name) (\(result.directory)): \(count(errors, printer, "error", nl: "fout", "fouten")), "
                        + "\(count(warnings, printer, "warning", nl: "waarschuwing", "waarschuwingen"))\n"
                )
                if status != "ok" { failed = true }
            }
            if failed { throw ExitCode.failure }
        }

        /// `2 errors`, or in Dutch `2 fouten`.
        private func count(
            _ number: Int, _ printer: DiagnosticPrinter, _ noun: String, nl singular: String, _ plural: String
        ) -> String {
            printer.text(
                "\(number) \(noun)\(number == 1 ? "" : "s")", nl: "\(number) \(number == 1 ? singular : plural)"
            )
        }
    }
}
