import Foundation
public import KoersSource
public import KoersYAML

/// A pack a ``PackBaseLookup`` can find by id, known from its manifest before the pack is loaded.
public struct PackReference: Sendable, Hashable {
    /// The pack's id, as its manifest says.
    public var id: String
    /// The folder it is loaded from, as given on the plugin path.
    public var directory: String
    /// Where its manifest is.
    public var manifestLocation: SourceLocation
    /// The id of the pack it extends, if any.
    public var extendsID: String?
    /// Where that id is written in its manifest.
    public var extendsLocation: SourceLocation?

    /// Creates a reference.
    ///
    /// - Parameters:
    ///   - id: The pack's id.
    ///   - directory: Its folder.
    ///   - manifestLocation: Where its manifest is.
    ///   - extendsID: The id of the pack it extends, if any.
    ///   - extendsLocation: Where that id is written.
    public init(
        id: String,
        directory: String,
        manifestLocation: SourceLocation,
        extendsID: String? = nil,
        extendsLocation: SourceLocation? = nil
    ) {
        self.id = id
        self.directory = directory
        self.manifestLocation = manifestLocation
        self.extendsID = extendsID
        self.extendsLocation = extendsLocation
    }

    /// Reads the id and `extends:` of the pack in a folder from its `pack.yaml`, without loading
    /// the pack; `nil` when the manifest cannot be read or has no id.
    ///
    /// - Parameter directory: The pack folder.
    public init?(directory: String) {
        let path = RulePackLoader.join(directory, RulePackLoader.manifestFileName)
        let (_, parsed) = YAMLParser.parseFile(atPath: path)
        guard let root = parsed.root else { return nil }
        self.init(manifest: root, directory: directory)
    }

    /// Reads the id and `extends:` from a parsed manifest; `nil` when it has no id.
    ///
    /// - Parameters:
    ///   - manifest: The root node of `pack.yaml`.
    ///   - directory: The pack's folder.
    public init?(manifest: YAMLNode, directory: String) {
        guard let id = manifest["id"]?.scalarValue, !id.isEmpty else { return nil }
        let target = manifest["extends"].flatMap { $0.scalar != nil ? $0 : $0["pack"] }
        self.init(
            id: id,
            directory: directory,
            manifestLocation: manifest.location,
            extendsID: target?.scalarValue,
            extendsLocation: target?.location
        )
    }
}

/// Finds the pack an extending pack builds on (its `extends:`), by id.
///
/// ``PackCatalog`` is one: it searches the plugin path. ``RulePackLoader/bases`` holds the lookup
/// a loader uses; without one, the loader looks beside the extending pack's folder.
public protocol PackBaseLookup: Sendable {
    /// The first pack with an id, if any.
    ///
    /// - Parameter id: The pack id.
    /// - Returns: The pack's reference, or `nil` when no pack has that id.
    func reference(toPack id: String) -> PackReference?

    /// Loads a pack found by ``reference(toPack:)``, as the base of an extension.
    ///
    /// - Parameters:
    ///   - reference: The pack.
    ///   - loader: The loader to use; it carries this lookup, for bases of bases.
    /// - Returns: The result of loading it.
    func loadBase(_ reference: PackReference, with loader: RulePackLoader) -> PackLoadResult

    /// The ids of every pack the lookup knows, for did-you-mean suggestions.
    var knownPackIDs: [String] { get }

    /// The places searched, for messages: `Rules, examples/plugins`.
    var searchDescription: String { get }
}

extension PackCatalog: PackBaseLookup {
    /// The first pack on the plugin path with an id.
    ///
    /// - Parameter id: The pack id.
    /// - Returns: Its reference, read from its manifest, or `nil`.
    public func reference(toPack id: String) -> PackReference? {
        for directory in packDirectories {
            if let reference = packReference(directory: directory), reference.id == id { return reference }
        }
        return nil
    }

    /// Loads the pack in the reference's folder (from memory when it is an embedded pack).
    ///
    /// - Parameters:
    ///   - reference: The pack.
    ///   - loader: The loader to use.
    /// - Returns: The result.
    public func loadBase(_ reference: PackReference, with loader: RulePackLoader) -> PackLoadResult {
        configuring(loader).load(directory: reference.directory)
    }

    /// The ids of the packs on the plugin path.
    public var knownPackIDs: [String] { packDirectories.compactMap { packReference(directory: $0)?.id } }

    /// The folders of the plugin path (embedded ones first), separated by commas.
    public var searchDescription: String {
        let folders = embeddedFolders.map(\.path) + roots
        return folders.isEmpty ? "no folders" : folders.joined(separator: ", ")
    }
}
