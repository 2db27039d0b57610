public import Foundation
import HummingbirdBcrypt
public import KoersStorage

/// An account as an administrator sees it (never the password hash).
public struct AccountView: Sendable, Hashable, Codable {
    /// The id.
    public var id: String
    /// The e-mail address, the login name.
    public var email: String
    /// The name shown in the application.
    public var name: String
    /// `administrator`, `coach` or `reviewer`.
    public var role: AccountRole
    /// Whether the account may log in.
    public var active: Bool
    /// When it was made.
    public var createdAt: Date
    /// When it was deactivated, if it is.
    public var deactivatedAt: Date?
    /// The organisations it is a member of, by name.
    public var organisations: [OrganisationView]

    /// Describes an account.
    ///
    /// - Parameters:
    ///   - account: The stored account.
    ///   - organisations: Its organisations.
    public init(_ account: CoachAccount, organisations: [OrganisationView]) {
        id = account.id
        email = account.email
        name = account.displayName
        role = account.role
        active = account.isActive
        createdAt = account.createdAt
        deactivatedAt = account.deactivatedAt
        self.organisations = organisations
    }
}

/// Account management: an administrator adds, lists, deactivates and reactivates accounts,
/// changes their role, resets their password and assigns them to organisations; everyone
/// changes their own password. The `koers coach` command, which has the database itself, uses
/// the operator's methods at the end (no access to check).
extension AccountService {
    // MARK: Administrators

    /// Every account, with its organisations.
    ///
    /// - Parameter access: An administrator.
    /// - Returns: The accounts, by e-mail address.
    /// - Throws: ``ServiceError/forbidden(_:)`` for anyone else.
    public func accounts(access: Access) async throws(ServiceError) -> [AccountView] {
        _ = try Self.requireAdministrator(access)
        return try await allAccounts()
    }

    /// One account.
    ///
    /// - Parameters:
    ///   - id: The account.
    ///   - access: An administrator.
    /// - Returns: The account.
    /// - Throws: ``ServiceError/notFound(_:)`` when there is none with the id.
    public func account(id: String, access: Access) async throws(ServiceError) -> AccountView {
        _ = try Self.requireAdministrator(access)
        return try await view(try await stored(id: id))
    }

    /// Adds an account with a role.
    ///
    /// - Parameters:
    ///   - email: The e-mail address.
    ///   - name: The name shown.
    ///   - password: The first password (the person changes it after logging in).
    ///   - role: What it may do.
    ///   - access: An administrator.
    /// - Returns: The account.
    public func addAccount(email: String, name: String, password: String, role: AccountRole, access: Access)
        async throws(ServiceError) -> AccountView
    {
        _ = try Self.requireAdministrator(access)
        return try await view(try await createCoach(email: email, name: name, password: password, role: role))
    }

    /// Deactivates or reactivates an account; a deactivated account's logins end at once.
    ///
    /// - Parameters:
    ///   - active: `false` to deactivate, `true` to reactivate.
    ///   - id: The account.
    ///   - access: An administrator other than the account itself.
    /// - Returns: The account as saved.
    /// - Throws: ``ServiceError/conflict(_:)`` for one's own account or the last active
    ///   administrator.
    public func setActive(_ active: Bool, accountID id: String, access: Access) async throws(ServiceError)
        -> AccountView
    {
        let administrator = try Self.requireAdministrator(access)
        guard active || administrator.id != id else {
            throw .conflict("you cannot deactivate your own account; another administrator can")
        }
        return try await view(try await saveActive(active, account: try await stored(id: id)))
    }

    /// Changes an account's role.
    ///
    /// - Parameters:
    ///   - role: The new role.
    ///   - id: The account.
    ///   - access: An administrator.
    /// - Returns: The account as saved.
    /// - Throws: ``ServiceError/conflict(_:)`` when the last active administrator would lose
    ///   the role.
    public func setRole(_ role: AccountRole, accountID id: String, access: Access) async throws(ServiceError)
        -> AccountView
    {
        _ = try Self.requireAdministrator(access)
        var account = try await stored(id: id)
        if account.role == .administrator, role != .administrator, account.isActive {
            try await requireAnotherAdministrator(than: account.id)
        }
        account.role = role
        try await save(account)
        return try await view(account)
    }

