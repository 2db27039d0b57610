public import Foundation

/// Paths to the package's folders and test fixtures, found from this file's location so tests
/// need no bundle resources.
public enum Fixtures {
    /// The package's root folder.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // KoersTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The bundled packs folder, `Rules/`.
    public static var rulesDirectory: URL { packageRoot.appendingPathComponent("Rules") }

    /// The `examples/` folder.
    public static var examplesDirectory: URL { packageRoot.appendingPathComponent("examples") }

    /// A folder under `Tests/<target>/Fixtures`.
    ///
    /// - Parameters:
    ///   - target: The test target's folder name, such as `KoersCoreTests`.
    ///   - path: The path inside its `Fixtures` folder.
    /// - Returns: The URL.
    public static func url(_ target: String, _ path: String) -> URL {
        packageRoot.appendingPathComponent("Tests/\(target)/Fixtures/\(path)")
    }

    /// A new empty temporary folder, removed by the caller.
    ///
    /// - Returns: The folder's URL.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("koers-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
