import Synchronization
public import KoersStorage

/// Every operation of the web application, independent of HTTP: the JSON API and the HTML
/// pages both call these, passing who asks as an ``Access`` value.
///
/// ```swift
/// let services = KoersServices(store: store, packs: PackLibrary(roots: roots, registry: registry))
/// let grant = try await services.accounts.login(email: "coach@example.nl", password: "…")
/// let organisation = try await services.organisations.create(name: "De Linde", access: .coach(grant.coach))
/// ```
public struct KoersServices: Sendable {
    /// The store.
    public let store: any KoersStore
    /// The packs offered.
    public let packs: PackLibrary
    /// The settings.
    public let settings: ServiceSettings
    /// Coach accounts and logins.
    public let accounts: AccountService
    /// Organisations.
    public let organisations: OrganisationService
    /// Interview sessions.
    public let sessions: SessionService
    /// Reports.
    public let reports: ReportService
    /// Share links.
    public let shareLinks: ShareLinkService

    /// Creates the services over a store and a set of packs.
    ///
    /// - Parameters:
    ///   - store: The store, opened (its `run()` runs elsewhere).
    ///   - packs: The packs.
    ///   - settings: The settings.
    public init(store: any KoersStore, packs: PackLibrary, settings: ServiceSettings = ServiceSettings()) {
        self.store = store
        self.packs = packs
        self.settings = settings
        accounts = AccountService(store: store, settings: settings)
        let organisations = OrganisationService(store: store, settings: settings)
        let sessions = SessionService(
            store: store, packs: packs, organisations: organisations, settings: settings,
            anonymousStarts: AnonymousStartCounter(policy: settings.anonymousSessions, now: settings.now)
        )
        let reports = ReportService(store: store, packs: packs, sessions: sessions)
        self.organisations = organisations
        self.sessions = sessions
        self.reports = reports
        shareLinks = ShareLinkService(
            store: store,
            sessions: sessions,
            organisations: organisations,
            reports: reports,
            settings: settings
        )
    }

    /// Checks that the database answers within `timeout`.
    ///
    /// A database that does not answer (PostgreSQL down behind a dropped connection) could keep
    /// `/health` waiting for a minute; the check gives up after `timeout` and leaves the ping to
    /// finish on its own. The message names no host, port or database: `/health` is public.
    ///
    /// - Parameter timeout: How long to wait for the answer.
    /// - Throws: ``ServiceError/unavailable(_:)`` when it does not answer in time.
    public func ping(timeout: Duration = .seconds(2)) async throws(ServiceError) {
        let store = self.store
        let answered: Bool = await withCheckedContinuation { continuation in
            let once = FirstAnswer()
            Task {
                let answered = (try? await store.ping()) != nil
                if once.claim() { continuation.resume(returning: answered) }
            }
            Task {
                try? await Task.sleep(for: timeout)
                if once.claim() { continuation.resume(returning: false) }
            }
        }
        guard answered else { throw .unavailable("the database does not answer") }
    }
}

extension KoersServices {
    /// Removes expired anonymous sessions now and then every
    /// ``AnonymousSessionPolicy/cleanUpInterval``, until the task is cancelled. A database that
    /// does not answer is tried again at the next round.
    ///
    /// - Parameter removed: Called after each round with how many were removed (or the error).
    public func cleanUpAnonymousSessions(
        removed: @Sendable (Result<Int, ServiceError>) -> Void = { _ in }
    ) async {
        let interval = max(settings.anonymousSessions.cleanUpInterval, 0.01)
        while !Task.isCancelled {
            do throws(ServiceError) {
                removed(.success(try await sessions.removeExpiredAnonymousSessions()))
            } catch {
                removed(.failure(error))
            }
            do {
                try await Task.sleep(for: .milliseconds(Int64(interval * 1000)))
            } catch {
                return
            }
        }
    }
}

/// Lets the first of two racing tasks resume a continuation, and only the first.
private final class FirstAnswer: Sendable {
    private let claimed = Mutex(false)

    /// `true` for the first caller, `false` for every later one.
    func claim() -> Bool {
        claimed.withLock { claimed in
            defer { claimed = true }
            return !claimed
        }
    }
}
