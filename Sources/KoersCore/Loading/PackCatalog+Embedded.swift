import KoersYAML

extension PackCatalog {
    /// Finds the packs in folders held in memory (the bundled packs compiled into `koers`) and
    /// under folders on disk; the embedded packs come first, as the bundled `Rules/` folder does.
    ///
    /// - Parameters:
    ///   - embedded: Folders in memory whose packs to list.
    ///   - roots: Folders on disk that are packs or hold packs, in order of precedence.
    public init(embedded: [EmbeddedFolder], roots: [String]) {
        self.init(roots: roots)
        embeddedFolders = embedded
        packDirectories = embedded.flatMap(\.packDirectories) + packDirectories
    }

    /// A loader for this catalog's packs, as ``loadAll(with:)`` uses: it reads the embedded packs
    /// from memory and, when it has no ``RulePackLoader/bases``, finds bases in this catalog.
    ///
    /// - Parameter loader: The loader to start from.
    /// - Returns: The loader, with this catalog's embedded folders added.
    public func configuring(_ loader: RulePackLoader) -> RulePackLoader {
        var configured = loader
        if configured.bases == nil { configured.bases = self }
        for folder in embeddedFolders where !configured.embeddedFolders.contains(folder) {
            configured.embeddedFolders.append(folder)
        }
        return configured
    }

    /// The id and `extends:` of the pack in one of this catalog's folders, read from its
    /// manifest in memory or on disk, without loading the pack.
    ///
    /// - Parameter directory: A folder from ``packDirectories``.
    /// - Returns: The reference, or `nil` when the manifest cannot be read or has no id.
    public func packReference(directory: String) -> PackReference? {
        guard let folder = embeddedFolders.first(where: { $0.holdsPack(directory) }) else {
            return PackReference(directory: directory)
        }
        let path = RulePackLoader.join(directory, RulePackLoader.manifestFileName)
        guard let bytes = folder.contents(atPath: path), let root = YAMLParser.parse(bytes: bytes, path: path).result.root
        else { return nil }
        return PackReference(manifest: root, directory: directory)
    }
}
