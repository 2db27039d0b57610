import Foundation
import HummingbirdBcrypt
public import KoersStorage
import NIOPosix

/// A login that was just made: the token to send back (never stored) and its record.
public struct LoginGrant: Sendable, Hashable {
    /// The token: `Authorization: Bearer TOKEN` or the login cookie.
    public var token: String
    /// The coach.
    public var coach: CoachAccount
    /// The stored login (its CSRF token and expiry).
    public var login: LoginRecord
}

/// A coach authenticated by a login token.
public struct AuthenticatedCoach: Sendable, Hashable {
    /// The coach.
    public var coach: CoachAccount
    /// The login the token belongs to.
    public var login: LoginRecord
}

/// Coach accounts and logins: passwords as bcrypt hashes, login tokens stored only as their
/// SHA-256.
public struct AccountService: Sendable {
    let store: any KoersStore
    let settings: ServiceSettings

    /// A bcrypt hash to check against when the e-mail address is unknown, so that a login for
    /// an unknown address takes as long as one with a wrong password.
    private let decoyHash: String
    /// Failed logins per address and per account.
    let throttle: LoginThrottle

    init(store: any KoersStore, settings: ServiceSettings) {
        self.store = store
        self.settings = settings
        self.throttle = LoginThrottle(policy: settings.loginThrottle, now: settings.now)
        self.decoyHash = Bcrypt.hash("koers-decoy-password", cost: settings.bcryptCost)
    }

    /// Adds a coach account.
    ///
    /// - Parameters:
    ///   - email: The e-mail address (it must contain `@`).
    ///   - name: The name shown in the application.
    ///   - password: The password, at least 8 characters.
    ///   - role: What the account may do; the first account of a store is always an
    ///     administrator, so that someone can manage the others.
    /// - Returns: The account.
    /// - Throws: ``ServiceError/invalid(_:_:)`` for a bad address, name or password,
    ///   ``ServiceError/conflict(_:)`` when the address is in use.
    public func createCoach(email: String, name: String, password: String, role: AccountRole = .coach)
        async throws(ServiceError) -> CoachAccount
    {
        let address = email.trimmingCharacters(in: .whitespacesAndNewlines)
        let shownName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [FieldProblem] = []
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count != 2 || parts[0].isEmpty || parts[1].isEmpty || address.contains(where: \.isWhitespace)
            || address.count > 254
        {
            problems.append(FieldProblem(field: "email", message: "give an e-mail address such as coach@example.nl"))
        }
        if shownName.isEmpty || shownName.count > 200 {
            problems.append(FieldProblem(field: "name", message: "give a name of 1 to 200 characters"))
        }
        problems.append(contentsOf: Self.passwordProblems(password, field: "password"))
        guard problems.isEmpty else { throw .invalid("the account cannot be made as given", problems) }
        let first: Bool
        do {
            first = try await store.coachCount() == 0
        } catch {
            throw ServiceError(error)
        }
        let account = CoachAccount(
            id: Tokens.newID(),
            email: address,
            displayName: shownName,
            passwordHash: await Self.offload { [cost = settings.bcryptCost] in Bcrypt.hash(password, cost: cost) },
            createdAt: settings.now(),
            role: first ? .administrator : role
        )
        do {
            try await store.createCoach(account)
        } catch .duplicate {
            throw .conflict("there is already a coach with e-mail address '\(address)'")
        } catch {
            throw ServiceError(error)
        }
        return account
    }

    /// Logs a coach in.
    ///
    /// - Parameters:
    ///   - email: The e-mail address, compared case-insensitively.
    ///   - password: The password.
    /// - Returns: The new login.
    /// - Throws: ``ServiceError/unauthorized(_:)`` for an unknown address or a wrong password
    ///   (the same message for both).
    public func login(email: String, password: String) async throws(ServiceError) -> LoginGrant {
        try await login(email: email, password: password, from: nil)
    }

