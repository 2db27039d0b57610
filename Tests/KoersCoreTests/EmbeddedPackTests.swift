import Foundation
import KoersBuiltins
import KoersCore
import KoersSource
import KoersTestSupport
import Testing

/// Packs held in memory (the bundled packs compiled into `koers`) load exactly as from disk.
@Suite struct EmbeddedPackTests {
    /// Every file under a folder, by path relative to it.
    static func files(under folder: URL) throws -> [(path: String, contents: [UInt8])] {
        let base = folder.resolvingSymlinksInPath().path + "/"
        var files: [(path: String, contents: [UInt8])] = []
        let enumerator = FileManager.default.enumerator(at: folder.resolvingSymlinksInPath(), includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            files.append((String(url.resolvingSymlinksInPath().path.dropFirst(base.count)), [UInt8](try Data(contentsOf: url))))
        }
        return files
    }

    /// The broken fixtures that have a manifest (the others are not packs in memory either).
    static var fixtureNames: [String] {
        BrokenPackTests.fixtureNames.filter {
            FileManager.default.fileExists(
                atPath: BrokenPackTests.brokenDirectory.appendingPathComponent("\($0)/pack.yaml").path
            )
        }
    }

    @Test(arguments: fixtureNames)
    func aBrokenPackInMemoryGivesTheSameDiagnostics(fixture: String) throws {
        var loader = RulePackLoader(registry: try BuiltinPlugins.registry())
        loader.embeddedFolders = [
            EmbeddedFolder(path: "memory/broken", files: try Self.files(under: BrokenPackTests.brokenDirectory))
        ]
        let result = loader.load(directory: "memory/broken/\(fixture)")
        #expect(result.pack == nil)
        #expect(result.files.allSatisfy { $0.path.hasPrefix("memory/broken/\(fixture)/") })
        let rendered = DiagnosticRenderer(showsSnippets: false).render(result.diagnostics)
            .replacingOccurrences(of: "memory/broken/", with: "") + "\n"
        let expected = try String(
            contentsOf: BrokenPackTests.brokenDirectory.appendingPathComponent("\(fixture)/expected.txt"), encoding: .utf8
        )
        #expect(rendered == expected)
    }

    @Test func theBundledPacksLoadFromMemoryAsFromDisk() throws {
        let registry = try BuiltinPlugins.registry()
        let bundled = EmbeddedFolder(path: "Rules", files: try Self.files(under: Fixtures.rulesDirectory))
        let catalog = PackCatalog(embedded: [bundled], roots: [])
        #expect(catalog.packDirectories.count >= 4)
        #expect(catalog.packDirectories.allSatisfy { $0.hasPrefix("Rules/") })
        for result in catalog.loadAll(with: RulePackLoader(registry: registry)) {
            #expect(!result.hasErrors, "\(result.diagnostics)")
            let memory = try #require(result.pack)
            let folder = Fixtures.packageRoot.appendingPathComponent(result.directory).path
            let disk = try #require(RulePackLoader(registry: registry).load(directory: folder).pack)
            #expect(memory.id == disk.id)
            #expect(memory.questions.map(\.id) == disk.questions.map(\.id))
            #expect(memory.testCases.count == disk.testCases.count)
            #expect(memory.manifest.location.file == result.directory + "/pack.yaml")
        }
    }

    @Test func embeddedPacksComeFirstAndShareIDsWithFoldersOnDisk() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: Fixtures.rulesDirectory.appendingPathComponent("maturity-scan"),
            to: folder.appendingPathComponent("maturity-scan")
        )
        let bundled = EmbeddedFolder(path: "Rules", files: try Self.files(under: Fixtures.rulesDirectory))
        let catalog = PackCatalog(embedded: [bundled], roots: [folder.path])
        #expect(catalog.packDirectories.first?.hasPrefix("Rules/") == true)
        #expect(catalog.packDirectories.last == folder.appendingPathComponent("maturity-scan").path)
        let results = catalog.loadAll(with: RulePackLoader(registry: try BuiltinPlugins.registry()))
        let last = try #require(results.last)
        #expect(last.pack == nil)
        #expect(last.diagnostics.contains { $0.code == "duplicate-pack" })
        #expect(catalog.reference(toPack: "maturity-scan")?.directory == "Rules/maturity-scan")
    }

    @Test func aFolderNamedOnDiskIsReadFromDiskWhenAskedTo() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: Fixtures.rulesDirectory.appendingPathComponent("maturity-scan"),
            to: folder.appendingPathComponent("maturity-scan")
        )
        // In memory, the same path holds a pack whose manifest is broken.
        let inMemory = EmbeddedFolder(path: folder.path, files: [("maturity-scan/pack.yaml", Array("id: [".utf8))])
        var loader = RulePackLoader(registry: try BuiltinPlugins.registry())
        loader.embeddedFolders = [inMemory]
        let directory = folder.appendingPathComponent("maturity-scan").path
        #expect(loader.load(directory: directory).pack == nil)
        #expect(loader.readingFromDisk.load(directory: directory).pack?.id == "maturity-scan")
    }

    @Test func anEmbeddedFolderListsItsPacksAndFiles() {
        let folder = EmbeddedFolder(
            path: "Rules/",
            files: [
                ("b/pack.yaml", []), ("a/pack.yaml", []), ("a/rules.yaml", []), ("a/tests/cases.yaml", []),
                ("notes/readme.md", []), ("c/deeper/pack.yaml", []),
            ]
        )
        #expect(folder.path == "Rules")
        #expect(folder.packDirectories == ["Rules/a", "Rules/b"])
        #expect(folder.holdsPack("Rules/a") && folder.holdsPack("Rules/a/") && !folder.holdsPack("Rules/notes"))
        #expect(folder.fileNames(inFolder: "Rules/a") == ["pack.yaml", "rules.yaml"])
        #expect(folder.contents(atPath: "Rules/a/tests/cases.yaml") == [])
        #expect(folder.contents(atPath: "Other/a/pack.yaml") == nil)
    }
}
