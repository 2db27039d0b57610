import KoersCore

extension PackOptions {
    /// A loader whose extending packs (`extends:`) find their base on the plugin path.
    ///
    /// - Parameters:
    ///   - registry: The plugins packs may use.
    ///   - extra: Folders to search for bases before the plugin path's folders on disk, such as
    ///     the paths given to `koers validate`.
    /// - Returns: The loader, reading compiled-in packs from memory.
    func loader(registry: PluginRegistry, searchingFirst extra: [String] = []) -> RulePackLoader {
        let pluginPath = catalog()
        let lookup = extra.isEmpty
            ? pluginPath : PackCatalog(embedded: pluginPath.embeddedFolders, roots: extra + roots())
        var loader = lookup.configuring(RulePackLoader(registry: registry))
        loader.bases = lookup
        return loader
    }
}
