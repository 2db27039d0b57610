public import Foundation

/// The limits on anonymous sessions: anyone may start one without an account, so a stranger
/// could otherwise fill the database (about 10 KB each) from one address.
public struct AnonymousSessionPolicy: Sendable, Hashable {
    /// Anonymous sessions one client address may start within ``window``.
    public var startsPerAddress = 60
    /// How far back starts count.
    public var window: TimeInterval = 60 * 60
    /// How long an anonymous session that nobody changes stays: after this its resume link
    /// gives "not found", and the clean-up removes it.
    public var lifetime: TimeInterval = 30 * 24 * 60 * 60
    /// How often the server removes expired anonymous sessions.
    public var cleanUpInterval: TimeInterval = 60 * 60
    /// How many client addresses are tracked at most (the least recently seen are forgotten).
    public var maximumTrackedAddresses = 10_000

    /// The defaults: 60 starts per address per hour, 30 days untouched, cleaned up hourly.
    public init() {}
}

/// Counts anonymous session starts per client address in a sliding window (in memory, one
/// server process; bounded by ``AnonymousSessionPolicy/maximumTrackedAddresses``).
actor AnonymousStartCounter {
    let policy: AnonymousSessionPolicy
    private let now: @Sendable () -> Date
    private var starts: [String: [Date]] = [:]

    init(policy: AnonymousSessionPolicy, now: @escaping @Sendable () -> Date) {
        self.policy = policy
        self.now = now
    }

    /// Counts a start from `address` and returns `nil`, or, past the limit, counts nothing and
    /// returns the seconds to wait. Without an address (not a socket) nothing is counted.
    func admit(address: String?) -> Int? {
        guard let address else { return nil }
        let current = now()
        let recent = (starts[address] ?? []).filter { current.timeIntervalSince($0) < policy.window }
        if recent.count >= policy.startsPerAddress, let oldest = recent.first {
            starts[address] = recent
            return max(1, Int((policy.window - current.timeIntervalSince(oldest)).rounded(.up)))
        }
        starts[address] = recent + [current]
        if starts.count > policy.maximumTrackedAddresses {
            let oldest = starts.sorted { ($0.value.last ?? .distantPast) < ($1.value.last ?? .distantPast) }
            for (key, _) in oldest.prefix(starts.count - policy.maximumTrackedAddresses) { starts[key] = nil }
        }
        return nil
    }
}
