import KoersStorage

extension SessionService {
    /// The id of the anonymous session a resume token opens.
    ///
    /// The pages put the resume token in the URL (`/r/{token}`) rather than in a header, so
    /// they look the session up by the token first; the token is then the access for every
    /// operation, as in the API.
    ///
    /// - Parameter token: The resume token.
    /// - Returns: The session's id.
    /// - Throws: ``ServiceError/notFound(_:)`` for a token no session has.
    func sessionID(resumeToken token: String) async throws(ServiceError) -> String {
        let record: InterviewRecord?
        do {
            record = try await store.session(resumeTokenHash: Tokens.hash(token))
        } catch {
            throw ServiceError(error)
        }
        guard let record, !isExpired(record) else { throw .notFound("there is no session with this link") }
        return record.id
    }
}
