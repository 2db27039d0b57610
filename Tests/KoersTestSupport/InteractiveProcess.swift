public import Foundation

/// A running program whose standard input stays open, for tests that type answers one at a
/// time, watch the output, and may kill the program half-way.
///
/// Output goes to files (not pipes), so the program never blocks on a full pipe and the test can
/// read everything written so far at any moment.
///
/// ```swift
/// let process = try InteractiveProcess(CommandRunner.koersExecutable, ["interview", "set-eligibility"], in: folder)
/// defer { process.terminate() }
/// try process.waitForOutput(timeout: 5) { $0.contains("> ") }
/// try process.send("ja\n")
/// ```
public final class InteractiveProcess: @unchecked Sendable {
    // Unchecked: used from one test at a time; `Process` and `FileHandle` are not Sendable.

    /// What went wrong while waiting.
    public struct Timeout: Error, CustomStringConvertible {
        /// What was waited for, and the output so far.
        public var description: String
    }

    private let process = Process()
    private let input = Pipe()
    private let folder: URL
    private let outputURL: URL
    private let errorURL: URL

    /// Starts a program.
    ///
    /// - Parameters:
    ///   - executable: The program.
    ///   - arguments: Its arguments.
    ///   - directory: The working folder.
    ///   - environment: Extra environment variables.
    /// - Throws: When the program cannot be started.
    public init(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws
    {
        folder = try Fixtures.temporaryDirectory()
        outputURL = folder.appendingPathComponent("stdout")
        errorURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = CommandRunner.childEnvironment(adding: environment)
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
    }

    deinit {
        terminate()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The process id.
    public var processIdentifier: Int32 { process.processIdentifier }

    /// Whether the program still runs.
    public var isRunning: Bool { process.isRunning }

    /// Everything written to standard output so far.
    public var output: String { (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "" }

    /// Everything written to standard error so far.
    public var errorOutput: String { (try? String(contentsOf: errorURL, encoding: .utf8)) ?? "" }

    /// Writes text to the program's standard input.
    ///
    /// - Parameter text: The text, with `\n` where a line ends.
    /// - Throws: When the program closed its input.
    public func send(_ text: String) throws {
        try input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    }

    /// Closes standard input: the program sees the end of input.
    public func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Polls standard output until a condition holds or the program exits.
    ///
    /// - Parameters:
    ///   - seconds: How long to wait at most.
    ///   - condition: What the output must satisfy.
    /// - Returns: The output at that moment.
    /// - Throws: ``Timeout`` with the output so far.
    @discardableResult
    public func waitForOutput(timeout seconds: Double = 10, until condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let text = output
            if condition(text) { return text }
            if !process.isRunning {
                let final = output
                if condition(final) { return final }
                throw Timeout(
                    description:
                        "the program exited before the output was as expected; output:\n\(final)\nerrors:\n\(errorOutput)"
                )
            }
            if Date() > deadline {
                throw Timeout(description: "timed out after \(seconds) s; output:\n\(text)\nerrors:\n\(errorOutput)")
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    /// Polls until a condition about anything (a file, say) holds.
    ///
    /// - Parameters:
    ///   - seconds: How long to wait at most.
    ///   - what: What is waited for, for the error.
    ///   - condition: The condition.
    /// - Throws: ``Timeout``.
    public func wait(timeout seconds: Double = 10, for what: String, until condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while try !condition() {
            if Date() > deadline {
                throw Timeout(
                    description:
                        "timed out after \(seconds) s waiting for \(what); output:\n\(output)\nerrors:\n\(errorOutput)"
                )
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    /// Waits for the program to exit and returns its status (the signal number when a signal
    /// ended it).
    ///
    /// - Parameter seconds: How long to wait at most.
    /// - Returns: The exit status.
    /// - Throws: ``Timeout`` when it still runs.
    @discardableResult
    public func waitForExit(timeout seconds: Double = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            if Date() > deadline {
                throw Timeout(description: "the program did not exit within \(seconds) s; output:\n\(output)")
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return process.terminationStatus
    }

    /// Whether the program was ended by a signal.
    public var wasKilledBySignal: Bool { !process.isRunning && process.terminationReason == .uncaughtSignal }

    /// Sends a signal, such as `SIGKILL`.
    ///
    /// - Parameter signal: The signal number.
    public func send(signal: Int32) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, signal)
    }

    /// Ends the program if it still runs.
    public func terminate() {
        closeInput()
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
