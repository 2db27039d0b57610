public import KoersSource

/// What loading a pack folder produced: the pack when it is sound, every diagnostic, and the
/// files read (so diagnostics can be shown with their source lines).
public struct PackLoadResult: Sendable {
    /// The folder that was loaded, as given.
    public var directory: String
    /// The pack, or `nil` when any error was found.
    public var pack: RulePack?
    /// Every problem found, sorted by file, line and column.
    public var diagnostics: [Diagnostic]
    /// The files that were read.
    public var files: [SourceFile]

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - directory: The folder loaded.
    ///   - pack: The pack, if sound.
    ///   - diagnostics: The problems found.
    ///   - files: The files read.
    public init(directory: String, pack: RulePack?, diagnostics: [Diagnostic], files: [SourceFile]) {
        self.directory = directory
        self.pack = pack
        self.diagnostics = diagnostics
        self.files = files
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.containsErrors }
}
