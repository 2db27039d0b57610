public import Foundation

/// Runs the real `koers` binary, built by `swift build`/`swift test`, for end-to-end tests.
public enum CommandRunner {
    /// The environment a child process under test gets: this process's, without the settings
    /// that change what Koers prints (a tester's own `KOERS_LANG=nl` would turn English
    /// expectations Dutch), plus the test's own variables.
    ///
    /// - Parameter environment: The test's variables, which win over inherited ones.
    /// - Returns: The child's environment.
    public static func childEnvironment(adding environment: [String: String]) -> [String: String] {
        var inherited = ProcessInfo.processInfo.environment
        inherited["KOERS_LANG"] = nil
        return inherited.merging(environment) { _, new in new }
    }

    /// What a finished process left behind.
    public struct Output: Sendable {
        /// The exit status.
        public var status: Int32
        /// Everything written to standard output.
        public var standardOutput: String
        /// Everything written to standard error.
        public var standardError: String
    }

    /// The built `koers` executable: next to the test bundle, or in `.build/debug`.
    public static var koersExecutable: URL {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("koers"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("koers"),
            URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
                .appendingPathComponent("koers"),
            Fixtures.packageRoot.appendingPathComponent(".build/debug/koers"),
        ]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
            ?? Fixtures.packageRoot.appendingPathComponent(".build/debug/koers")
    }

    /// Runs `koers` with arguments in a working folder and waits for it.
    ///
    /// - Parameters:
    ///   - arguments: The arguments after `koers`.
    ///   - directory: The working folder; the package root by default.
    ///   - environment: Extra environment variables.
    ///   - input: Text for standard input.
    /// - Returns: The exit status and output.
    public static func koers(
        _ arguments: [String],
        in directory: URL = Fixtures.packageRoot,
        environment: [String: String] = [:],
        input: String = ""
    ) throws -> Output {
        try run(koersExecutable, arguments, in: directory, environment: environment, input: input)
    }

    /// Runs an executable and waits for it, collecting its output.
    ///
    /// - Parameters:
    ///   - executable: The program.
    ///   - arguments: Its arguments.
    ///   - directory: The working folder.
    ///   - environment: Extra environment variables.
    ///   - input: Text for standard input.
    /// - Returns: The exit status and output.
    public static func run(
        _ executable: URL,
        _ arguments: [String],
        in directory: URL,
        environment: [String: String] = [:],
        input: String = ""
    ) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = CommandRunner.childEnvironment(adding: environment)
        // Output goes to files rather than pipes, so a chatty child can never block on a full pipe.
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputURL = folder.appendingPathComponent("stdout")
        let errorURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL)
        let error = try FileHandle(forWritingTo: errorURL)
        defer {
            try? output.close()
            try? error.close()
        }
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        standardInput.fileHandleForWriting.write(Data(input.utf8))
        try standardInput.fileHandleForWriting.close()
        process.waitUntilExit()
        let outputData = try Data(contentsOf: outputURL)
        let errorData = try Data(contentsOf: errorURL)
        return Output(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }
}
