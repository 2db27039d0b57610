import Foundation
import Mustache

/// The Mustache templates of the web pages, parsed once at start-up.
///
/// This is the only place that knows where the templates come from: the `Templates/*.mustache`
/// files of this module, compiled into the binary.
struct PageTemplates: Sendable {
    /// Why the templates cannot be used.
    struct LoadError: Error, CustomStringConvertible {
        /// What is wrong.
        var description: String
    }

    /// The templates every page needs.
    static let requiredNames = ["layout", "styles"]

    private let library: MustacheLibrary

    /// Loads and parses the templates compiled into the binary (the `.mustache` files of this
    /// module's `Templates/` folder, embedded by the `EmbedTemplates` build-tool plugin).
    ///
    /// - Throws: ``LoadError`` when a template is missing or does not parse.
    init() throws(LoadError) {
        var sources: [String: String] = [:]
        for file in EmbeddedTemplates.files where file.path.hasSuffix(".mustache") && !file.path.contains("/") {
            sources[String(file.path.dropLast(".mustache".count))] = String(decoding: file.contents, as: UTF8.self)
        }
        try self.init(sources: sources)
    }

    /// Parses templates given as text, by name.
    ///
    /// - Parameter sources: The templates by name (file name without `.mustache`).
    /// - Throws: ``LoadError`` when one is missing or does not parse.
    init(sources: [String: String]) throws(LoadError) {
        var library = MustacheLibrary()
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(text, named: name)
            } catch {
                throw LoadError(description: "the page template \(name) does not parse: \(error)")
            }
        }
        for name in Self.requiredNames where library.getTemplate(named: name) == nil {
            throw LoadError(description: "the page template \(name) is missing")
        }
        self.library = library
    }

    /// Renders a page: the named body template inside the layout.
    ///
    /// - Parameters:
    ///   - name: The body template.
    ///   - context: The values; `body` is set to the rendered body.
    /// - Returns: The HTML document.
    func page(_ name: String, _ context: [String: Any]) -> String {
        var context = context
        context["body"] = library.render(context, withTemplate: name) ?? ""
        return library.render(context, withTemplate: "layout") ?? ""
    }

    /// Renders one template on its own.
    ///
    /// - Parameters:
    ///   - name: The template.
    ///   - context: The values.
    /// - Returns: The text, or an empty one when there is no such template.
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
