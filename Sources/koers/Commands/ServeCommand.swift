import ArgumentParser
import Foundation
import KoersServer
import KoersStorage
import Logging

extension KoersCommand {
    /// `koers serve`: the web application and JSON API.
    struct ServeCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Run the web application and the JSON API.",
            discussion: """
                Serves the HTML pages at / and the JSON API at /api/v1 (described by \
                /api/v1/openapi.json and openapi/koers-api.openapi.json), with GET /health. \
                Prints "Koers is running at http://HOST:PORT/" once it listens (with --port 0, the \
                port it picked), and runs until interrupted (Ctrl-C or SIGTERM).

                The data folder is --data, else $KOERS_DATA, else ./koers-data. It holds the \
                SQLite database koers.sqlite (unless --database says otherwise) and packs/, whose \
                packs are offered besides the bundled ones, --plugins and $KOERS_PLUGIN_PATH. \
                Packs are loaded once, at start-up.

                Add a coach account first: koers coach add --email E --name N.

                Metrics: GET /metrics serves Prometheus metrics (requests by route and status, \
                latency, answers saved, store errors) only when a token is set, with \
                --metrics-token-file FILE or else $KOERS_METRICS_TOKEN (at least 16 characters); \
                a scrape then sends Authorization: Bearer TOKEN (401 without it). Without a token \
                /metrics is 404.

                Exit status: 0 after an interrupt, 1 when the server cannot start (the port is in \
                use, the database cannot be reached).
                """
        ).inDutchWhenAsked()

        @OptionGroup var packs: PackOptions

        @Option(help: "The address to listen on.")
        var host: String = "127.0.0.1"

        @Option(help: "The port to listen on; 0 picks a free one.")
        var port: Int = 8080

        @Option(help: ArgumentHelp(
            "The database: sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE (default: sqlite:DATA/koers.sqlite).",
            valueName: "url"
        ))
        var database: String?

        @Option(help: ArgumentHelp("The data folder (default: $KOERS_DATA, else ./koers-data).", valueName: "dir"))
        var data: String?

        @Option(
            name: .customLong("public-url"),
            help: ArgumentHelp(
                "The address people reach the pages at, such as https://koers.example.nl (behind a proxy), for the resume and share links; with https, login cookies are Secure.",
                valueName: "url"
            )
        )
        var publicURL: String?

        @Option(name: .customLong("body-limit"), help: ArgumentHelp("The largest request body accepted, in bytes.", valueName: "bytes"))
        var bodyLimit: Int = ServerConfiguration.defaultBodyLimit

        @Option(
            name: .customLong("anonymous-sessions-per-hour"),
            help: ArgumentHelp("How many anonymous sessions one client address may start per hour (more get 429).", valueName: "count")
        )
        var anonymousSessionsPerHour: Int = AnonymousSessionPolicy().startsPerAddress

        @Option(
            name: .customLong("anonymous-session-days"),
            help: ArgumentHelp("How many days an anonymous session nobody changes is kept before it is removed.", valueName: "days")
        )
        var anonymousSessionDays: Int = Int(AnonymousSessionPolicy().lifetime / (24 * 60 * 60))

        @Option(
            name: .customLong("metrics-token-file"),
            help: ArgumentHelp(
                "A file holding the token that GET /metrics asks for (Authorization: Bearer TOKEN); without it or $KOERS_METRICS_TOKEN, /metrics is off.",
                valueName: "file"
            )
        )
        var metricsTokenFile: String?

        @Option(name: .customLong("log-level"), help: "The least important log level shown: trace, debug, info, notice, warning, error or critical.")
        var logLevel: String = "info"

        @Option(name: .customLong("bcrypt-cost"), help: ArgumentHelp("The bcrypt cost of password hashes (tests only).", visibility: .hidden))
        var bcryptCost: UInt8 = 12

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535, not \(port)") }
            guard bodyLimit >= 1024 else { throw ValidationError("--body-limit must be at least 1024 bytes") }
            guard Logger.Level(rawValue: logLevel) != nil else {
                throw ValidationError("--log-level must be trace, debug, info, notice, warning, error or critical")
            }
            guard (4...31).contains(bcryptCost) else { throw ValidationError("--bcrypt-cost must be 4 to 31") }
            guard anonymousSessionsPerHour >= 1 else { throw ValidationError("--anonymous-sessions-per-hour must be at least 1") }
            guard (1...3650).contains(anonymousSessionDays) else {
                throw ValidationError("--anonymous-session-days must be 1 to 3650")
            }
        }

        func run() async throws {
            let printer = DiagnosticPrinter()
            let dataDirectory = DataOptions.dataDirectory(data)
            let location: StoreLocation
            do {
                location = try DataOptions.location(database: database, data: data)
            } catch {
                printer.writeToStandardError("error: \(error.description)\n")
                throw ExitCode.failure
            }
            var roots = packs.roots()
            let dataPacks = (dataDirectory as NSString).appendingPathComponent("packs")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: dataPacks, isDirectory: &isDirectory), isDirectory.boolValue {
                roots.append(dataPacks)
            }
            let level = Logger.Level(rawValue: logLevel) ?? .info
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
            let logger = Logger(label: "koers.server")
            var configuration = ServerConfiguration(
                host: host,
                port: port,
                dataDirectory: dataDirectory,
                database: location,
                packRoots: roots,
                embeddedPacks: packs.bundledRulesDirectory() == nil ? [PackOptions.compiledInPacks] : [],
                registry: try packs.registry(),
                bcryptCost: bcryptCost,
                bodyLimit: bodyLimit
            )
            configuration.pages = PageSettings(publicBaseURL: publicURL)
            configuration.anonymousSessions.startsPerAddress = anonymousSessionsPerHour
            configuration.anonymousSessions.lifetime = TimeInterval(anonymousSessionDays) * 24 * 60 * 60
            do {
                configuration.metricsToken = try MetricsToken.read(
                    file: metricsTokenFile, environment: ProcessInfo.processInfo.environment["KOERS_METRICS_TOKEN"]
                )
            } catch {
                printer.writeToStandardError("error: \(error.message)\n")
                throw ExitCode.failure
            }
            do {
                try await KoersApplication.run(configuration: configuration, logger: logger) { url in
                    DiagnosticPrinter().writeToStandardOutput("Koers is running at \(url)\n")
                }
            } catch {
                printer.writeToStandardError("error: \(error.description)\n")
                throw ExitCode.failure
            }
        }
    }
}

