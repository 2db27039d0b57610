import Foundation

/// A `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=MODE` URL, taken apart.
struct PostgresURL: Sendable, Hashable {
    /// How the connection uses TLS, from `sslmode`.
    enum TLSMode: String, Sendable {
        /// No TLS (`sslmode=disable`).
        case disable
        /// TLS when the server offers it (`sslmode=prefer`, `allow`).
        case prefer
        /// TLS or no connection (`sslmode=require`, `verify-ca`, `verify-full`).
        case require
    }

    var host: String
    var port: Int
    var username: String
    var password: String?
    var database: String
    var tls: TLSMode

    /// Reads a URL.
    ///
    /// - Throws: ``StoreError/invalidURL(_:)`` saying what is wrong, never showing the password.
    init(parsing text: String) throws(StoreError) {
        let shown = Self.redacted(text)
        guard let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql"
        else {
            throw .invalidURL("'\(shown)' is not a URL such as postgres://koers@localhost:5432/koers")
        }
        guard let host = components.host, !host.isEmpty else {
            throw .invalidURL("'\(shown)' names no host; write postgres://USER@HOST:PORT/DATABASE")
        }
        guard let username = components.user, !username.isEmpty else {
            throw .invalidURL("'\(shown)' names no user; write postgres://USER@HOST:PORT/DATABASE")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !database.isEmpty, !database.contains("/") else {
            throw .invalidURL("'\(shown)' names no database; write postgres://USER@HOST:PORT/DATABASE")
        }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode" else {
                throw .invalidURL("'\(shown)' has the parameter '\(item.name)'; only sslmode is understood")
            }
            switch item.value ?? "" {
            case "disable": tls = .disable
            case "allow", "prefer": tls = .prefer
            case "require", "verify-ca", "verify-full": tls = .require
            default:
                throw .invalidURL(
                    "'\(shown)' has sslmode '\(item.value ?? "")'; use disable, prefer or require"
                )
            }
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = username
        self.password = components.password
        self.database = database
        self.tls = tls
    }

    /// The URL for messages: the password replaced by `***`.
    static func redacted(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authority = rest[..<(rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex)]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else {
            return text
        }
        return String(text[...colon]) + "***" + String(text[at...])
    }

    /// `host:port/database`, for messages.
    var place: String { "\(host):\(port)/\(database)" }
}
