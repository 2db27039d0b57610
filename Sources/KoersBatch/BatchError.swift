/// Why a batch run could not start or had to stop. A bad row is never one of these: it is
/// reported with its line and skipped (see ``RowFailure``).
public enum BatchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input could not be opened.
    case cannotOpen(path: String, reason: String)
    /// Reading the input failed part-way.
    case cannotRead(path: String, reason: String)
    /// The output could not be opened or written.
    case cannotWrite(path: String, reason: String)
    /// The CSV header is unusable (an unknown or repeated column, or no header at all).
    case badHeader(path: String, line: Int, message: String)

    /// The error as one line, `error: …`, with the place where there is one.
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "error: cannot open '\(path)': \(reason)"
        case .cannotRead(let path, let reason): "error: cannot read '\(path)': \(reason)"
        case .cannotWrite(let path, let reason): "error: cannot write '\(path)': \(reason)"
        case .badHeader(let path, let line, let message): "\(path):\(line): error: \(message)"
        }
    }
}