/// The token of `GET /metrics`: from `--metrics-token-file`, else `$KOERS_METRICS_TOKEN`.
enum MetricsToken {
    /// Why a token cannot be used, in words for the operator.
    struct Problem: Error {
        let message: String
    }

    /// Reads the token: the file's content without its trailing line break, else the
    /// environment's value; `nil` when neither is set (no metrics).
    ///
    /// - Throws: ``Problem`` when the file cannot be read, or the token is shorter than
    ///   ``MetricsSettings/minimumTokenLength`` or holds white space.
    static func read(file: String?, environment: String?) throws(Problem) -> String? {
        let token: String
        let source: String
        if let file {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw Problem(message: "--metrics-token-file: cannot read \(file)")
            }
            token = text.trimmingCharacters(in: .newlines)
            source = "the token in \(file)"
        } else if let environment, !environment.isEmpty {
            token = environment
            source = "$KOERS_METRICS_TOKEN"
        } else {
            return nil
        }
        guard token.count >= MetricsSettings.minimumTokenLength, !token.contains(where: \.isWhitespace) else {
            throw Problem(
                message: "\(source) must be at least \(MetricsSettings.minimumTokenLength) characters without spaces (such as the output of: openssl rand -hex 32)"
            )
        }
        return token
    }
}

/// Where the web application keeps its data.
enum DataOptions {
    /// The data folder: the option, else `$KOERS_DATA`, else `./koers-data`.
    static func dataDirectory(_ option: String?) -> String {
        if let option, !option.isEmpty { return option }
        if let fromEnvironment = ProcessInfo.processInfo.environment["KOERS_DATA"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "koers-data"
    }

    /// The database: `--database`, else `sqlite:DATA/koers.sqlite`.
    static func location(database: String?, data: String?) throws(StoreError) -> StoreLocation {
        if let database { return try StoreLocation(parsing: database) }
        return ServerConfiguration.defaultDatabase(in: dataDirectory(data))
    }
}
