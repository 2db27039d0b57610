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

extension Access {
    /// Checks that the access may change an organisation's data: a coach or an administrator,
    /// or the resume token of an anonymous session; a reviewer reads only.
    ///
    /// - Throws: ``ServiceError/forbidden(_:)`` for a reviewer.
    public func requireWriter() throws(ServiceError) {
        if let coach, !coach.role.canWrite { throw Self.readOnly }
    }

    /// The refusal a reviewer gets for any change.
    public static let readOnly = ServiceError.forbidden(
        "a reviewer's account reads only: it cannot change sessions, organisations or share links "
            + "(ask a coach or an administrator)"
    )
}
