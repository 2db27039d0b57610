/// How the HTML pages are served.
public struct PageSettings: Sendable, Hashable {
    /// Whether cookies get the `Secure` attribute: on when the pages are served over https
    /// (directly or behind a proxy). Off for plain http on loopback, where a browser would drop
    /// a `Secure` cookie and no coach could log in.
    public var secureCookies: Bool
    /// The address the pages are reached at, such as `https://koers.example.nl`, for the
    /// resume and share links shown to people; `nil` for the server's own address (the
    /// socket the request arrived at), never the request's `Host`, which anyone can forge.
    public var publicBaseURL: String?
    /// The largest form the pages read, in bytes (the server's body limit); a larger one gets a
    /// 413 page that gives back what was typed.
    public var formLimit: Int = 64 * 1024

    /// Creates page settings.
    ///
    /// - Parameters:
    ///   - secureCookies: Whether cookies are `Secure`; `nil` for "when the public address is
    ///     https".
    ///   - publicBaseURL: The public address, without a trailing slash.
    public init(secureCookies: Bool? = nil, publicBaseURL: String? = nil) {
        self.secureCookies = secureCookies ?? (publicBaseURL?.lowercased().hasPrefix("https://") ?? false)
        self.publicBaseURL = publicBaseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
    }
}
