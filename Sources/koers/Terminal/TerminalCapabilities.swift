import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the terminal koers runs in can do: whether input and output are a terminal, whether to
/// use colours, and whether choices can be picked with the arrow keys.
///
/// In a pipe everything is plain lines: no colours, no escape codes, no raw mode.
struct TerminalCapabilities {
    /// Standard input is a terminal.
    var inputIsTerminal: Bool
    /// Standard output is a terminal.
    var outputIsTerminal: Bool
    /// Colours and bold text: output is a terminal and `NO_COLOR` is not set (no-color.org).
    var usesColour: Bool
    /// Arrow-key menus: input and output are a terminal that understands cursor movement.
    var picksWithKeys: Bool

    /// The capabilities of this process's standard input and output.
    ///
    /// - Parameter environment: The environment variables (`NO_COLOR`, `TERM`).
    /// - Returns: The capabilities.
    static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalCapabilities {
        let input = isatty(STDIN_FILENO) == 1
        let output = isatty(STDOUT_FILENO) == 1
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
        let dumb = environment["TERM"] == "dumb"
        return TerminalCapabilities(
            inputIsTerminal: input,
            outputIsTerminal: output,
            usesColour: output && !noColour && !dumb,
            picksWithKeys: input && output && !dumb
        )
    }

    /// The terminal's width in columns, or 80 when it cannot be told.
    var width: Int {
        guard outputIsTerminal else { return 80 }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
