import KoersSource
import KoersYAML

extension RulePackLoader {
    /// Reads and parses the YAML files of a pack folder, in ``packFiles(in:diagnostics:)`` order:
    /// from memory when the folder is a pack in one of ``embeddedFolders``, else from disk.
    ///
    /// - Parameters:
    ///   - directory: The pack folder, as given; paths in diagnostics start with it.
    ///   - diagnostics: Receives problems finding the files (no folder, no manifest).
    /// - Returns: Each file read (when it could be) with its parse result.
    func parsedPackFiles(
        in directory: String,
        diagnostics: inout [Diagnostic]
    ) -> [(file: SourceFile?, result: YAMLParseResult)] {
        guard let folder = embeddedFolders.first(where: { $0.holdsPack(directory) }) else {
            return Self.packFiles(in: directory, includingTests: readsTests, diagnostics: &diagnostics).map {
                YAMLParser.parseFile(atPath: $0, limits: limits)
            }
        }
        return Self.embeddedPackFiles(in: directory, of: folder, includingTests: readsTests).compactMap { path in
            folder.contents(atPath: path).map { YAMLParser.parse(bytes: $0, path: path, limits: limits) }
        }
    }

    /// The YAML files of an embedded pack, ordered as ``packFiles(in:diagnostics:)`` orders
    /// those on disk: `pack.yaml`, then the folder's other YAML files, then those in `tests/`.
    static func embeddedPackFiles(in directory: String, of folder: EmbeddedFolder, includingTests: Bool = true) -> [String] {
        let manifest = join(directory, manifestFileName)
        var paths = [manifest]
        for subfolder in [directory] + (includingTests ? [join(directory, "tests")] : []) {
            for name in folder.fileNames(inFolder: subfolder) where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let path = join(subfolder, name)
                if path != manifest { paths.append(path) }
            }
        }
        return paths
    }
}

extension RulePackLoader {
    /// This loader without ``embeddedFolders``, for folders the user named: a path such as
    /// `Rules/set-eligibility` given on the command line means the folder on disk, even where a
    /// compiled-in pack is shown under the same path. Bases (``bases``) are still found as before.
    public var readingFromDisk: RulePackLoader {
        var loader = self
        loader.embeddedFolders = []
        return loader
    }
}
