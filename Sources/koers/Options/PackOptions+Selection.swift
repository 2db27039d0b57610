import ArgumentParser
import Foundation
import KoersCore
import KoersExpression
import KoersSource

/// A pack chosen on the command line, loaded and checked.
struct SelectedPack {
    /// The pack.
    var pack: RulePack
    /// The registry it was loaded with (question types and functions).
    var registry: PluginRegistry
    /// The files it was read from, for showing diagnostics with snippets.
    var files: [SourceFile]
}

extension PackOptions {
    /// Loads the pack a command names: a pack id on the plugin path, or a path to a pack
    /// folder. Prints the diagnostics of a broken pack (and its warnings) to standard error.
    ///
    /// - Parameters:
    ///   - reference: A pack id such as `set-eligibility`, or a folder.
    ///   - withTests: Whether the pack's `tests/` are read and checked too; only `koers test`
    ///     needs them, and leaving them out spares a third of the loading.
    ///   - language: The language of the diagnostics printed (default: `KOERS_LANG`, else English).
    /// - Throws: `ExitCode.failure` after printing why, when the pack cannot be found or has
    ///   errors.
    func loadPack(
        _ reference: String,
        withTests: Bool = false,
        language: DiagnosticLanguage = .fromEnvironment(ProcessInfo.processInfo.environment)
    ) throws -> SelectedPack {
        let registry = try registry()
        var loader = self.loader(registry: registry)
        loader.readsTests = withTests
        let printer = DiagnosticPrinter(language: language)
        var isDirectory: ObjCBool = false
        let looksLikePath = reference.contains("/") || reference.hasPrefix(".")
        if FileManager.default.fileExists(atPath: reference, isDirectory: &isDirectory), isDirectory.boolValue,
            looksLikePath || FileManager.default.fileExists(atPath: reference + "/pack.yaml")
        {
            // A folder given is the one on disk, even one named like a compiled-in pack (Rules/…).
            return try checked(loader.readingFromDisk.load(directory: reference), printer: printer, registry: registry)
        }
        let catalog = self.catalog()
        if let found = catalog.reference(toPack: reference) {
            return try checked(loader.load(directory: found.directory), printer: printer, registry: registry)
        }
        var ids: [String] = []
        for directory in catalog.packDirectories {
            let result = catalog.configuring(loader).load(directory: directory)
            if let pack = result.pack { ids.append(pack.id) }
            if result.pack?.id == reference || directory == reference || (result.pack == nil && URL(fileURLWithPath: directory).lastPathComponent == reference) {
                return try checked(result, printer: printer, registry: registry)
            }
        }
        var message = "error: " + printer.text(
            "no rule pack '\(reference)' on the plugin path", nl: "geen regelpakket '\(reference)' op het plug-inpad"
        )
        if let suggestion = closestMatch(to: reference, among: ids) {
            message += "; " + Phrase.didYouMean(suggestion).text(in: printer.language)
        } else if !ids.isEmpty {
            message += printer.text("; the packs are: ", nl: "; de pakketten zijn: ") + ids.sorted().joined(separator: ", ")
        }
        printer.writeToStandardError(message + "\n")
        throw ExitCode.failure
    }

    private func checked(_ result: PackLoadResult, printer: DiagnosticPrinter, registry: PluginRegistry) throws -> SelectedPack {
        guard let pack = result.pack, !result.hasErrors else {
            printer.print(result.diagnostics, files: result.files)
            printer.writeToStandardError(
                "error: "
                    + printer.text(
                        "pack '\(result.directory)' has errors; fix them first (koers validate \(result.directory))",
                        nl: "pakket '\(result.directory)' heeft fouten; herstel die eerst (koers validate \(result.directory))"
                    ) + "\n"
            )
            throw ExitCode.failure
        }
        return SelectedPack(pack: pack, registry: registry, files: result.files)
    }
}

/// The options every command that evaluates answers shares: the date and the language.
struct EvaluationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The date to evaluate as of, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp(
            "The language of questions, explanations, output and pack diagnostics: nl or en (default: $KOERS_LANG when set, else nl; diagnostics without --lang follow $KOERS_LANG, else en).",
            valueName: "lang"
        )
    )
    var langOption: String?

    /// The language of questions, explanations and output: `--lang`, else `KOERS_LANG`, else Dutch.
    var lang: String {
        langOption ?? ProcessInfo.processInfo.environment[DiagnosticLanguage.environmentVariable]
            .flatMap(DiagnosticLanguage.init(code:))?.rawValue ?? "nl"
    }

    /// The language of pack diagnostics: `--lang` when given, else `KOERS_LANG`, else English,
    /// so that a plain `koers check` prints diagnostics as before.
    var diagnosticLanguage: DiagnosticLanguage {
        langOption.flatMap(DiagnosticLanguage.init(code:)) ?? .fromEnvironment(ProcessInfo.processInfo.environment)
    }

    func validate() throws {
        if let langOption, !["nl", "en"].contains(langOption) {
            throw ValidationError("--lang must be nl or en, not '\(langOption)'")
        }
        if let date, CalendarDate(iso: date) == nil {
            throw ValidationError("--date must be a date written as YYYY-MM-DD, such as 2021-10-01, not '\(date)'")
        }
    }

    /// The evaluation date: `--date`, or today.
    var evaluationDate: CalendarDate {
        date.flatMap(CalendarDate.init(iso:)) ?? .today()
    }
}
