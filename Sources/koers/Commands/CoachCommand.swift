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
            abstract: "Manage the coach accounts of the web application.",
            subcommands: [Add.self]
        )
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
            abstract: "Add a coach account; the password is read from standard input (one line).",
            discussion: """
                In a terminal the password is asked for without echo; otherwise the first line of \
                standard input is the password (at least 8 characters), for example: \
                printf '%s\\n' "$PASSWORD" | koers coach add --email anna@example.nl --name "Anna de Vries"
                """
        )

        @Option(help: "The coach's e-mail address (the login name).")
        var email: String

        @Option(help: "The coach's name, as the application shows it.")
        var name: String

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
            let outcome: Result<String, ServiceError> = try await store.withStore { store in
                let services = KoersServices(store: store, packs: PackLibrary(packs: []), settings: ServiceSettings(bcryptCost: cost))
                do throws(ServiceError) {
                    let account = try await services.accounts.createCoach(email: email, name: name, password: password)
                    return .success("added coach \(account.email) (\(account.displayName)), id \(account.id)")
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