    /// Logs a coach in, counting failures per client address and per account
    /// (``LoginThrottle``): past the limit the attempt is refused before the password is checked.
    ///
    /// - Parameters:
    ///   - email: The e-mail address, compared case-insensitively.
    ///   - password: The password.
    ///   - client: The client's IP address, when known.
    /// - Returns: The new login.
    /// - Throws: ``ServiceError/tooManyRequests(_:retryAfter:)`` after too many failures,
    ///   ``ServiceError/unauthorized(_:)`` for an unknown address or a wrong password.
    public func login(email: String, password: String, from client: String?) async throws(ServiceError) -> LoginGrant {
        let account = email.trimmingCharacters(in: .whitespacesAndNewlines)
        if let wait = await throttle.retryAfter(address: client, account: account) {
            throw .tooManyRequests("too many failed logins; try again in \(wait) seconds", retryAfter: wait)
        }
        do {
            let grant = try await checkedLogin(email: email, password: password)
            await throttle.recordSuccess(account: account)
            return grant
        } catch {
            if case .unauthorized = error { await throttle.recordFailure(address: client, account: account) }
            throw error
        }
    }

    private func checkedLogin(email: String, password: String) async throws(ServiceError) -> LoginGrant {
        let address = email.trimmingCharacters(in: .whitespacesAndNewlines)
        let account: CoachAccount?
        do {
            account = try await store.coach(email: address)
        } catch {
            throw ServiceError(error)
        }
        guard let account else {
            _ = await Self.offload { [decoyHash] in Bcrypt.verify(password, hash: decoyHash) }
            throw .unauthorized("the e-mail address or the password is wrong")
        }
        guard await Self.offload({ Bcrypt.verify(password, hash: account.passwordHash) }) else {
            throw .unauthorized("the e-mail address or the password is wrong")
        }
        // Said only to whoever knows the password: an address alone tells nothing.
        guard account.isActive else {
            throw .unauthorized("this account has been deactivated; ask an administrator to reactivate it")
        }
        let token = Tokens.generate()
        let now = settings.now()
        let login = LoginRecord(
            tokenHash: Tokens.hash(token),
            coachID: account.id,
            csrfToken: Tokens.generate(),
            createdAt: now,
            expiresAt: now.addingTimeInterval(settings.loginLifetime)
        )
        do {
            try await store.createLogin(login)
        } catch {
            throw ServiceError(error)
        }
        return LoginGrant(token: token, coach: account, login: login)
    }

    /// The coach a login token belongs to.
    ///
    /// - Parameter token: The token.
    /// - Returns: The coach and the login.
    /// - Throws: ``ServiceError/unauthorized(_:)`` for an unknown or expired token.
    public func authenticate(token: String) async throws(ServiceError) -> AuthenticatedCoach {
        let hash = Tokens.hash(token)
        let found: (LoginRecord, CoachAccount)?
        do {
            if let login = try await store.login(tokenHash: hash), login.expiresAt > settings.now(),
                let coach = try await store.coach(id: login.coachID), coach.isActive
            {
                found = (login, coach)
            } else {
                found = nil
            }
        } catch {
            throw ServiceError(error)
        }
        guard let (login, coach) = found else {
            throw .unauthorized("the login is unknown or has expired; log in again")
        }
        return AuthenticatedCoach(coach: coach, login: login)
    }

    /// Ends a login; an unknown token is ignored.
    ///
    /// - Parameter token: The token.
    public func logout(token: String) async throws(ServiceError) {
        do {
            try await store.deleteLogin(tokenHash: Tokens.hash(token))
        } catch {
            throw ServiceError(error)
        }
    }

    /// Runs slow work (bcrypt) on NIO's thread pool, so that it does not hold up the threads
    /// that serve requests; in place when the pool is not running.
    static func offload<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        (try? await NIOThreadPool.singleton.runIfActive(work)) ?? work()
    }

    /// The coach with an e-mail address.
    ///
    /// - Parameter email: The address.
    /// - Returns: The account, or `nil`.
    public func coach(email: String) async throws(ServiceError) -> CoachAccount? {
        do {
            return try await store.coach(email: email.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            throw ServiceError(error)
        }
    }
}
