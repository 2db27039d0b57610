import GRDB
import Synchronization

/// Group commit for SQLite: writes that arrive together share one transaction and one sync.
///
/// With `synchronous = FULL` every commit waits for the disk, so one commit per answer bounds the
/// web app by the disk's sync rate. Here a write joins a queue with its continuation; a single
/// writer drains the queue, runs everything pending in one transaction — each write in a
/// savepoint of its own, so a write that breaks a constraint is rolled back alone and fails
/// alone — commits, and only then resumes every waiter. No caller hears "saved" before the
/// commit that holds its write is on disk; while one batch syncs, the next one gathers.
///
/// The writer is a task started when the queue gets work and none runs, and it ends when the
/// queue is empty, so the store needs no background service for it.
final class SQLiteGroupCommit: Sendable {
    /// A write waiting for its batch, and who to tell when that batch is committed.
    private struct Pending: Sendable {
        var write: StoreWrite
        var continuation: CheckedContinuation<Result<[StoreRow], DriverError>, Never>
    }

    private struct State {
        var pending: [Pending] = []
        var writing = false
    }

    /// The most writes one transaction holds, so that one batch does not keep its first
    /// waiters long.
    static let batchLimit = 256

    private let pool: DatabasePool
    private let path: String
    private let state = Mutex(State())

    init(pool: DatabasePool, path: String) {
        self.pool = pool
        self.path = path
    }

    /// Runs a write in the next batch and returns when that batch is committed.
    ///
    /// - Returns: The rows of the write's last statement.
    /// - Throws: The write's own failure (a constraint it broke), or the batch's (the commit
    ///   failed: then no write of the batch is kept, and every one of them hears so).
    func write(_ write: StoreWrite) async throws(DriverError) -> [StoreRow] {
        let result = await withCheckedContinuation { continuation in
            let startWriter = state.withLock { state in
                state.pending.append(Pending(write: write, continuation: continuation))
                guard !state.writing else { return false }
                state.writing = true
                return true
            }
            if startWriter {
                Task { await self.drain() }
            }
        }
        return try result.get()
    }

    /// Commits batches until the queue is empty.
    private func drain() async {
        while true {
            let batch = state.withLock { state -> [Pending] in
                let batch = Array(state.pending.prefix(Self.batchLimit))
                state.pending.removeFirst(batch.count)
                if batch.isEmpty { state.writing = false }
                return batch
            }
            if batch.isEmpty { return }
            let outcomes = await commit(batch.map(\.write))
            for (pending, outcome) in zip(batch, outcomes) { pending.continuation.resume(returning: outcome) }
        }
    }

    /// One transaction for the writes, a savepoint for each.
    private func commit(_ writes: [StoreWrite]) async -> [Result<[StoreRow], DriverError>] {
        let path = path
        do {
            return try await pool.writeWithoutTransaction { db in
                var outcomes: [Result<[StoreRow], DriverError>] = []
                outcomes.reserveCapacity(writes.count)
                try db.inTransaction(.immediate) {
                    for write in writes {
                        do {
                            var rows: [StoreRow] = []
                            try db.inSavepoint {
                                for statement in write.statements { rows = try SQLiteDriver.rows(statement, db) }
                                return .commit
                            }
                            outcomes.append(.success(rows))
                        } catch {
                            // SQLite ends the whole transaction on some errors (disk full, I/O):
                            // then nothing of the batch is kept, and all of it fails below.
                            if !db.isInsideTransaction { throw error }
                            outcomes.append(.failure(SQLiteDriver.driverError(error, what: write.what, path: path)))
                        }
                    }
                    return .commit
                }
                return outcomes
            }
        } catch {
            // The transaction did not commit: nothing of the batch is kept.
            return writes.map { write in .failure(SQLiteDriver.driverError(error, what: write.what, path: path)) }
        }
    }
}
