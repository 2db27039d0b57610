import Foundation
import KoersTestSupport
import Testing

/// The lines of standard error that are errors (the rest is the server's log).
private func errorLines(_ output: CommandRunner.Output) -> [String] {
    output.standardError.split(separator: "\n").map(String.init).filter { $0.hasPrefix("error:") }
}

/// `koers serve` and `koers coach` as a person uses them: clear one-line errors, exit 1.
@Suite("koers serve and koers coach", .serialized)
struct ServeCommandTests {
    @Test("a port in use, an unreachable database and a bad database URL are one clear line each")
    func startupErrors() async throws {
        let server = try await TestServer(.sqlite)
        let port = try #require(server.server.baseURL?.port)
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inUse = try CommandRunner.koers(["serve", "--port", "\(port)", "--data", folder.path])
        #expect(inUse.status == 1)
        #expect(errorLines(inUse) == ["error: cannot listen on 127.0.0.1:\(port): the port is in use; choose another port with --port (or stop what uses it)"], "\(inUse.standardError)")

        let unreachable = try CommandRunner.koers(
            ["serve", "--port", "0", "--data", folder.path, "--database", "postgres://koers:secret@127.0.0.1:1/koers"]
        )
        #expect(unreachable.status == 1)
        #expect(errorLines(unreachable).count == 1, "\(unreachable.standardError)")
        #expect(errorLines(unreachable).first?.contains("database") == true, "\(unreachable.standardError)")
        #expect(!unreachable.standardError.contains("secret"), "the password is not shown")
        #expect(!unreachable.standardError.contains("Fatal error") && !unreachable.standardError.contains("Stack dump"))

        let badURL = try CommandRunner.koers(["serve", "--data", folder.path, "--database", "mysql://x"])
        #expect(badURL.status == 1 && errorLines(badURL).first?.hasPrefix("error: invalid database location") == true, "\(badURL.standardError)")

        let help = try CommandRunner.koers(["serve", "--help"])
        #expect(help.standardOutput.contains("KOERS_DATA") && help.standardOutput.contains("koers-data"))
    }

    @Test("koers coach add reads the password from standard input and refuses duplicates and short passwords")
    func coachAdd() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["coach", "add", "--email", "anna@example.nl", "--name", "Anna", "--data", folder.path, "--bcrypt-cost", "4"]
        let added = try CommandRunner.koers(arguments, input: "lang genoeg wachtwoord\n")
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput.contains("anna@example.nl") && !added.standardOutput.contains("wachtwoord"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("koers.sqlite").path))
        let again = try CommandRunner.koers(arguments, input: "lang genoeg wachtwoord\n")
        #expect(again.status == 1 && again.standardError.contains("already"), "\(again.standardError)")
        let short = try CommandRunner.koers(
            ["coach", "add", "--email", "bert@example.nl", "--name", "Bert", "--data", folder.path, "--bcrypt-cost", "4"],
            input: "kort\n"
        )
        #expect(short.status == 1 && short.standardError.contains("password"), "\(short.standardError)")
        let none = try CommandRunner.koers(
            ["coach", "add", "--email", "bert@example.nl", "--name", "Bert", "--data", folder.path],
            input: ""
        )
        #expect(none.status == 1 && none.standardError.contains("no password"), "\(none.standardError)")
    }
}
