import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads standard input byte by byte through one buffer, so that lines (in a pipe or a
/// terminal in line mode) and single keys (in raw mode) can be mixed without losing input.
final class InputReader {
    private var buffer: [UInt8] = []
    private var atEnd = false

    /// The next line without its line break, or `nil` at the end of input.
    ///
    /// A last line without a line break is still returned.
    func readLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            if atEnd || !fill() {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
        }
    }

    /// The next byte, or `nil` at the end of input; with a timeout, `nil` also when nothing
    /// arrives in time.
    ///
    /// - Parameter milliseconds: How long to wait, or `nil` to wait for ever.
    /// - Returns: The byte, or `nil`.
    func readByte(timeout milliseconds: Int32? = nil) -> UInt8? {
        if buffer.isEmpty {
            if let milliseconds {
                var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
                guard poll(&descriptor, 1, milliseconds) > 0 else { return nil }
            }
            guard !atEnd, fill() else { return nil }
        }
        return buffer.removeFirst()
    }

    /// Whether the end of input was reached.
    var isAtEnd: Bool { atEnd && buffer.isEmpty }

    /// Reads what is available into the buffer; `false` at the end of input or on an error.
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
                return true
            }
            if count < 0, errno == EINTR { continue }
            atEnd = true
            return false
        }
    }
}
