extension ReportTemplates {
    /// The bundled templates by name: the `.mustache` files of `Templates/`, compiled into the
    /// binary by the `EmbedTemplates` build-tool plugin (Plugins/EmbedTemplates).
    static let compiledIn: [String: String] = {
        var sources: [String: String] = [:]
        for file in EmbeddedTemplates.files where file.path.hasSuffix(".mustache") && !file.path.contains("/") {
            sources[String(file.path.dropLast(".mustache".count))] = String(decoding: file.contents, as: UTF8.self)
        }
        return sources
    }()
}
