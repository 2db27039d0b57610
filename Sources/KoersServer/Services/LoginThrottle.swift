public import Foundation

/// Slows down password guessing: failed logins are counted per client address and per account
/// in a sliding window; past the limit, logins from that address or for that account are refused
/// with 429 and `Retry-After` until the oldest failure in the window is old enough.
///
/// The counts live in memory (one server process); they are bounded: at most
/// ``Policy/maximumTrackedKeys`` addresses and accounts are tracked, the least recently failed
/// ones forgotten first.
public actor LoginThrottle {
    /// The limits.
    public struct Policy: Sendable, Hashable {
        /// Failed logins for one account within ``window`` before it is locked.
        public var failuresPerAccount = 5
        /// Failed logins from one address within ``window`` before it is locked.
        public var failuresPerAddress = 20
        /// How far back failures count.
        public var window: TimeInterval = 15 * 60
        /// How many addresses and accounts are tracked at most.
        public var maximumTrackedKeys = 10_000

        /// The default policy: 5 per account and 20 per address in 15 minutes.
        public init() {}
    }

    /// The limits in force.
    public let policy: Policy
    private let now: @Sendable () -> Date
    private var failures: [String: [Date]] = [:]

    /// Creates a throttle.
    ///
    /// - Parameters:
    ///   - policy: The limits.
    ///   - now: The clock (tests pass their own).
    public init(policy: Policy = Policy(), now: @escaping @Sendable () -> Date = Date.init) {
        self.policy = policy
        self.now = now
    }

    /// The seconds to wait before another login attempt, or `nil` when one may be made now.
    ///
    /// - Parameters:
    ///   - address: The client's address, when known.
    ///   - account: The e-mail address tried.
    public func retryAfter(address: String?, account: String) -> Int? {
        let current = now()
        var wait: TimeInterval = 0
        for (key, limit) in keys(address: address, account: account) {
            let recent = (failures[key] ?? []).filter { current.timeIntervalSince($0) < policy.window }
            failures[key] = recent.isEmpty ? nil : recent
            if recent.count >= limit, let oldest = recent.first {
                wait = max(wait, policy.window - current.timeIntervalSince(oldest))
            }
        }
        return wait > 0 ? max(1, Int(wait.rounded(.up))) : nil
    }

    /// Counts a failed login.
    ///
    /// - Parameters:
    ///   - address: The client's address, when known.
    ///   - account: The e-mail address tried.
    public func recordFailure(address: String?, account: String) {
        let current = now()
        for (key, _) in keys(address: address, account: account) {
            failures[key, default: []].append(current)
        }
        if failures.count > policy.maximumTrackedKeys {
            let oldest = failures.sorted { ($0.value.last ?? .distantPast) < ($1.value.last ?? .distantPast) }
            for (key, _) in oldest.prefix(failures.count - policy.maximumTrackedKeys) { failures[key] = nil }
        }
    }

    /// Forgets an account's failures after a successful login (the address's stay).
    ///
    /// - Parameter account: The e-mail address that logged in.
    public func recordSuccess(account: String) {
        failures["account:" + account.lowercased()] = nil
    }

    private func keys(address: String?, account: String) -> [(String, Int)] {
        var keys = [("account:" + account.lowercased(), policy.failuresPerAccount)]
        if let address { keys.append(("address:" + address, policy.failuresPerAddress)) }
        return keys
    }
}
