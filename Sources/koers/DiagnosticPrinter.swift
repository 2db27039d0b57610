import ArgumentParser
import Foundation
import KoersCore
import KoersSource

/// Prints diagnostics to standard error, with source snippets, as compilers do.
struct DiagnosticPrinter {
    /// The language of the messages: `--lang` where a command has it, else `KOERS_LANG`, else
    /// English. The severity keyword (`error:`) stays English in Dutch too, for editors and CI.
    var language: DiagnosticLanguage = .fromEnvironment(ProcessInfo.processInfo.environment)

    /// Prints the diagnostics of a load, with the files read for snippets.
    func print(_ diagnostics: [Diagnostic], files: [SourceFile]) {
        guard !diagnostics.isEmpty else { return }
        let renderer = DiagnosticRenderer(sources: files, language: language)
        writeToStandardError(renderer.render(diagnostics) + "\n")
    }

    /// Picks the English or the Dutch text by ``language``, for the command's own messages.
    func text(_ english: String, nl dutch: String) -> String {
        language == .dutch ? dutch : english
    }

    /// Writes text to standard output, unbuffered.
    func writeToStandardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes text to standard error.
    func writeToStandardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// `--lang nl|en` for commands that only print diagnostics (validate, test): the language of
/// the diagnostics and of the command's own messages.
struct DiagnosticLanguageOptions: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp(
            "The language of diagnostics: en or nl (default: $KOERS_LANG when set, else en).", valueName: "lang"
        )
    )
    var code: String?

    func validate() throws {
        if let code, DiagnosticLanguage(code: code) == nil {
            throw ValidationError("--lang must be nl or en, not '\(code)'")
        }
    }

    /// The language asked for: `--lang`, else `KOERS_LANG`, else English.
    var language: DiagnosticLanguage {
        code.flatMap(DiagnosticLanguage.init(code:)) ?? .fromEnvironment(ProcessInfo.processInfo.environment)
    }
}