    /// Sets a new password for someone who forgot theirs; all their logins end.
    ///
    /// - Parameters:
    ///   - id: The account.
    ///   - password: The new password, at least 8 characters.
    ///   - access: An administrator.
    /// - Returns: The account.
    public func resetPassword(accountID id: String, to password: String, access: Access) async throws(ServiceError)
        -> AccountView
    {
        _ = try Self.requireAdministrator(access)
        let account = try await savePassword(password, account: try await stored(id: id), keeping: nil)
        return try await view(account)
    }

    /// Makes an account a member of an organisation (with the rights of its role there).
    ///
    /// - Parameters:
    ///   - id: The account.
    ///   - organisationID: The organisation, any in the store.
    ///   - access: An administrator.
    public func assign(accountID id: String, toOrganisation organisationID: String, access: Access)
        async throws(ServiceError)
    {
        _ = try Self.requireAdministrator(access)
        let account = try await stored(id: id)
        do {
            try await store.addCoach(id: account.id, toOrganisation: organisationID)
        } catch .notFound {
            throw .notFound("there is no organisation '\(SessionService.shown(organisationID))'")
        } catch {
            throw ServiceError(error)
        }
    }

    /// Ends an account's membership of an organisation.
    ///
    /// - Parameters:
    ///   - id: The account.
    ///   - organisationID: The organisation.
    ///   - access: An administrator.
    /// - Throws: ``ServiceError/notFound(_:)`` when the account is not a member.
    public func unassign(accountID id: String, fromOrganisation organisationID: String, access: Access)
        async throws(ServiceError)
    {
        _ = try Self.requireAdministrator(access)
        do {
            try await store.removeCoach(id: id, fromOrganisation: organisationID)
        } catch .notFound {
            throw .notFound("the account is not a member of organisation '\(SessionService.shown(organisationID))'")
        } catch {
            throw ServiceError(error)
        }
    }

    /// Every organisation in the store, for an administrator assigning accounts.
    ///
    /// - Parameter access: An administrator.
    /// - Returns: The organisations, by name.
    public func allOrganisations(access: Access) async throws(ServiceError) -> [OrganisationView] {
        _ = try Self.requireAdministrator(access)
        do {
            return try await store.allOrganisations().map(OrganisationView.init)
        } catch {
            throw ServiceError(error)
        }
    }

    // MARK: Everyone

    /// Changes one's own password; the other logins of the account end, this one stays.
    ///
    /// - Parameters:
    ///   - current: The password now, checked first.
    ///   - new: The new password, at least 8 characters.
    ///   - login: The login asking (any role, a reviewer too).
    /// - Throws: ``ServiceError/invalid(_:_:)`` for a wrong current password or a bad new one.
    public func changeOwnPassword(current: String, new: String, login: AuthenticatedCoach) async throws(ServiceError) {
        let account = try await stored(id: login.coach.id)
        var problems: [FieldProblem] = []
        if !(await Self.offload { Bcrypt.verify(current, hash: account.passwordHash) }) {
            problems.append(
                FieldProblem(
                    field: "currentPassword", message: "the current password is wrong",
                    dutch: "Het huidige wachtwoord klopt niet."
                )
            )
        }
        problems.append(contentsOf: Self.passwordProblems(new, field: "newPassword"))
        guard problems.isEmpty else { throw .invalid("the password is not changed", problems) }
        _ = try await savePassword(new, account: account, keeping: login.login.tokenHash)
    }

    // MARK: The operator (koers coach)

    /// Every account with its organisations, for `koers coach list`.
    ///
    /// - Returns: The accounts, by e-mail address.
    public func allAccounts() async throws(ServiceError) -> [AccountView] {
        let accounts: [CoachAccount]
        do {
            accounts = try await store.coaches()
        } catch {
            throw ServiceError(error)
        }
        var views: [AccountView] = []
        for account in accounts { views.append(try await view(account)) }
        return views
    }

    /// Deactivates or reactivates the account with an e-mail address, for `koers coach remove`.
    ///
    /// - Parameters:
    ///   - active: `false` to deactivate.
    ///   - email: The address.
    /// - Returns: The account as saved.
    /// - Throws: ``ServiceError/notFound(_:)`` for an unknown address,
    ///   ``ServiceError/conflict(_:)`` for the last active administrator.
    public func setActive(_ active: Bool, email: String) async throws(ServiceError) -> AccountView {
        try await view(try await saveActive(active, account: try await stored(email: email)))
    }

