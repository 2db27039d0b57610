import ArgumentParser
import Foundation
import KoersServer
import KoersStorage
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension KoersCommand {
    /// `koers coach`: coach accounts of the web application.
    struct CoachCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "coach",
            abstract: "Manage the accounts of the web application (administrators, coaches, reviewers).",
            discussion: """
                The first account of a database is always an administrator. An administrator manages \
                accounts (also in the web pages, under Accounts); a coach works in the organisations \
                they are a member of; a reviewer reads those and changes nothing.
                """,
            subcommands: [Add.self, List.self, Remove.self, Passwd.self]
        ).inDutchWhenAsked(path: "coach")
    }
}

/// The database options of `koers coach`.
struct CoachDatabaseOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The database: sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE (default: sqlite:DATA/koers.sqlite).",
        valueName: "url"
    ))
    var database: String?

    @Option(help: ArgumentHelp("The data folder (default: $KOERS_DATA, else ./koers-data).", valueName: "dir"))
    var data: String?

    /// Opens the store and runs `body` while its run loop runs.
    func withStore<T: Sendable>(_ body: @Sendable @escaping (any KoersStore) async throws -> T) async throws -> T {
        let printer = DiagnosticPrinter()
        var logger = Logger(label: "koers.coach")
        logger.logLevel = .warning
        let store: any KoersStore
        do {
            let location = try DataOptions.location(database: database, data: data)
            if case .sqlite = location {
                try? FileManager.default.createDirectory(atPath: DataOptions.dataDirectory(data), withIntermediateDirectories: true)
            }
            store = try await openStore(location, logger: logger)
        } catch {
            printer.writeToStandardError("error: \(error.description)\n")
            throw ExitCode.failure
        }
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await store.run()
                return nil
            }
            group.addTask { try await body(store) }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let result { return result }
            }
            throw ExitCode.failure
        }
    }
}

extension KoersCommand.CoachCommand {
    /// `koers coach add`: adds a coach account; the password is read from standard input.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a coach account; the password is read from standard input (one line).",
            discussion: """
                In a terminal the password is asked for without echo; otherwise the first line of \
                standard input is the password (at least 8 characters), for example: \
                printf '%s\\n' "$PASSWORD" | koers coach add --email anna@example.nl --name "Anna de Vries"
                """
        ).inDutchWhenAsked(path: "coach add")

        @Option(help: "The coach's e-mail address (the login name).")
        var email: String

        @Option(help: "The coach's name, as the application shows it.")
        var name: String

        @Option(help: ArgumentHelp(
            "administrator, coach or reviewer (read only); the first account of a database is always an administrator.",
            valueName: "role"
        ))
        var role: RoleArgument = .coach

        @OptionGroup var store: CoachDatabaseOptions

        @Option(name: .customLong("bcrypt-cost"), help: ArgumentHelp("The bcrypt cost of the hash (tests only).", visibility: .hidden))
        var bcryptCost: UInt8 = 12

        func validate() throws {
            guard (4...31).contains(bcryptCost) else { throw ValidationError("--bcrypt-cost must be 4 to 31") }
        }

        func run() async throws {
            let printer = DiagnosticPrinter()
            guard let password = PasswordReader.read(prompt: "Password for \(email): ") else {
                printer.writeToStandardError("error: no password given; type it, or give it as the first line of standard input\n")
                throw ExitCode.failure
            }
            let email = email
            let name = name
            let cost = bcryptCost
            let role = role.role
            let outcome: Result<String, ServiceError> = try await store.withStore { store in
                let services = KoersServices(store: store, packs: PackLibrary(packs: []), settings: ServiceSettings(bcryptCost: cost))
                do throws(ServiceError) {
                    let account = try await services.accounts.createCoach(
                        email: email, name: name, password: password, role: role
                    )
                    return .success(
                        "added \(account.role.rawValue) \(account.email) (\(account.displayName)), id \(account.id)"
                    )
                } catch {
                    return .failure(error)
                }
            }
            switch outcome {
            case .success(let message):
                printer.writeToStandardOutput(message + "\n")
            case .failure(let error):
                let details = error.fieldProblems.map { "\($0.field): \($0.message)" }
                printer.writeToStandardError(
                    "error: \(error.description)" + (details.isEmpty ? "" : " (" + details.joined(separator: "; ") + ")") + "\n"
                )
                throw ExitCode.failure
            }
        }
    }
}

/// Reads a password: without echo from a terminal, else the first line of standard input.
enum PasswordReader {
    static func read(prompt: String) -> String? {
        var original = termios()
        let isTerminal = isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &original) == 0
        if isTerminal {
            FileHandle.standardError.write(Data(prompt.utf8))
            var quiet = original
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        }
        let line = readLine(strippingNewline: true)
        if isTerminal {
            tcsetattr(STDIN_FILENO, TCSANOW, &original)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line, !line.isEmpty else { return nil }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }
}

/// `--role`: the roles of ``AccountRole`` as the command line spells them.
enum RoleArgument: String, CaseIterable, ExpressibleByArgument {
    case administrator, coach, reviewer

    var role: AccountRole {
        switch self {
        case .administrator: .administrator
        case .coach: .coach
        case .reviewer: .reviewer
        }
    }
}

