public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Debian's `chromium`, headless, driven through the Chrome DevTools Protocol over
/// `--remote-debugging-pipe`: commands go to the browser on its descriptor 3, its replies and
/// events come back on descriptor 4, each message one JSON object ended by a NUL byte.
///
/// Every call has a time limit, so a browser that hangs fails the test instead of hanging it,
/// and ``close()`` (also run on `deinit`) kills the browser and all its child processes.
///
/// ```swift
/// let browser = try HeadlessBrowser(directory: folder)
/// defer { browser.close() }
/// let page = try browser.newPage()          // a fresh context: no cookies
/// try page.navigate(to: "http://127.0.0.1:8080/login")
/// try page.fill("#email", "coach@example.org")
/// try page.submit("form#login")             // a real form submission, no script needed
/// let heading = try page.text("h1")
/// ```
public final class HeadlessBrowser: @unchecked Sendable {
    // Unchecked: the mutable state is the connection's, which guards it with its lock.

    /// What went wrong talking to the browser.
    public struct Failure: Error, CustomStringConvertible {
        /// What happened.
        public var description: String

        /// Creates a failure.
        ///
        /// - Parameter description: What happened.
        public init(_ description: String) {
            self.description = description
        }
    }

    /// The `chromium` executable, or `nil` when it is not installed.
    public static var executable: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"] {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent("chromium")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// The message a test fails with when chromium is missing.
    public static let missingMessage =
        "chromium is not installed, so the web pages cannot be tested in a browser; install it with 'sudo apt-get install chromium' (scripts/bootstrap does this when run as root)"

    /// How long one command may take, in seconds.
    public let timeout: Double
    private let connection: DevToolsConnection
    private let pid: pid_t
    private let lock = NSLock()
    private var closed = false

