import Foundation

#if canImport(Glibc)
    import Glibc
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let systemWrite = Darwin.write
#endif

/// Writes the interview to standard output, unbuffered, with styles when colours are on.
struct Console {
    /// A text style; each is an ANSI SGR code.
    enum Style: String {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case cyan = "36"
    }

    /// Whether styles are written as escape codes.
    let usesColour: Bool

    /// Writes text as is.
    func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                systemWrite(STDOUT_FILENO, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    /// Writes a line.
    func line(_ text: String = "") {
        write(text + "\n")
    }

    /// Text in a style, or plain when colours are off.
    func styled(_ text: String, _ styles: Style...) -> String {
        guard usesColour, !styles.isEmpty, !text.isEmpty else { return text }
        return "\u{1B}[" + styles.map(\.rawValue).joined(separator: ";") + "m" + text + "\u{1B}[0m"
    }

    /// Writes an error message to standard error.
    func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
