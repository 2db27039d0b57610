import Foundation
import KoersServer
import KoersStorage
import KoersTestSupport
import Logging
import Testing

/// `koers coach list|remove|passwd` and `add --role`, the real binary on SQLite (`--data`) and
/// PostgreSQL (`--database`); what they did is checked by logging in through the services on
/// the same database.
@Suite("koers coach list, remove and passwd", .serialized)
struct CoachCommandTests {
    /// Runs `body` with the database options of a new database of the backend, and its location.
    static func withDatabase(_ backend: Backend, _ body: ([String], StoreLocation) async throws -> Void) async throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        switch backend {
        case .sqlite:
            try await body(["--data", folder.path], .sqlite(path: folder.appendingPathComponent("koers.sqlite").path))
        case .postgres:
            let database = try PostgresTestDatabase.create()
            defer { try? database.drop() }
            try await body(["--database", database.url], .postgres(url: database.url))
        }
    }

    /// Logs in through the services on the database (as the web app would).
    static func login(_ location: StoreLocation, _ email: String, _ password: String) async throws -> Result<String, ServiceError> {
        let store = try await openStore(location, logger: Logger(label: "koers.coach-tests") { _ in SwiftLogNoOpLogHandler() })
        return try await withThrowingTaskGroup(of: Result<String, ServiceError>?.self) { group in
            group.addTask {
                try await store.run()
                return nil
            }
            defer { group.cancelAll() }
            let services = KoersServices(store: store, packs: PackLibrary(packs: []), settings: ServiceSettings(bcryptCost: 4))
            do throws(ServiceError) {
                return .success(try await services.accounts.login(email: email, password: password).coach.role.rawValue)
            } catch {
                return .failure(error)
            }
        }
    }

    @Test("list shows roles and states; remove deactivates (and --undo reactivates); passwd sets a password read from stdin", arguments: Backend.all)
    func listRemovePasswd(backend: Backend) async throws {
        try await Self.withDatabase(backend) { options, location in
            let empty = try CommandRunner.koers(["coach", "list"] + options)
            #expect(empty.status == 0 && empty.standardOutput.contains("no accounts yet"), "\(empty.standardError)")

            let add = { (email: String, name: String, role: String?) throws -> CommandRunner.Output in
                try CommandRunner.koers(
                    ["coach", "add", "--email", email, "--name", name, "--bcrypt-cost", "4"] + (role.map { ["--role", $0] } ?? []) + options,
                    input: "eerste wachtwoord\n"
                )
            }
            let anna = try add("anna@example.nl", "Anna", "reviewer")
            #expect(anna.status == 0 && anna.standardOutput.contains("added administrator anna@example.nl"), "the first account is an administrator: \(anna.standardOutput)\(anna.standardError)")
            #expect(try add("bert@example.nl", "Bert", nil).standardOutput.contains("added coach bert@example.nl"))
            #expect(try add("rik@verzekeraar.nl", "Rik", "reviewer").standardOutput.contains("added reviewer rik@verzekeraar.nl"))
            let badRole = try add("x@example.nl", "X", "baas")
            #expect(badRole.status != 0 && badRole.standardError.contains("role"), "\(badRole.standardError)")

            let list = try CommandRunner.koers(["coach", "list"] + options)
            #expect(list.status == 0, "\(list.standardError)")
            let lines = list.standardOutput.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
            #expect(lines.first == ["E-MAIL", "ROLE", "STATE", "NAME", "ORGANISATIONS"])
            #expect(lines.dropFirst().map { Array($0.prefix(3)) } == [
                ["anna@example.nl", "administrator", "active"], ["bert@example.nl", "coach", "active"],
                ["rik@verzekeraar.nl", "reviewer", "active"],
            ], "\(list.standardOutput)")

            // remove: deactivated, cannot log in; --undo: back.
            let removed = try CommandRunner.koers(["coach", "remove", "--email", "bert@example.nl"] + options)
            #expect(removed.status == 0 && removed.standardOutput.contains("deactivated coach bert@example.nl"), "\(removed.standardError)")
            let refused = try await Self.login(location, "bert@example.nl", "eerste wachtwoord")
            guard case .failure(.unauthorized(let message)) = refused else {
                Issue.record("a deactivated account logs in: \(refused)")
                return
            }
            #expect(message.contains("deactivated"))
            let json = try CommandRunner.koers(["coach", "list", "--json"] + options)
            let accounts = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])["accounts"] as? [[String: Any]]
            #expect(accounts?.first { $0["email"] as? String == "bert@example.nl" }?["active"] as? Bool == false)
            #expect(try CommandRunner.koers(["coach", "remove", "--email", "bert@example.nl", "--undo"] + options).status == 0)
            #expect(try await Self.login(location, "bert@example.nl", "eerste wachtwoord") == .success("coach"))

            // The last administrator cannot be removed; an unknown address is an error.
            let last = try CommandRunner.koers(["coach", "remove", "--email", "anna@example.nl"] + options)
            #expect(last.status == 1 && last.standardError.contains("last active administrator"), "\(last.standardError)")
            let unknown = try CommandRunner.koers(["coach", "remove", "--email", "niemand@example.nl"] + options)
            #expect(unknown.status == 1 && unknown.standardError.contains("no account"), "\(unknown.standardError)")

            // passwd: the first line of stdin, never an argument; short or missing is refused.
            let passwd = try CommandRunner.koers(
                ["coach", "passwd", "--email", "rik@verzekeraar.nl", "--bcrypt-cost", "4"] + options, input: "een nieuw wachtwoord\n"
            )
            #expect(passwd.status == 0 && !passwd.standardOutput.contains("nieuw wachtwoord"), "\(passwd.standardError)")
            #expect(try await Self.login(location, "rik@verzekeraar.nl", "een nieuw wachtwoord") == .success("reviewer"))
            guard case .failure = try await Self.login(location, "rik@verzekeraar.nl", "eerste wachtwoord") else {
                Issue.record("the old password still works")
                return
            }
            let short = try CommandRunner.koers(["coach", "passwd", "--email", "rik@verzekeraar.nl"] + options, input: "kort\n")
            #expect(short.status == 1 && short.standardError.contains("password"), "\(short.standardError)")
            let none = try CommandRunner.koers(["coach", "passwd", "--email", "rik@verzekeraar.nl"] + options, input: "")
            #expect(none.status == 1 && none.standardError.contains("no password"), "\(none.standardError)")
            let help = try CommandRunner.koers(["coach", "passwd", "--help"])
            #expect(!help.standardOutput.contains("--password"), "no password option on the command line")
        }
    }
}
