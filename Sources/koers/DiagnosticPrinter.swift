import Foundation
import KoersCore
import KoersSource

/// Prints diagnostics to standard error, with source snippets, as compilers do.
struct DiagnosticPrinter {
    /// Prints the diagnostics of a load, with the files read for snippets.
    func print(_ diagnostics: [Diagnostic], files: [SourceFile]) {
        guard !diagnostics.isEmpty else { return }
        let renderer = DiagnosticRenderer(sources: files)
        writeToStandardError(renderer.render(diagnostics) + "\n")
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
