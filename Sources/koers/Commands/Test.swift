import ArgumentParser
import Foundation
import KoersCore
import KoersExpression
import KoersInterview
import KoersSource

extension KoersCommand {
    /// `koers test`: runs the test cases that packs ship.
    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run the test cases of rule packs.",
            discussion: """
                Without packs, runs the cases of every pack on the plugin path. A pack is an id on \
                the plugin path or a pack folder. Prints 'ok  <pack>  N cases' per pack that passes; \
                for a failing case, one line per failed expectation to standard error, as \
                file:line:column: error: test case '<name>' failed: <what>. Exits with 1 when a case \
                fails or a pack cannot be loaded.
                """
        ).inDutchWhenAsked()

        @OptionGroup var packs: PackOptions

        @OptionGroup var diagnosticLanguage: DiagnosticLanguageOptions

        @Argument(
            help: ArgumentHelp("Pack ids or pack folders (default: every pack on the plugin path).", valueName: "pack"),
            completion: PackCompletion.kind
        )
        var references: [String] = []

        @Option(
            help: ArgumentHelp("The date for cases that give none, YYYY-MM-DD (default: today).", valueName: "date")
        )
        var date: String?

        func validate() throws {
            if let date, CalendarDate(iso: date) == nil {
                throw ValidationError("--date must be a date written as YYYY-MM-DD, such as 2021-10-01, not '\(date)'")
            }
        }

        func run() async throws {
            let printer = DiagnosticPrinter(language: diagnosticLanguage.language)
            let today = date.flatMap(CalendarDate.init(iso:)) ?? .today()
            var tally = Tally(printer: printer)
            for pack in try selectedPacks(printer: printer, tally: &tally) {
                let results = PackTestRunner(pack: pack.pack, functions: pack.registry.functions).run(today: today)
                let failed = results.filter { !$0.passed }
                for result in failed {
                    let name = result.testCase.name
                    let failedText = printer.text("test case '\(name)' failed", nl: "testgeval '\(name)' mislukt")
                    for failure in result.failures(in: printer.language) {
                        printer.writeToStandardError("\(result.location): error: \(failedText): \(failure)\n")
                    }
                }
                let cases = tally.caseCount(results.count)
                if failed.isEmpty {
                    printer.writeToStandardOutput("ok  \(pack.pack.id)  \(cases)\n")
                } else {
                    printer.writeToStandardOutput(
                        "FAILED  \(pack.pack.id)  " + printer.text("\(failed.count) of \(cases) failed",
                                                                nl: "\(failed.count) van \(cases) mislukt") + "\n"
                    )
                }
                tally.packs += 1
                tally.cases += results.count
                tally.failedCases += failed.count
            }
            printer.writeToStandardOutput(tally.summary + "\n")
            if !tally.passed { throw ExitCode.failure }
        }

        /// The packs named on the command line, or every pack on the plugin path; a pack that
        /// cannot be loaded is reported and counted as failed.
        private func selectedPacks(printer: DiagnosticPrinter, tally: inout Tally) throws -> [SelectedPack] {
            var selected: [SelectedPack] = []
            if references.isEmpty {
                let registry = try packs.registry()
                let catalog = packs.catalog()
                printer.print(catalog.diagnostics, files: [])
                if catalog.packDirectories.isEmpty {
                    printer.writeToStandardError(
                        "error: "
                            + printer.text(
                                "no rule packs found; give a pack or use --rules/--plugins",
                                nl: "geen regelpakketten gevonden; geef een pakket of gebruik --rules/--plugins"
                            ) + "\n"
                    )
                    throw ExitCode.failure
                }
                if catalog.diagnostics.containsErrors { tally.brokenPacks += 1 }
                for result in catalog.loadAll(with: RulePackLoader(registry: registry)) {
                    guard let pack = result.pack, !result.hasErrors else {
                        printer.print(result.diagnostics, files: result.files)
                        printer.writeToStandardOutput(
                            "FAILED  \(result.directory)  "
                                + printer.text("the pack has errors (koers validate)",
                                               nl: "het pakket heeft fouten (koers validate)") + "\n"
                        )
                        tally.brokenPacks += 1
                        continue
                    }
                    selected.append(SelectedPack(pack: pack, registry: registry, files: result.files))
                }
            } else {
                for reference in references {
                    do {
                        selected.append(try packs.loadPack(reference, withTests: true, language: printer.language))
                    } catch is ExitCode {
                        // loadPack has printed why.
                        printer.writeToStandardOutput(
                            "FAILED  \(reference)  "
                                + printer.text("the pack cannot be loaded", nl: "het pakket kan niet worden geladen") + "\n"
                        )
                        tally.brokenPacks += 1
                    }
                }
            }
            return selected
        }

        static func count(_ number: Int, _ noun: String) -> String {
            "\(number) \(noun)\(number == 1 ? "" : "s")"
        }
    }
}

/// What a `koers test` run found, for its summary line.
private struct Tally {
    /// The printer whose language the summary is in.
    let printer: DiagnosticPrinter
    var packs = 0
    var cases = 0
    var failedCases = 0
    /// Packs that could not be loaded (or plugin-path problems).
    var brokenPacks = 0

    var passed: Bool { failedCases == 0 && brokenPacks == 0 }

    /// `8 cases`, or in Dutch `8 testgevallen`.
    func caseCount(_ number: Int) -> String {
        printer.text(KoersCommand.Test.count(number, "case"), nl: "\(number) \(number == 1 ? "testgeval" : "testgevallen")")
    }

    /// `2 packs`, or in Dutch `2 pakketten`.
    func packCount(_ number: Int) -> String {
        printer.text(KoersCommand.Test.count(number, "pack"), nl: "\(number) \(number == 1 ? "pakket" : "pakketten")")
    }

    /// `1 pack, 8 cases: all passed`, or what failed.
    var summary: String {
        let ran = "\(packCount(packs)), \(caseCount(cases))"
        if passed { return "\(ran): " + printer.text("all passed", nl: "alle geslaagd") }
        var problems: [String] = []
        if failedCases > 0 { problems.append(caseCount(failedCases) + printer.text(" failed", nl: " mislukt")) }
        if brokenPacks > 0 {
            let dutch = brokenPacks == 1 ? " kon niet worden geladen" : " konden niet worden geladen"
            problems.append(packCount(brokenPacks) + printer.text(" could not be loaded", nl: dutch))
        }
        return "\(ran): " + problems.joined(separator: ", ")
    }
}
