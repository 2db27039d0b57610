/// A folder held in memory, such as the bundled rule packs compiled into `koers`: its files by
/// their path relative to the folder, shown under a display path (`Rules`) in diagnostics and
/// listings, so that `Rules/set-eligibility/rules.yaml:14:31` reads as it would from a checkout.
///
/// ``PackCatalog`` lists the packs in it beside folders on disk, and ``RulePackLoader`` reads
/// their files from memory instead of from disk.
///
/// ```swift
/// let bundled = EmbeddedFolder(path: "Rules", files: [("demo/pack.yaml", Array(text.utf8))])
/// let catalog = PackCatalog(embedded: [bundled], roots: [])
/// ```
public struct EmbeddedFolder: Sendable, Hashable {
    /// The path the folder is shown under, without a trailing `/`; it need not exist on disk.
    public let path: String
    /// The files' contents, by path relative to the folder, with `/` between components.
    public let files: [String: [UInt8]]

    /// Creates a folder from its files.
    ///
    /// - Parameters:
    ///   - path: The path to show the folder under, such as `Rules`.
    ///   - files: Each file's path relative to the folder and its contents; a later file with
    ///     the same path replaces an earlier one.
    public init(path: String, files: [(path: String, contents: [UInt8])]) {
        var trimmed = path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.path = trimmed
        self.files = Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { _, last in last })
    }

    /// The pack folders in it, as display paths: the folder itself when it holds `pack.yaml`,
    /// else each subfolder that does, sorted by name.
    public var packDirectories: [String] {
        if files[RulePackLoader.manifestFileName] != nil { return [path] }
        let suffix = "/" + RulePackLoader.manifestFileName
        return files.keys
            .filter { $0.hasSuffix(suffix) && !$0.dropLast(suffix.count).contains("/") && !$0.hasPrefix(".") }
            .map { RulePackLoader.join(path, String($0.dropLast(suffix.count))) }
            .sorted()
    }

    /// Whether a display path names a pack folder in it.
    ///
    /// - Parameter directory: A path as ``packDirectories`` gives it.
    public func holdsPack(_ directory: String) -> Bool {
        guard let relative = relativePath(of: directory) else { return false }
        return files[relative.isEmpty ? RulePackLoader.manifestFileName : relative + "/" + RulePackLoader.manifestFileName] != nil
    }

    /// The contents of a file, by display path.
    ///
    /// - Parameter path: The file's path under ``path``, such as `Rules/demo/pack.yaml`.
    /// - Returns: Its bytes, or `nil` when the folder has no such file.
    public func contents(atPath path: String) -> [UInt8]? {
        relativePath(of: path).flatMap { files[$0] }
    }

    /// The names of the files directly inside a folder, by display path, sorted.
    ///
    /// - Parameter directory: The folder's display path.
    /// - Returns: The file names, without their folder.
    public func fileNames(inFolder directory: String) -> [String] {
        guard let relative = relativePath(of: directory) else { return [] }
        let prefix = relative.isEmpty ? "" : relative + "/"
        return files.keys
            .filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
            .map { String($0.dropFirst(prefix.count)) }
            .sorted()
    }

    /// A display path made relative to the folder (`""` for the folder itself), or `nil` when it
    /// lies outside.
    private func relativePath(of displayPath: String) -> String? {
        var candidate = displayPath
        while candidate.count > 1, candidate.hasSuffix("/") { candidate.removeLast() }
        if candidate == path { return "" }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        guard candidate.hasPrefix(prefix) else { return nil }
        return String(candidate.dropFirst(prefix.count))
    }
}
