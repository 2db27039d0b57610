public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program running in a detached tmux session on a private socket, driven with `send-keys`
/// and read with `capture-pane`: a real terminal for end-to-end tests of raw-mode input.
///
/// ```swift
/// let tmux = try TmuxSession(command: [koers.path, "interview", "set-eligibility"], in: folder)
/// defer { tmux.kill() }
/// try tmux.waitForScreen { $0.contains("[1/") }
/// try tmux.send(keys: "Down", "Enter")
/// ```
public final class TmuxSession: @unchecked Sendable {
    // Unchecked: used from one test at a time; all state is immutable after `init`.

    /// What went wrong.
    public struct Failure: Error, CustomStringConvertible {
        /// What happened, with the screen when there is one.
        public var description: String

        /// Creates a failure.
        ///
        /// - Parameter description: What happened.
        public init(description: String) {
            self.description = description
        }
    }

    /// The `tmux` executable, or `nil` when it is not installed.
    public static var executable: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("tmux")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// The message a test fails with when tmux is missing.
    public static let missingMessage =
        "tmux is not installed, so the terminal interview cannot be tested; install it with 'sudo apt-get install tmux' (scripts/bootstrap does this when run as root)"

    private let tmux: URL
    private let socket: String
    private let name = "koers"

    /// Starts a command in a new detached session of the given size.
    ///
    /// When the command ends, the pane shows `[exited N]` and stays, so its last output can still
    /// be read.
    ///
    /// - Parameters:
    ///   - command: The program and its arguments.
    ///   - directory: The working folder.
    ///   - width: Columns.
    ///   - height: Rows.
    /// - Throws: ``Failure`` when tmux is missing or cannot start.
    public init(command: [String], in directory: URL, width: Int = 120, height: Int = 40) throws {
        guard let tmux = Self.executable else { throw Failure(description: Self.missingMessage) }
        self.tmux = tmux
        self.socket = "koers-test-\(UUID().uuidString)"
        let quoted = command.map(Self.shellQuoted).joined(separator: " ")
        let script = "\(quoted); echo \"[exited $?]\"; exec cat >/dev/null"
        try run([
            "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height),
            "-c", directory.path, "/bin/sh", "-c", script,
        ])
    }

    deinit { kill() }

    /// Sends keys by tmux name (`Enter`, `Up`, `Down`, `Space`, `C-d`) or as text.
    ///
    /// - Parameter keys: The keys.
    /// - Throws: ``Failure`` when tmux fails.
    public func send(keys: String...) throws {
        try run(["send-keys", "-t", name] + keys)
    }

    /// Types text literally (no key names).
    ///
    /// - Parameter text: The text.
    /// - Throws: ``Failure`` when tmux fails.
    public func type(_ text: String) throws {
        try run(["send-keys", "-t", name, "-l", text])
    }

    /// The visible screen as plain text (no colours).
    ///
    /// - Throws: ``Failure`` when tmux fails.
    public func screen() throws -> String {
        try run(["capture-pane", "-p", "-t", name])
    }

    /// Polls the screen until a condition holds.
    ///
    /// - Parameters:
    ///   - seconds: How long to wait at most.
    ///   - condition: What the screen must show.
    /// - Returns: The screen.
    /// - Throws: ``Failure`` with the last screen on a timeout.
    @discardableResult
    public func waitForScreen(timeout seconds: Double = 10, until condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let text = try screen()
            if condition(text) { return text }
            if Date() > deadline {
                throw Failure(description: "timed out after \(seconds) s; the screen shows:\n\(text)")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// Stops the tmux server of this session (and the program in it).
    public func kill() {
        _ = try? run(["kill-server"])
    }

    /// Runs a tmux command and waits for it with `posix_spawn` and `waitpid`.
    ///
    /// Not with Foundation's `Process`: on Linux it learns that a child ended from a descriptor
    /// the child inherits, and the tmux server that `new-session` forks keeps that descriptor
    /// open, so `waitUntilExit()` would never return.
    @discardableResult
    private func run(_ arguments: [String], attempt: Int = 1) throws -> String {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputPath = folder.appendingPathComponent("stdout").path
        let errorPath = folder.appendingPathComponent("stderr").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // The server tmux forks must not inherit this process's other descriptors (see above).
        for descriptor in Self.inheritableDescriptors() { posix_spawn_file_actions_addclose(&actions, descriptor) }
        // Nor its blocked signals: with SIGCHLD and SIGHUP blocked, tmux would not notice its
        // programs ending and `kill-server` would not end them.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([tmux.path, "-u", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tmux.path, &actions, &attributes, argv, environ)
        // Another thread closed one of the descriptors meanwhile: try again with a fresh list.
        if spawned == EBADF, attempt < 3 { return try run(arguments, attempt: attempt + 1) }
        guard spawned == 0 else {
            throw Failure(description: "cannot start tmux: \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else {
                throw Failure(description: "waiting for tmux failed: \(String(cString: strerror(errno)))")
            }
        }
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exitedNormally = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        guard exitedNormally, code == 0 else {
            let error = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (status \(status)): \(error)")
        }
        return output
    }

    /// The open descriptors above standard error that a child would inherit (not close-on-exec).
    private static func inheritableDescriptors() -> [Int32] {
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return listed.compactMap { Int32($0) }.filter { descriptor in
            guard descriptor > 2 else { return false }
            let flags = fcntl(descriptor, F_GETFD)
            return flags >= 0 && flags & FD_CLOEXEC == 0
        }
    }

    private static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
