public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real `koers serve` binary, started on loopback on a free port for end-to-end tests.
///
/// It waits for the line `Koers is running at URL` the server prints, can be killed with
/// SIGKILL (as a crash would) and started again on the same data folder:
///
/// ```swift
/// let server = try ServerProcess(dataDirectory: folder)
/// try await server.start()
/// … requests to server.baseURL …
/// server.kill()
/// try await server.start()   // same data, a new port
/// ```
public final class ServerProcess {
    /// The data folder.
    public let dataDirectory: URL
    /// The `--database` value, or `nil` for SQLite in the data folder.
    public let database: String?
    /// Extra arguments for `koers serve`.
    public let extraArguments: [String]
    /// The bcrypt cost the server and `addCoach` use (low, so that tests run fast).
    public static let bcryptCost = 4

    /// The server's URL (`http://127.0.0.1:PORT/`) while it runs.
    public private(set) var baseURL: URL?
    private var process: Process?
    private var logFolder: URL?

    /// Describes a server; nothing starts yet.
    ///
    /// - Parameters:
    ///   - dataDirectory: The data folder (`--data`).
    ///   - database: `--database`, or `nil` for `sqlite:DATA/koers.sqlite`.
    ///   - extraArguments: More arguments, such as `["--body-limit", "4096"]`.
    public init(dataDirectory: URL, database: String? = nil, extraArguments: [String] = []) {
        self.dataDirectory = dataDirectory
        self.database = database
        self.extraArguments = extraArguments
    }

    deinit {
        kill()
    }

    /// What the server wrote to standard error so far (its log).
    public var log: String {
        guard let logFolder else { return "" }
        return (try? String(contentsOf: logFolder.appendingPathComponent("stderr"), encoding: .utf8)) ?? ""
    }

    private var databaseArguments: [String] {
        ["--data", dataDirectory.path] + (database.map { ["--database", $0] } ?? [])
    }

    /// Starts the server and waits until it prints its URL.
    ///
    /// - Parameter timeout: How long to wait, in seconds.
    /// - Throws: ``Failure`` when it exits first or does not print its URL in time.
    public func start(timeout: TimeInterval = 120) async throws {
        kill()
        let folder = try Fixtures.temporaryDirectory()
        logFolder = folder
        let outputURL = folder.appendingPathComponent("stdout")
        let errorURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let process = Process()
        process.executableURL = CommandRunner.koersExecutable
        process.arguments =
            ["serve", "--host", "127.0.0.1", "--port", "0", "--bcrypt-cost", "\(Self.bcryptCost)", "--log-level", "warning"]
            + databaseArguments + extraArguments
        process.currentDirectoryURL = Fixtures.packageRoot
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let output = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
            if let line = output.split(separator: "\n").first(where: { $0.hasPrefix("Koers is running at ") }),
                let url = URL(string: String(line.dropFirst("Koers is running at ".count)))
            {
                baseURL = url
                return
            }
            guard process.isRunning else {
                self.process = nil
                throw Failure(description: "koers serve exited with status \(process.terminationStatus): \(log)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        kill()
        throw Failure(description: "koers serve did not print its URL within \(Int(timeout)) s: \(log)")
    }

    /// Kills the server with SIGKILL, as a crash would, and waits until it is gone.
    public func kill() {
        guard let process else { return }
        if process.isRunning {
            sendSignal(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        self.process = nil
        baseURL = nil
    }

    /// Stops the server with SIGTERM and waits until it is gone.
    ///
    /// - Returns: Its exit status.
    @discardableResult
    public func stop() -> Int32 {
        guard let process else { return 0 }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        self.process = nil
        baseURL = nil
        return process.terminationStatus
    }

    /// Adds a coach account with `koers coach add`, on the server's database.
    ///
    /// - Parameters:
    ///   - email: The e-mail address.
    ///   - name: The name.
    ///   - password: The password.
    /// - Returns: What the command printed.
    /// - Throws: ``Failure`` when the command fails.
    @discardableResult
    public func addCoach(email: String, name: String, password: String) throws -> CommandRunner.Output {
        let output = try CommandRunner.koers(
            ["coach", "add", "--email", email, "--name", name, "--bcrypt-cost", "\(Self.bcryptCost)"] + databaseArguments,
            input: password + "\n"
        )
        guard output.status == 0 else {
            throw Failure(description: "koers coach add failed (\(output.status)): \(output.standardError)")
        }
        return output
    }

    /// Why the server could not be started or used.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public var description: String

        /// Creates a failure.
        ///
        /// - Parameter description: What went wrong.
        public init(description: String) {
            self.description = description
        }
    }
}

/// Sends a signal to a process (the global `kill`, which ``ServerProcess/kill()`` hides).
private func sendSignal(_ pid: pid_t, _ signal: Int32) {
    _ = kill(pid, signal)
}
