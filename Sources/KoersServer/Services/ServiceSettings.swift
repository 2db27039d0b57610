public import Foundation

/// Settings the services share.
public struct ServiceSettings: Sendable {
    /// The bcrypt cost of password hashes: 12 in production; tests may use 4 to run fast.
    public var bcryptCost: UInt8
    /// How long a login stays valid.
    public var loginLifetime: TimeInterval
    /// The clock.
    public var now: @Sendable () -> Date
    /// How many failed logins are allowed per account and per client address.
    public var loginThrottle = LoginThrottle.Policy()
    /// How many anonymous sessions an address may start, and how long they are kept.
    public var anonymousSessions = AnonymousSessionPolicy()

    /// Creates settings.
    ///
    /// - Parameters:
    ///   - bcryptCost: The bcrypt cost, 4 to 31.
    ///   - loginLifetime: How long a login stays valid (default 12 hours).
    ///   - now: The clock.
    public init(
        bcryptCost: UInt8 = 12,
        loginLifetime: TimeInterval = 12 * 60 * 60,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.bcryptCost = min(max(bcryptCost, 4), 31)
        self.loginLifetime = loginLifetime
        self.now = now
    }
}
