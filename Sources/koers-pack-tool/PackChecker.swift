import KoersBuiltins
import KoersCore
import KoersSource

/// Loads and checks every pack under some folders, as `koers validate` does, and prints what it
/// finds.
struct PackChecker {
    /// The folders: pack folders or folders of packs.
    var folders: [String]
    /// Whether to print an `ok`/`FAILED` line per pack to standard output.
    var printsSummaries: Bool

    /// Checks the packs.
    ///
    /// - Returns: Whether no error was found (warnings do not count).
    func run() -> Bool {
        let registry: PluginRegistry
        do {
            registry = try BuiltinPlugins.registry()
        } catch {
            ToolOutput.standardError("error: cannot start: \(error)\n")
            return false
        }
        let catalog = PackCatalog(roots: folders)
        ToolOutput.print(catalog.diagnostics, files: [])
        var passed = !catalog.diagnostics.containsErrors
        for result in catalog.loadAll(with: RulePackLoader(registry: registry)) {
            ToolOutput.print(result.diagnostics, files: result.files)
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            let warnings = result.diagnostics.filter { $0.severity == .warning }.count
            if errors > 0 { passed = false }
            guard printsSummaries else { continue }
            let name = result.pack.map { "\($0.id) \($0.manifest.version)" } ?? result.directory
            ToolOutput.standardOutput(
                "\(errors > 0 ? "FAILED" : "ok")  \(name) (\(result.directory)): "
                    + "\(Self.count(errors, "error")), \(Self.count(warnings, "warning"))\n"
            )
        }
        return passed
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
