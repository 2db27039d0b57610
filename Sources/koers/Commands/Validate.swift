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
        )

        @OptionGroup var packs: PackOptions

        @Argument(help: ArgumentHelp("Pack folders, or folders of packs, to check.", valueName: "path"))
        var paths: [String] = []

        @Flag(help: "Treat warnings as errors.")
        var warningsAsErrors = false

        func run() async throws {
            let loader = packs.loader(registry: try packs.registry(), searchingFirst: paths)
            let catalog = paths.isEmpty ? packs.catalog() : PackCatalog(roots: paths)
            let printer = DiagnosticPrinter()
            printer.print(catalog.diagnostics, files: [])
            if catalog.packDirectories.isEmpty, catalog.diagnostics.isEmpty {
                printer.writeToStandardError("error: no rule packs found; give a pack folder or use --rules/--plugins\n")
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
                    "\(status)  \(name) (\(result.directory)): \(count(errors, "error")), \(count(warnings, "warning"))\n"
                )
                if status != "ok" { failed = true }
            }
            if failed { throw ExitCode.failure }
        }

        private func count(_ number: Int, _ noun: String) -> String {
            "\(number) \(noun)\(number == 1 ? "" : "s")"
        }
    }
}
