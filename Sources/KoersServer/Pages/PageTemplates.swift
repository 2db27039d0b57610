import Foundation
import Mustache

/// The Mustache templates of the web pages, parsed once at start-up.
///
/// This is the only place that knows where the templates come from (for now the bundled
/// `Templates/*.mustache` of this module), so moving them into the binary touches this type only.
struct PageTemplates: Sendable {
    /// Why the templates cannot be used.
    struct LoadError: Error, CustomStringConvertible {
        /// What is wrong.
        var description: String
    }

    /// The templates every page needs.
    static let requiredNames = ["layout", "styles"]

    private let library: MustacheLibrary

    /// Loads and parses the bundled templates.
    ///
    /// - Throws: ``LoadError`` when the folder is missing or a template does not parse.
    init() throws(LoadError) {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw LoadError(description: "the page templates are missing from the installation (Templates folder)")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw LoadError(description: "cannot read the page templates: \(error.localizedDescription)")
        }
        var sources: [String: String] = [:]
        for name in names where name.hasSuffix(".mustache") && !name.hasPrefix(".") {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                throw LoadError(description: "cannot read the page template \(name)")
            }
            sources[String(name.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
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
