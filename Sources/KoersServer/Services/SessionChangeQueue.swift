import Synchronization

/// Lets one change per session run at a time in this process, the others waiting their turn in
/// arrival order.
///
/// Two answers to one session that run side by side both read the same revision, and only one
/// of them can save: the other is evaluated and encoded again after a conflict. Waiting for the
/// one before costs less than that, and a session is changed by one person at a time anyway.
/// The revision check in the store still decides between processes (several servers on one
/// PostgreSQL database); this only spares the retries within one.
final class SessionChangeQueue: Sendable {
    /// For each session with a change running, the changes waiting for it.
    private let waiting = Mutex<[String: [CheckedContinuation<Void, Never>]]>([:])

    /// Runs `body` when no other change of the session runs, and lets the next one run after it.
    func serialized<T>(
        _ sessionID: String,
        _ body: () async throws(ServiceError) -> T
    ) async throws(ServiceError) -> T {
        await enter(sessionID)
        defer { leave(sessionID) }
        return try await body()
    }

    private func enter(_ sessionID: String) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let free = waiting.withLock { waiting in
                guard waiting[sessionID] != nil else {
                    waiting[sessionID] = []
                    return true
                }
                waiting[sessionID, default: []].append(continuation)
                return false
            }
            if free { continuation.resume() }
        }
    }

    private func leave(_ sessionID: String) {
        let next = waiting.withLock { waiting -> CheckedContinuation<Void, Never>? in
            guard var queue = waiting[sessionID], !queue.isEmpty else {
                waiting[sessionID] = nil
                return nil
            }
            let next = queue.removeFirst()
            waiting[sessionID] = queue
            return next
        }
        next?.resume()
    }
}
