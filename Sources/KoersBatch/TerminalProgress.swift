import Foundation

/// A one-line progress display on standard error (rows done, rows per second), shown only when
/// standard error is a terminal, so nothing of it ends up in a pipe or a log file.
public struct TerminalProgress: Sendable {
    /// Whether the display is shown at all.
    public let isEnabled: Bool
    private let interval: Duration
    private var lastShown: Duration?
    private var shownLength = 0

    /// Creates a display.
    ///
    /// - Parameters:
    ///   - enabled: Whether to show it; by default, when standard error is a terminal.
    ///   - interval: The least time between two updates.
    public init(enabled: Bool? = nil, interval: Duration = .milliseconds(100)) {
        self.isEnabled = enabled ?? (isatty(STDERR_FILENO) == 1)
        self.interval = interval
    }

    /// Shows the progress, at most once per interval.
    ///
    /// - Parameter progress: Where the run is.
    public mutating func update(_ progress: BatchProgress) {
        guard isEnabled else { return }
        if let lastShown, progress.elapsed - lastShown < interval { return }
        lastShown = progress.elapsed
        show(Self.line(for: progress))
    }

    /// The progress line: a bar with the part of the input read (when its size is known), the
    /// rows done and the rate.
    ///
    /// - Parameter progress: Where the run is.
    /// - Returns: `[#########-----------]  45%  45000 rows  30000 rows/s  1.5 s`.
    public static func line(for progress: BatchProgress) -> String {
        var line = ""
        if let fraction = progress.fraction {
            let width = 24
            let done = Int((fraction * Double(width)).rounded(.down))
            line += "[" + String(repeating: "#", count: done) + String(repeating: "-", count: width - done) + "] "
            line += BatchSummary.format(fraction * 100, digits: 0) + "%  "
        }
        line += "\(progress.rows) rows  \(BatchSummary.format(progress.rate, digits: 0)) rows/s  "
        line += BatchSummary.format(progress.elapsed.seconds, digits: 1) + " s"
        return line
    }

    /// Removes the line, before the summary or errors are written.
    public mutating func clear() {
        guard isEnabled, shownLength > 0 else { return }
        show("")
        shownLength = 0
    }

    private mutating func show(_ line: String) {
        let padding = String(repeating: " ", count: max(0, shownLength - line.count))
        FileHandle.standardError.write(Data(("\r" + line + padding + "\r").utf8))
        shownLength = line.count
    }
}
