import Foundation
import KoersTestSupport
import Testing

/// End-to-end tests of the real `koers` binary.
@Suite struct ValidateCommandTests {
    @Test func bundledPacksValidateCleanly() throws {
        let result = try CommandRunner.koers(["validate"])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.standardOutput.contains("ok  set-eligibility"))
        #expect(result.standardError.isEmpty)
    }

    @Test func brokenPackPrintsEveryProblemWithItsPlaceAndFails() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The same broken pack the Dutch diagnostics are tested on, so both read the same lines.
        try DutchDiagnosticsCommandTests.writeBrokenPack(in: folder)

        let result = try CommandRunner.koers(["validate", "broken"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("FAILED  broken"))
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.contains("broken/pack.yaml:12:5: error: unknown key 'hlp' in question"))
        #expect(lines.contains("broken/pack.yaml:12:5: note: did you mean 'help'?"))
        #expect(lines.contains("broken/pack.yaml:15:30: error: unknown name 'lengte'"))
        #expect(lines.contains("broken/pack.yaml:18:5: error: outcome is missing required key 'title'"))
        // Each diagnostic is followed by its source line and a caret under the column.
        let index = try #require(lines.firstIndex(of: "broken/pack.yaml:15:30: error: unknown name 'lengte'"))
        #expect(lines[index + 1] == "        expr: leeftijd >= 18 and lengte > 2")
        #expect(lines[index + 2] == "                                 ^")
    }

    @Test func missingFolderIsAClearError() throws {
        let result = try CommandRunner.koers(["validate", "no/such/folder"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("error: plugin folder 'no/such/folder' does not exist or is not a folder"))
    }

    @Test func listShowsBundledAndPluginPacks() throws {
        let result = try CommandRunner.koers(["list", "--lang", "en"])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.standardOutput.contains("set-eligibility"))
        #expect(result.standardOutput.contains("2019-03-01"))

        let example = Fixtures.packageRoot.appendingPathComponent("Tests/KoersCoreTests/Fixtures/valid").path
        let withPlugin = try CommandRunner.koers(["list"], environment: ["KOERS_PLUGIN_PATH": example])
        #expect(withPlugin.standardOutput.contains("minimal"))
    }

    @Test func badLanguageIsRejectedWithUsage() throws {
        let result = try CommandRunner.koers(["list", "--lang", "de"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--lang must be nl or en"))
    }
}
