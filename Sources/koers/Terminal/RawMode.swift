#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal in raw mode: keys arrive one by one, unechoed, with Ctrl-C as a byte.
///
/// Restore it with ``restore()`` as soon as the keys are read.
struct RawMode {
    private let original: termios

    /// Switches standard input to raw mode, or returns `nil` when it is not a terminal.
    static func enable() -> RawMode? {
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else { return nil }
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        withUnsafeMutableBytes(of: &raw.c_cc) { characters in
            characters[Int(VMIN)] = 1
            characters[Int(VTIME)] = 0
        }
        guard tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0 else { return nil }
        return RawMode(original: original)
    }

    /// Puts the terminal back as it was.
    func restore() {
        var original = original
        tcsetattr(STDIN_FILENO, TCSANOW, &original)
    }
}
