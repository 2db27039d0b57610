import Foundation
import Mustache

/// The Mustache templates of the HTML report: the bundled ones (`Templates/*.mustache`, compiled
/// in by the `EmbedTemplates` plugin, so `koers` needs no resource bundle beside it), each
/// replaced by a file of the same name in an override folder when there is one, so that a pack
/// or a plugin can restyle or reword the report.
public struct ReportTemplates: Sendable {
    /// The templates by name (file name without `.mustache`).
    public var sources: [String: String]

    /// The names every set of templates has.
    public static let requiredNames = ["report", "styles", "session", "comparison"]

    /// Loads the bundled templates and applies overrides.
    ///
    /// - Parameter overrideDirectory: A folder with `.mustache` files that replace or add
    ///   templates, or `nil`.
    /// - Throws: ``ReportError`` when a template is missing or cannot be read.
    public init(overrideDirectory: String? = nil) throws(ReportError) {
        var sources: [String: String] = [:]
        sources.merge(Self.compiledIn, uniquingKeysWith: { _, new in new })
        if let overrideDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: overrideDirectory, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                throw .badTemplate(name: overrideDirectory, message: "the template folder does not exist")
            }
            sources.merge(try Self.read(overrideDirectory), uniquingKeysWith: { _, new in new })
        }
        for name in Self.requiredNames where sources[name] == nil {
            throw .missingTemplate(name: name)
        }
        self.sources = sources
    }

    /// The templates as a Mustache library.
    ///
    /// - Throws: ``ReportError/badTemplate(name:message:)`` for a template that cannot be parsed.
    func library() throws(ReportError) -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(text, named: name)
            } catch {
                throw .badTemplate(name: name, message: String(describing: error))
            }
        }
        return library
    }

    private static func read(_ directory: String) throws(ReportError) -> [String: String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .badTemplate(name: directory, message: error.localizedDescription)
        }
        var sources: [String: String] = [:]
        for name in names where name.hasSuffix(".mustache") {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .badTemplate(name: path, message: "cannot be read")
            }
            sources[String(name.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
        }
        return sources
    }
}
