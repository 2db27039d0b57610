/// `koers-pack-tool lint DIR…`: checks the packs in the folders and prints every problem.
struct LintCommand {
    /// Pack folders or folders of packs.
    var folders: [String]

    /// Runs the check.
    ///
    /// - Returns: The exit status: 0 when no error was found, 1 otherwise, 64 without folders.
    func run() -> Int32 {
        guard !folders.isEmpty else {
            return ToolOutput.usageError("lint needs at least one folder with rule packs")
        }
        return PackChecker(folders: folders, printsSummaries: true).run() ? 0 : 1
    }
}
