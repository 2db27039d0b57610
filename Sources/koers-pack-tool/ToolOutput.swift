import Foundation
import KoersSource

/// Writing to the standard streams, and the usage text.
enum ToolOutput {
    /// The help text.
    static let usage = """
        usage: koers-pack-tool lint DIR…
               koers-pack-tool embed --output FILE.swift --name SYMBOL ROOT_DIR [--validate]

        lint   Loads and checks every rule pack in the folders (pack folders or folders of packs)
               and prints each problem as path:line:column: error|warning: message.
               Exits with 1 when any error is found.
        embed  Writes a Swift file declaring `enum SYMBOL { static let files: [(path: String,
               contents: [UInt8])] }` with every file under ROOT_DIR (paths relative to it,
               sorted). With --validate, first checks the packs under ROOT_DIR as lint does and,
               on any error, prints the problems and exits with 1 without writing.

        """

    /// The status for wrong usage, as `sysexits.h` has it.
    static let usageStatus: Int32 = 64

    /// Writes text to standard output.
    static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes text to standard error.
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Prints a usage problem and the usage text to standard error.
    ///
    /// - Parameter message: What is wrong.
    /// - Returns: ``usageStatus``.
    static func usageError(_ message: String) -> Int32 {
        standardError("error: \(message)\n\n" + usage)
        return usageStatus
    }

    /// Prints diagnostics as compilers do (`path:line:col: error: message`, the source line and
    /// a caret, then notes) to standard error.
    ///
    /// - Parameters:
    ///   - diagnostics: The problems.
    ///   - files: The files read, for the source lines.
    static func print(_ diagnostics: [Diagnostic], files: [SourceFile]) {
        guard !diagnostics.isEmpty else { return }
        standardError(DiagnosticRenderer(sources: files).render(diagnostics) + "\n")
    }
}
