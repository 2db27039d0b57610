import Foundation
import KoersTestSupport
import Testing

/// The `koers check` outputs committed beside the example answers files are what the real binary
/// prints now: a golden-file test, so the examples in the repository never go stale.
///
/// After an intended change of a pack or of the wording, run `bash scripts/examples` and review
/// the diff.
@Suite struct ExampleOutputTests {
    /// Every `examples/*/NAME.yaml` that has a `NAME.check.md` beside it, relative to the root.
    static let examples: [String] = {
        let root = Fixtures.examplesDirectory
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return folders.sorted().flatMap { folder -> [String] in
            let files = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            return files.sorted().filter { name in
                name.hasSuffix(".yaml") && files.contains(String(name.dropLast(5)) + ".check.md")
            }.map { "examples/\(folder)/\($0)" }
        }
    }()

    @Test func thereAreExamplesForEveryBundledPack() {
        #expect(Self.examples.count >= 10)
        for pack in ["set-eligibility", "stappenplan", "maturity-scan", "insurer-readiness"] {
            #expect(Self.examples.contains { $0.contains(pack) || $0.hasPrefix("examples/\(pack)/") }, "no example for \(pack)")
        }
    }

    @Test(arguments: examples)
    func committedOutputMatches(answers: String) throws {
        let result = try CommandRunner.koers(["check", "--answers", answers, "--format", "markdown"])
        #expect([0, 2, 3].contains(result.status), "\(result.standardError)")
        let expectedPath = Fixtures.packageRoot.appendingPathComponent(String(answers.dropLast(5)) + ".check.md")
        let expected = try String(contentsOf: expectedPath, encoding: .utf8)
        #expect(
            result.standardOutput == expected,
            "\(answers): the committed output is stale; run 'bash scripts/examples' and review the diff"
        )
    }
}