extension KoersCommand.CoachCommand {
    /// `koers coach list`: every account with its role, state and organisations.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the accounts: e-mail address, role, active or deactivated, name and organisations."
        ).inDutchWhenAsked(path: "coach list")

        @OptionGroup var store: CoachDatabaseOptions

        @Flag(help: "Print JSON (one object with an 'accounts' list) instead of a table.")
        var json = false

        func run() async throws {
            let json = json
            let outcome: Result<String, ServiceError> = try await store.withStore { store in
                let services = KoersServices(store: store, packs: PackLibrary(packs: []))
                do throws(ServiceError) {
                    let accounts = try await services.accounts.allAccounts()
                    return .success(json ? try Self.json(accounts) : Self.table(accounts))
                } catch {
                    return .failure(error)
                }
            }
            try CoachOutput.finish(outcome)
        }

        static func table(_ accounts: [AccountView]) -> String {
            guard !accounts.isEmpty else { return "no accounts yet; add one with: koers coach add --email E --name N\n" }
            let rows = [["E-MAIL", "ROLE", "STATE", "NAME", "ORGANISATIONS"]]
                + accounts.map { account in
                    [
                        account.email, account.role.rawValue, account.active ? "active" : "deactivated",
                        account.name, account.organisations.map(\.name).joined(separator: ", "),
                    ]
                }
            let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
            return rows.map { row in
                row.enumerated().map { column, cell in
                    column < 4 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0) : cell
                }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
            }
            .joined(separator: "\n") + "\n"
        }

        static func json(_ accounts: [AccountView]) throws(ServiceError) -> String {
            struct Listing: Encodable { var accounts: [AccountView] }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            do {
                return String(decoding: try encoder.encode(Listing(accounts: accounts)), as: UTF8.self) + "\n"
            } catch {
                throw .failed("the accounts cannot be written as JSON: \(error)")
            }
        }
    }

    /// `koers coach remove`: deactivates an account (or reactivates it with `--undo`).
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Deactivate an account: it can no longer log in and its logins end at once.",
            discussion: """
                The account is deactivated, not deleted: the answers, notes and share links it made \
                keep naming it, and an administrator can reactivate it (--undo, or in the web pages). \
                The last active administrator cannot be removed.
                """
        ).inDutchWhenAsked(path: "coach remove")

        @Option(help: "The account's e-mail address.")
        var email: String

        @Flag(help: "Reactivate a deactivated account instead.")
        var undo = false

        @OptionGroup var store: CoachDatabaseOptions

        func run() async throws {
            let email = email
            let active = undo
            let outcome: Result<String, ServiceError> = try await store.withStore { store in
                let services = KoersServices(store: store, packs: PackLibrary(packs: []))
                do throws(ServiceError) {
                    let account = try await services.accounts.setActive(active, email: email)
                    return .success("\(active ? "reactivated" : "deactivated") \(account.role.rawValue) \(account.email)\n")
                } catch {
                    return .failure(error)
                }
            }
            try CoachOutput.finish(outcome)
        }
    }

    /// `koers coach passwd`: sets an account's password; the password is read like `add` reads it.
    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd",
            abstract: "Set an account's password; it is read from standard input (one line), never from the command line.",
            discussion: """
                In a terminal the password is asked for without echo; otherwise the first line of \
                standard input is the password (at least 8 characters). Every login of the account ends.
                """
        ).inDutchWhenAsked(path: "coach passwd")

        @Option(help: "The account's e-mail address.")
        var email: String

        @OptionGroup var store: CoachDatabaseOptions

        @Option(name: .customLong("bcrypt-cost"), help: ArgumentHelp("The bcrypt cost of the hash (tests only).", visibility: .hidden))
        var bcryptCost: UInt8 = 12

        func validate() throws {
            guard (4...31).contains(bcryptCost) else { throw ValidationError("--bcrypt-cost must be 4 to 31") }
        }

        func run() async throws {
            guard let password = PasswordReader.read(prompt: "New password for \(email): ") else {
                DiagnosticPrinter().writeToStandardError(
                    "error: no password given; type it, or give it as the first line of standard input\n"
                )
                throw ExitCode.failure
            }
            let email = email
            let cost = bcryptCost
            let outcome: Result<String, ServiceError> = try await store.withStore { store in
                let services = KoersServices(store: store, packs: PackLibrary(packs: []), settings: ServiceSettings(bcryptCost: cost))
                do throws(ServiceError) {
                    let account = try await services.accounts.setPassword(password, email: email)
                    return .success("set the password of \(account.email); its logins have ended\n")
                } catch {
                    return .failure(error)
                }
            }
            try CoachOutput.finish(outcome)
        }
    }
}

/// The end of a `koers coach` subcommand: its output, or its error on standard error and exit
/// status 1.
enum CoachOutput {
    static func finish(_ outcome: Result<String, ServiceError>) throws {
        let printer = DiagnosticPrinter()
        switch outcome {
        case .success(let text):
            printer.writeToStandardOutput(text)
        case .failure(let error):
            let details = error.fieldProblems.map { "\($0.field): \($0.message)" }
            printer.writeToStandardError(
                "error: \(error.description)" + (details.isEmpty ? "" : " (" + details.joined(separator: "; ") + ")") + "\n"
            )
            throw ExitCode.failure
        }
    }
}