    /// Starts the browser.
    ///
    /// - Parameters:
    ///   - directory: A folder of the test's own; the browser's profile and log go in it.
    ///   - timeout: How long one command (or one page load) may take, in seconds.
    /// - Throws: ``Failure`` when chromium is missing or does not start.
    public init(directory: URL, timeout: Double = 30) throws {
        guard let chromium = Self.executable else { throw Failure(Self.missingMessage) }
        self.timeout = timeout
        let profile = directory.appendingPathComponent("chromium-profile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        let log = directory.appendingPathComponent("chromium.log").path
        let arguments = [
            chromium.path, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
            "--user-data-dir=\(profile.path)", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--mute-audio", "--hide-scrollbars", "--window-size=1000,1200",
            "about:blank",
        ]
        let (pid, toBrowser, fromBrowser) = try Self.spawn(arguments, log: log)
        self.pid = pid
        self.connection = DevToolsConnection(writing: toBrowser, reading: fromBrowser)
        do {
            _ = try connection.send("Browser.getVersion", timeout: timeout)
        } catch {
            close()
            throw Failure("chromium did not answer on its DevTools pipe (\(error)); its log is \(log)")
        }
    }

    deinit { close() }

    /// Opens a page in a new browser context, which shares no cookies or storage with other
    /// pages.
    ///
    /// - Parameters:
    ///   - width: The viewport width in CSS pixels.
    ///   - height: The viewport height in CSS pixels.
    /// - Returns: The page, showing `about:blank`.
    /// - Throws: ``Failure`` when the browser does not create it.
    public func newPage(width: Int = 1000, height: Int = 1200) throws -> BrowserPage {
        let context = try connection.send("Target.createBrowserContext", ["disposeOnDetach": true], timeout: timeout)
        guard let contextID = context["browserContextId"] as? String else {
            throw Failure("Target.createBrowserContext gave no browserContextId: \(context)")
        }
        let target = try connection.send(
            "Target.createTarget", ["url": "about:blank", "browserContextId": contextID], timeout: timeout
        )
        guard let targetID = target["targetId"] as? String else {
            throw Failure("Target.createTarget gave no targetId: \(target)")
        }
        let attached = try connection.send(
            "Target.attachToTarget", ["targetId": targetID, "flatten": true], timeout: timeout
        )
        guard let sessionID = attached["sessionId"] as? String else {
            throw Failure("Target.attachToTarget gave no sessionId: \(attached)")
        }
        let page = BrowserPage(connection: connection, sessionID: sessionID, timeout: timeout)
        try page.command("Page.enable")
        try page.command("Runtime.enable")
        try page.command(
            "Emulation.setDeviceMetricsOverride",
            ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": false]
        )
        return page
    }

    /// Kills the browser and every process it started, and waits for it; safe to call twice.
    public func close() {
        lock.lock()
        let wasClosed = closed
        closed = true
        lock.unlock()
        guard !wasClosed else { return }
        // The browser leads its own process group (see `spawn`), so this ends its zygote,
        // renderer and utility processes too.
        Glibc.kill(-pid, SIGKILL)
        Glibc.kill(pid, SIGKILL)
        connection.close()
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(10)
        while waitpid(pid, &status, WNOHANG) == 0, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// Starts chromium with the two pipes on descriptors 3 and 4, in a new process group.
    private static func spawn(_ arguments: [String], log: String) throws -> (pid_t, Int32, Int32) {
        var commands: [Int32] = [0, 0]  // the browser reads [0] as fd 3; we write [1]
        var messages: [Int32] = [0, 0]  // the browser writes [1] as fd 4; we read [0]
        guard pipe(&commands) == 0, pipe(&messages) == 0 else {
            throw Failure("cannot make pipes: \(String(cString: strerror(errno)))")
        }
        // Close-on-exec, so no other child (nor the browser, past the two it is given) keeps them.
        for descriptor in commands + messages { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        // dup2 onto the same number would keep close-on-exec set: move such ends out of the way.
        let childRead = try lifted(commands[0])
        let childWrite = try lifted(messages[1])
        defer {
            Glibc.close(childRead)
            Glibc.close(childWrite)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // The browser and its helpers must not inherit this process's other descriptors: a
        // `Process` learns that its child ended from one, and would wait for the browser too.
        for descriptor in inheritableDescriptors() where descriptor != childRead && descriptor != childWrite {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        posix_spawn_file_actions_adddup2(&actions, childRead, 3)
        posix_spawn_file_actions_adddup2(&actions, childWrite, 4)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP)
        )
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        var spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ)
        if spawned == EBADF {
            // Another thread closed a listed descriptor meanwhile: try once more without closing any.
            var plain = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&plain)
            defer { posix_spawn_file_actions_destroy(&plain) }
            posix_spawn_file_actions_addopen(&plain, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&plain, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o600)
            posix_spawn_file_actions_adddup2(&plain, 1, 2)
            posix_spawn_file_actions_adddup2(&plain, childRead, 3)
            posix_spawn_file_actions_adddup2(&plain, childWrite, 4)
            spawned = posix_spawn(&pid, arguments[0], &plain, &attributes, argv, environ)
        }
        guard spawned == 0 else {
            for descriptor in commands + messages { Glibc.close(descriptor) }
            throw Failure("cannot start chromium: \(String(cString: strerror(spawned)))")
        }
        if childRead != commands[0] { Glibc.close(commands[0]) }
        if childWrite != messages[1] { Glibc.close(messages[1]) }
        return (pid, commands[1], messages[0])
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

    /// A descriptor numbered above 4 (the same one when it already is), close-on-exec.
    private static func lifted(_ descriptor: Int32) throws -> Int32 {
        guard descriptor <= 4 else { return descriptor }
        let moved = fcntl(descriptor, F_DUPFD_CLOEXEC, 10)
        guard moved >= 0 else { throw Failure("cannot move a pipe: \(String(cString: strerror(errno)))") }
        return moved
    }
}

/// One page (tab) of a ``HeadlessBrowser``, in a browser context of its own.
///
/// Page-changing calls (``navigate(to:)``, ``submit(_:)``, ``click(_:)``) wait until the new
/// document has loaded.
public final class BrowserPage: @unchecked Sendable {
    // Unchecked: all state is immutable; the connection guards its own.

    private let connection: DevToolsConnection
    private let sessionID: String
    private let timeout: Double

    init(connection: DevToolsConnection, sessionID: String, timeout: Double) {
        self.connection = connection
        self.sessionID = sessionID
        self.timeout = timeout
    }

    /// Sends a DevTools command to this page.
    ///
    /// - Parameters:
    ///   - method: The method, such as `Page.reload`.
    ///   - parameters: Its parameters.
    /// - Returns: The result object.
    /// - Throws: ``HeadlessBrowser/Failure`` on an error reply or a timeout.
    @discardableResult
    public func command(_ method: String, _ parameters: [String: Any] = [:]) throws -> [String: Any] {
        try connection.send(method, parameters, sessionID: sessionID, timeout: timeout)
    }

    /// Opens a URL and waits until it has loaded.
    ///
    /// - Parameter url: The address.
    /// - Throws: ``HeadlessBrowser/Failure`` when it cannot be opened or does not load in time.
    public func navigate(to url: String) throws {
        try markDocument()
        let result = try command("Page.navigate", ["url": url])
        if let error = result["errorText"] as? String, !error.isEmpty {
            throw HeadlessBrowser.Failure("cannot open \(url): \(error)")
        }
        try waitForNewDocument(what: "opening \(url)")
    }

    /// Runs JavaScript in the page and returns its value (JSON-like: strings, numbers, booleans,
    /// arrays, objects, or `nil`).
    ///
    /// - Parameter expression: The script; its last expression is the value.
    /// - Returns: The value.
    /// - Throws: ``HeadlessBrowser/Failure`` when the script throws.
    @discardableResult
    public func evaluate(_ expression: String) throws -> Any? {
        let result = try command(
            "Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true]
        )
        if let exception = result["exceptionDetails"] as? [String: Any] {
            let text = ((exception["exception"] as? [String: Any])?["description"] as? String)
                ?? (exception["text"] as? String) ?? "\(exception)"
            throw HeadlessBrowser.Failure("script failed: \(text)\nscript: \(expression)")
        }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// The current address.
    public func url() throws -> String { try evaluate("location.href") as? String ?? "" }

    /// The HTTP status of the current document's response (0 when unknown).
    public func status() throws -> Int {
        let value = try evaluate("performance.getEntriesByType('navigation')[0]?.responseStatus ?? 0")
        return (value as? NSNumber)?.intValue ?? 0
    }

    /// The visible text of the first element a CSS selector matches, or of the body.
    ///
    /// - Parameter selector: The selector; `body` by default.
    /// - Returns: The text, or `nil` when nothing matches.
    /// - Throws: ``HeadlessBrowser/Failure`` when the script fails.
    public func text(_ selector: String = "body") throws -> String? {
        try evaluate("document.querySelector(\(Self.literal(selector)))?.innerText ?? null") as? String
    }

    /// The visible texts of every element a CSS selector matches.
    ///
    /// - Parameter selector: The selector.
    /// - Returns: The texts, in document order.
    /// - Throws: ``HeadlessBrowser/Failure`` when the script fails.
    public func texts(_ selector: String) throws -> [String] {
        let value = try evaluate("[...document.querySelectorAll(\(Self.literal(selector)))].map(e => e.innerText)")
        return value as? [String] ?? []
    }

    /// The value of an attribute of the first element a selector matches.
    ///
    /// - Parameters:
    ///   - name: The attribute.
    ///   - selector: The selector.
    /// - Returns: The value, or `nil`.
    /// - Throws: ``HeadlessBrowser/Failure`` when the script fails.
    public func attribute(_ name: String, of selector: String) throws -> String? {
        try evaluate(
            "document.querySelector(\(Self.literal(selector)))?.getAttribute(\(Self.literal(name))) ?? null"
        ) as? String
    }

    /// Whether an element matches a selector.
    ///
    /// - Parameter selector: The selector.
    /// - Returns: `true` when one does.
    /// - Throws: ``HeadlessBrowser/Failure`` when the script fails.
    public func exists(_ selector: String) throws -> Bool {
        try evaluate("document.querySelector(\(Self.literal(selector))) !== null") as? Bool ?? false
    }

    /// Types a value into a text field, text area or select (replacing what it held).
    ///
    /// - Parameters:
    ///   - selector: The field.
    ///   - value: The value.
    /// - Throws: ``HeadlessBrowser/Failure`` when no field matches.
    public func fill(_ selector: String, _ value: String) throws {
        let done = try evaluate(
            """
            (() => { const e = document.querySelector(\(Self.literal(selector)));
              if (!e) return false; e.value = \(Self.literal(value));
              e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));
              return true; })()
            """
        )
        guard done as? Bool == true else { throw HeadlessBrowser.Failure("no field matches \(selector)") }
    }

    /// Checks or unchecks a radio button or checkbox.
    ///
    /// - Parameters:
    ///   - selector: The input.
    ///   - checked: Whether it should be checked.
    /// - Throws: ``HeadlessBrowser/Failure`` when no input matches.
    public func check(_ selector: String, _ checked: Bool = true) throws {
        let done = try evaluate(
            """
            (() => { const e = document.querySelector(\(Self.literal(selector)));
              if (!e) return false; e.checked = \(checked); return true; })()
            """
        )
        guard done as? Bool == true else { throw HeadlessBrowser.Failure("no input matches \(selector)") }
    }

    /// Submits a form as a person would by pressing its submit button (or the button given),
    /// without any script of the page's own, and waits for the next page.
    ///
    /// - Parameter selector: A form, or a submit button in one.
    /// - Throws: ``HeadlessBrowser/Failure`` when nothing matches or the next page does not load.
    public func submit(_ selector: String) throws {
        try markDocument()
        let done = try evaluate(
            """
            (() => { const e = document.querySelector(\(Self.literal(selector)));
              if (!e) return false;
              if (e instanceof HTMLFormElement) { e.requestSubmit(); } else { e.click(); }
              return true; })()
            """
        )
        guard done as? Bool == true else { throw HeadlessBrowser.Failure("nothing to submit matches \(selector)") }
        try waitForNewDocument(what: "submitting \(selector)")
    }

    /// Follows a link (or presses a button) and waits for the next page.
    ///
    /// - Parameter selector: The link.
    /// - Throws: ``HeadlessBrowser/Failure`` when nothing matches or the next page does not load.
    public func click(_ selector: String) throws {
        try submit(selector)
    }

    /// Saves a PNG of the whole page.
    ///
    /// - Parameter url: Where to write it.
    /// - Throws: ``HeadlessBrowser/Failure`` when the capture fails.
    public func screenshot(to url: URL) throws {
        let metrics = try command("Page.getLayoutMetrics")
        let size = (metrics["cssContentSize"] as? [String: Any]) ?? (metrics["contentSize"] as? [String: Any]) ?? [:]
        let width = (size["width"] as? NSNumber)?.doubleValue ?? 1000
        let height = min((size["height"] as? NSNumber)?.doubleValue ?? 1200, 12_000)
        let shot = try command(
            "Page.captureScreenshot",
            [
                "format": "png", "captureBeyondViewport": true,
                "clip": ["x": 0, "y": 0, "width": width, "height": height, "scale": 1],
            ]
        )
        guard let base64 = shot["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw HeadlessBrowser.Failure("Page.captureScreenshot gave no image")
        }
        try data.write(to: url)
    }

    /// Gives the current document a marker that a new document will not have.
    private func markDocument() throws {
        try evaluate("window.__koersOldDocument = true")
    }

    /// Waits until a document without the marker has loaded.
    private func waitForNewDocument(what: String) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = "no answer"
        while Date() < deadline {
            // While the old document is torn down the evaluation can fail; that is "not yet".
            if let state = try? evaluate("window.__koersOldDocument ? 'old' : document.readyState") as? String {
                if state == "complete" { return }
                last = state
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw HeadlessBrowser.Failure("timed out after \(timeout) s \(what) (the page was '\(last)')")
    }

    /// A JavaScript string literal.
    static func literal(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])) ?? Data("[\"\"]".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}

/// The pipe pair to the browser: writes commands, and reads replies on a thread of its own,
/// handing each to the caller that waits for its id.
final class DevToolsConnection: @unchecked Sendable {
    // Unchecked: every mutable field is guarded by `condition`.

    private let writing: Int32
    private let reading: Int32
    private let condition = NSCondition()
    private var nextID = 1
    private var replies: [Int: [String: Any]] = [:]
    private var ended = false
    private var isClosed = false

    init(writing: Int32, reading: Int32) {
        self.writing = writing
        self.reading = reading
        let thread = Thread { [self] in readLoop() }
        thread.name = "koers-devtools-reader"
        thread.start()
    }

    /// Sends a command and waits for its reply.
    func send(
        _ method: String,
        _ parameters: [String: Any] = [:],
        sessionID: String? = nil,
        timeout: Double
    ) throws -> [String: Any] {
        condition.lock()
        let id = nextID
        nextID += 1
        let closedAlready = isClosed
        condition.unlock()
        guard !closedAlready else { throw HeadlessBrowser.Failure("the browser is closed") }
        var message: [String: Any] = ["id": id, "method": method, "params": parameters]
        if let sessionID { message["sessionId"] = sessionID }
        var data = try JSONSerialization.data(withJSONObject: message)
        data.append(0)
        try write(data)

        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while replies[id] == nil {
            if ended { throw HeadlessBrowser.Failure("the browser went away during \(method)") }
            if !condition.wait(until: deadline) {
                throw HeadlessBrowser.Failure("\(method) got no answer within \(timeout) s")
            }
        }
        let reply = replies.removeValue(forKey: id) ?? [:]
        if let error = reply["error"] as? [String: Any] {
            throw HeadlessBrowser.Failure("\(method) failed: \(error["message"] as? String ?? "\(error)")")
        }
        return reply["result"] as? [String: Any] ?? [:]
    }

    /// Closes our ends of the pipes.
    func close() {
        condition.lock()
        let wasClosed = isClosed
        isClosed = true
        condition.unlock()
        guard !wasClosed else { return }
        Glibc.close(writing)
        // The reader ends when the browser's end closes (it was killed); then it closes `reading`.
    }

    private func write(_ data: Data) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(writing, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw HeadlessBrowser.Failure("cannot write to the browser: \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }

    private func readLoop() {
        var pending = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(reading, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            pending.append(contentsOf: chunk[0..<count])
            while let end = pending.firstIndex(of: 0) {
                let message = pending[pending.startIndex..<end]
                pending = Data(pending[pending.index(after: end)...])
                guard let object = try? JSONSerialization.jsonObject(with: message) as? [String: Any],
                    let id = (object["id"] as? NSNumber)?.intValue
                else { continue }  // events: the pages poll instead of listening
                condition.lock()
                replies[id] = object
                condition.broadcast()
                condition.unlock()
            }
        }
        Glibc.close(reading)
        condition.lock()
        ended = true
        condition.broadcast()
        condition.unlock()
    }
}
