import Foundation
import KoersTestSupport
import Testing

/// The SwiftPM plugins, run by the real `swift` on a fresh copy of this package (as a clean
/// clone would be) with one scratch folder of their own, never the one `swift test` uses.
///
/// Slow: the first test builds `koers-pack-tool` and its libraries from nothing (about two
/// minutes on two cores); the second reuses that build.
@Suite(.serialized, .timeLimit(.minutes(20)), PackageCopyTrait())
struct PluginTests {
    @Test func lintRulesReportsABrokenPackAtItsPlaces() throws {
        let copy = try #require(PackageCopy.current)
        let fixture = "Tests/KoersCoreTests/Fixtures/broken/unknown-reference"
        let result = try copy.swift(["package", "--scratch-path", copy.scratch.path, "lint-rules", fixture])
        let output = result.standardOutput + result.standardError
        #expect(result.status != 0, "\(output)")

        // The fixture's expected diagnostics, with paths relative to its parent folder; the
        // plugin prints them relative to the package root.
        let expected = try String(contentsOf: copy.root.appendingPathComponent(fixture + "/expected.txt"), encoding: .utf8)
        let lines = expected.split(separator: "\n").map { "Tests/KoersCoreTests/Fixtures/broken/" + $0 }
        #expect(lines.contains { $0.contains(": error: ") })
        let printed = Set(output.split(separator: "\n").map(String.init))
        for line in lines {
            #expect(printed.contains(line), "missing '\(line)' in:\n\(output)")
        }
        // The bundled packs are checked too, and pass.
        for pack in ["set-eligibility", "stappenplan", "maturity-scan", "insurer-readiness"] {
            #expect(output.contains("ok  \(pack) "), "\(output)")
        }
    }

    @Test func aBrokenBundledPackFailsTheBuildAtItsPlace() throws {
        let copy = try #require(PackageCopy.current)
        let scores = copy.root.appendingPathComponent("Rules/stappenplan/scores.yaml")
        let original = try String(contentsOf: scores, encoding: .utf8)
        defer { try? original.write(to: scores, atomically: true, encoding: .utf8) }

        // Misspell the first use of a question id inside an expression.
        let name = "s1_shared_vision"
        let misspelled = "s1_shared_visoin"
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
        let lineIndex = try #require(lines.firstIndex { $0.contains("if \(name) ==") })
        let line = String(lines[lineIndex])
        let offset = try #require(line.range(of: name)).lowerBound
        let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: offset) + 1
        var broken = lines
        broken[lineIndex] = Substring(line.replacingCharacters(in: offset..<line.index(offset, offsetBy: name.count), with: misspelled))
        try broken.joined(separator: "\n").write(to: scores, atomically: true, encoding: .utf8)

        let result = try copy.swift(["build", "--scratch-path", copy.scratch.path, "--target", "KoersBundledPacks"])
        let output = result.standardOutput + result.standardError
        #expect(result.status != 0, "\(output)")
        let expected = "\(copy.root.path)/Rules/stappenplan/scores.yaml:\(lineIndex + 1):\(column): "
            + "error: unknown name '\(misspelled)'"
        #expect(output.split(separator: "\n").contains { $0 == expected }, "missing '\(expected)' in:\n\(output)")
    }
}

/// A copy of this package's sources in a temporary folder, with a scratch folder inside it.
struct PackageCopy: Sendable {
    /// The copy of the package: every top-level file and folder but hidden ones (`.build*`, `.git`).
    let root: URL
    /// The scratch path both tests build in.
    var scratch: URL { root.appendingPathComponent(".build-plugins") }

    /// The copy the running suite uses.
    @TaskLocal static var current: PackageCopy?

    /// Copies the package.
    init() throws {
        let folder = try Fixtures.temporaryDirectory().resolvingSymlinksInPath()
        root = folder.appendingPathComponent("koers")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let source = Fixtures.packageRoot
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where !name.hasPrefix(".") {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
    }

    /// Runs `swift` with arguments in the copy, printing how long it took.
    func swift(_ arguments: [String]) throws -> CommandRunner.Output {
        let start = ContinuousClock.now
        let result = try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["swift"] + arguments, in: root)
        print("PluginTests: 'swift \(arguments.joined(separator: " "))' took \(ContinuousClock.now - start)")
        return result
    }

    /// Deletes the copy and its scratch folder.
    func remove() {
        try? FileManager.default.removeItem(at: root.deletingLastPathComponent())
    }
}

/// Makes one ``PackageCopy`` for the whole suite and deletes it afterwards.
struct PackageCopyTrait: SuiteTrait, TestScoping {
    func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        let copy = try PackageCopy()
        defer { copy.remove() }
        try await PackageCopy.$current.withValue(copy) { try await function() }
    }
}