    /// Sets the password of the account with an e-mail address, for `koers coach passwd`; its
    /// logins end.
    ///
    /// - Parameters:
    ///   - password: The new password.
    ///   - email: The address.
    /// - Returns: The account.
    public func setPassword(_ password: String, email: String) async throws(ServiceError) -> AccountView {
        try await view(try await savePassword(password, account: try await stored(email: email), keeping: nil))
    }

    /// Changes the role of the account with an e-mail address, for `koers coach add --role`
    /// on an existing account and `koers coach role`.
    ///
    /// - Parameters:
    ///   - role: The new role.
    ///   - email: The address.
    /// - Returns: The account as saved.
    public func setRole(_ role: AccountRole, email: String) async throws(ServiceError) -> AccountView {
        var account = try await stored(email: email)
        if account.role == .administrator, role != .administrator, account.isActive {
            try await requireAnotherAdministrator(than: account.id)
        }
        account.role = role
        try await save(account)
        return try await view(account)
    }

    // MARK: Rules and plumbing

    /// What is wrong with a new password, if anything: bcrypt reads at most 72 bytes.
    static func passwordProblems(_ password: String, field: String) -> [FieldProblem] {
        guard password.count < 8 || password.utf8.count > 72 else { return [] }
        return [
            FieldProblem(
                field: field, message: "give a password of at least 8 characters (and at most 72 bytes)",
                dutch: "Geef een wachtwoord van minstens 8 tekens (en hoogstens 72 bytes)."
            )
        ]
    }

    /// The administrator, for administrator access.
    ///
    /// - Throws: ``ServiceError/unauthorized(_:)`` without a login, ``ServiceError/forbidden(_:)``
    ///   for a coach or a reviewer.
    static func requireAdministrator(_ access: Access) throws(ServiceError) -> CoachAccount {
        let account = try OrganisationService.requireCoach(access)
        guard account.role.canManageAccounts else {
            throw .forbidden("only an administrator manages accounts")
        }
        return account
    }

    private func stored(id: String) async throws(ServiceError) -> CoachAccount {
        let account: CoachAccount?
        do {
            account = try await store.coach(id: id)
        } catch {
            throw ServiceError(error)
        }
        guard let account else { throw .notFound("there is no account '\(SessionService.shown(id))'") }
        return account
    }

    private func stored(email: String) async throws(ServiceError) -> CoachAccount {
        guard let account = try await coach(email: email) else {
            throw .notFound("there is no account with e-mail address '\(email)'")
        }
        return account
    }

    private func view(_ account: CoachAccount) async throws(ServiceError) -> AccountView {
        do {
            return AccountView(account, organisations: try await store.organisations(ofCoach: account.id).map(OrganisationView.init))
        } catch {
            throw ServiceError(error)
        }
    }

    private func save(_ account: CoachAccount) async throws(ServiceError) {
        do {
            try await store.updateCoach(account)
        } catch .notFound {
            throw .notFound("there is no account '\(SessionService.shown(account.id))'")
        } catch {
            throw ServiceError(error)
        }
    }

    private func saveActive(_ active: Bool, account: CoachAccount) async throws(ServiceError) -> CoachAccount {
        var account = account
        guard account.isActive != active else { return account }
        if !active, account.role == .administrator { try await requireAnotherAdministrator(than: account.id) }
        account.deactivatedAt = active ? nil : settings.now()
        try await save(account)
        return account
    }

    private func savePassword(_ password: String, account: CoachAccount, keeping tokenHash: String?)
        async throws(ServiceError) -> CoachAccount
    {
        let problems = Self.passwordProblems(password, field: "password")
        guard problems.isEmpty else { throw .invalid("the password is not changed", problems) }
        var account = account
        account.passwordHash = await Self.offload { [cost = settings.bcryptCost] in Bcrypt.hash(password, cost: cost) }
        try await save(account)
        do {
            try await store.deleteLogins(ofCoach: account.id, keeping: tokenHash)
        } catch {
            throw ServiceError(error)
        }
        return account
    }

    /// Checks that an active administrator other than `id` remains, so that the accounts can
    /// always be managed.
    private func requireAnotherAdministrator(than id: String) async throws(ServiceError) {
        let accounts: [CoachAccount]
        do {
            accounts = try await store.coaches()
        } catch {
            throw ServiceError(error)
        }
        guard accounts.contains(where: { $0.id != id && $0.role == .administrator && $0.isActive }) else {
            throw .conflict(
                "this is the last active administrator: make another account administrator first"
            )
        }
    }
}
