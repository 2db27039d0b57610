import Foundation
import HTTPTypes
import Hummingbird
import KoersStorage

extension HTTPField.Name {
    /// `X-Resume-Token`: the token of an anonymous session.
    static let resumeToken = Self("X-Resume-Token")!
}

/// Works out who asks from a request's headers: `Authorization: Bearer TOKEN` for a coach,
/// `X-Resume-Token` for an anonymous session.
struct APIAuthentication {
    let accounts: AccountService

    /// The bearer token, if the request has one.
    static func bearerToken(_ request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// A logged-in coach.
    ///
    /// - Throws: ``ServiceError/unauthorized(_:)`` without a valid bearer token.
    func coach(_ request: Request) async throws(ServiceError) -> Access {
        guard let token = Self.bearerToken(request) else {
            throw .unauthorized("log in first: POST /api/v1/login, then send Authorization: Bearer TOKEN")
        }
        let coach = try await accounts.authenticate(token: token).coach
        if !coach.role.canWrite, request.method != .get, request.method != .head,
            !Self.readerMayChange(request.uri.path)
        {
            // Every change is refused in the services too; this also covers a route added later.
            throw Access.readOnly
        }
        return .coach(coach)
    }

    /// The changes a reviewer may make: their own password (and logging out, which needs no
    /// role).
    static func readerMayChange(_ path: String) -> Bool {
        APIEndpoint.changeOwnPassword.matches(path: path) || APIEndpoint.logout.matches(path: path)
    }

    /// A logged-in account with its login (for changing one's own password).
    ///
    /// - Throws: ``ServiceError/unauthorized(_:)`` without a valid bearer token.
    func login(_ request: Request) async throws(ServiceError) -> AuthenticatedCoach {
        guard let token = Self.bearerToken(request) else {
            throw .unauthorized("log in first: POST /api/v1/login, then send Authorization: Bearer TOKEN")
        }
        return try await accounts.authenticate(token: token)
    }

    /// A coach, or the resume token of an anonymous session.
    ///
    /// - Throws: ``ServiceError/unauthorized(_:)`` with neither.
    func coachOrResumeToken(_ request: Request) async throws(ServiceError) -> Access {
        if Self.bearerToken(request) != nil { return try await coach(request) }
        if let token = request.headers[.resumeToken]?.trimmingCharacters(in: .whitespaces), !token.isEmpty {
            return .resumeToken(token)
        }
        throw .unauthorized(
            "log in as a coach (Authorization: Bearer TOKEN), or send the session's resume token as X-Resume-Token"
        )
    }
}
