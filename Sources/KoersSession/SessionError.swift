/// Why a session file cannot be opened or saved: each case names the file, what is wrong and
/// how to fix it.
public enum SessionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file does not exist.
    case notFound(path: String)
    /// The file exists but cannot be read (permissions, a folder, an I/O error).
    case unreadable(path: String, reason: String)
    /// The file is not valid JSON (empty, cut off or overwritten by something else).
    case corrupt(path: String, detail: String)
    /// The file is JSON but not a session in a format this version reads; `found` is its
    /// `format` value, if it has one.
    case wrongFormat(path: String, found: String?)
    /// A session file with an entry that is wrong, at a place such as `answers.pm_costs.value`.
    case invalidContent(path: String, place: String, detail: String)
    /// The session was saved for another pack.
    case otherPack(path: String, sessionPack: String, requestedPack: String)
    /// Saving failed at a step (`create a temporary file`, `write`, `fsync`, `rename`), with the
    /// system's reason.
    case writeFailed(path: String, step: String, reason: String)

    /// The file the error is about.
    public var path: String {
        switch self {
        case .notFound(let path), .unreadable(let path, _), .corrupt(let path, _), .wrongFormat(let path, _),
            .invalidContent(let path, _, _), .otherPack(let path, _, _), .writeFailed(let path, _, _):
            path
        }
    }

    /// The message, in compiler style: what is wrong, then how to fix it.
    public var description: String {
        switch self {
        case .notFound(let path):
            return "session file '\(path)' does not exist; check the path, or start a new session there"
        case .unreadable(let path, let reason):
            return "cannot read session file '\(path)': \(reason); check that it is a file you may read"
        case .corrupt(let path, let detail):
            return "session file '\(path)' is damaged: \(detail); Koers only ever replaces a session file whole, "
                + "so something else changed it: restore it from a backup, or start a new session in another file"
        case .wrongFormat(let path, let found?) where found.hasPrefix(SessionFormat.prefix):
            return "session file '\(path)' has format '\(found)', which this version of Koers cannot read "
                + "(it reads '\(SessionFormat.current)'); open it with a newer koers"
        case .wrongFormat(let path, let found):
            let what = found.map { "its format is '\($0)'" } ?? "it has no \"format\": \"\(SessionFormat.current)\""
            return "'\(path)' is not a Koers session file: \(what); give a file that koers saved, "
                + "or another path to start a new session"
        case .invalidContent(let path, let place, let detail):
            return "session file '\(path)' has an invalid entry at \(place): \(detail); correct or remove that entry"
        case .otherPack(let path, let sessionPack, let requestedPack):
            return "session file '\(path)' is for pack '\(sessionPack)', not '\(requestedPack)'; "
                + "open it with pack '\(sessionPack)', or choose another session file"
        case .writeFailed(let path, let step, let reason):
            return "cannot save session file '\(path)': \(step) failed: \(reason); "
                + "the last saved version of the file is unchanged"
        }
    }
}
