public import KoersStorage

/// Who is asking, as the services check it on every operation.
///
/// The API and the pages work out the access from the request (a bearer token or cookie for
/// a coach, the `X-Resume-Token` header, a share link's token) and pass it in; nothing is
/// read from ambient state.
public enum Access: Sendable, Hashable {
    /// A logged-in coach: sees the organisations they coach and their sessions.
    case coach(CoachAccount)
    /// The resume token of one anonymous session: sees that session only.
    case resumeToken(String)
    /// The token of a share link: sees the link's report only.
    case shareToken(String)

    /// The coach, for coach access.
    public var coach: CoachAccount? {
        if case .coach(let coach) = self { return coach }
        return nil
    }
}
