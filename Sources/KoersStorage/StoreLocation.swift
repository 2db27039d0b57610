import Foundation

/// Where a store lives, as given to `koers serve --database`.
public enum StoreLocation: Sendable, Hashable {
    /// An embedded SQLite file; its folder is created when missing.
    case sqlite(path: String)
    /// A PostgreSQL database, as a `postgres://user:password@host:port/database` URL.
    case postgres(url: String)

    /// Reads `sqlite:PATH`, `sqlite://PATH`, `postgres://…` or `postgresql://…`.
    ///
    /// - Parameter text: The location.
    /// - Throws: ``StoreError/invalidURL(_:)`` for anything else.
    public init(parsing text: String) throws(StoreError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let lowered = trimmed.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            _ = try PostgresURL(parsing: trimmed)
            self = .postgres(url: trimmed)
            return
        }
        if lowered.hasPrefix("sqlite:") {
            var path = String(trimmed.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else {
                throw .invalidURL("'\(text)' names no file; write sqlite:PATH, for example sqlite:data/koers.sqlite")
            }
            self = .sqlite(path: path)
            return
        }
        throw .invalidURL(
            "'\(PostgresURL.redacted(text))' is neither sqlite:PATH nor postgres://USER@HOST:PORT/DATABASE; "
                + "write for example sqlite:data/koers.sqlite or postgres://koers@localhost:5432/koers"
        )
    }

    /// The location for messages and logs, without a password.
    public var displayText: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let url): PostgresURL.redacted(url)
        }
    }
}
