import KoersBundledPacks
import KoersCore

extension PackOptions {
    /// The bundled packs compiled into `koers` (the package's `Rules/` folder when it was built),
    /// shown under `Rules/`.
    static let compiledInPacks = EmbeddedFolder(path: BundledPacks.folderPath, files: BundledPacks.files)

    /// The packs on the plugin path: the compiled-in packs (unless `--rules` or `$KOERS_RULES`
    /// replaces them with a folder), then the folders of ``roots()``.
    func catalog() -> PackCatalog {
        PackCatalog(embedded: bundledRulesDirectory() == nil ? [Self.compiledInPacks] : [], roots: roots())
    }
}
