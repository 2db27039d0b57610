import Dispatch
import Synchronization

/// When the database last answered a statement of the store's own, and when it last failed to,
/// so that a health check under load needs no statement of its own.
///
/// Under load every connection of the store is busy with answers: a ping then waits its turn
/// behind them and a health check that gives up after a short time says the database is down
/// while it answers hundreds of statements a second. A statement that came back within
/// ``recent`` is as good an answer as a ping's, and costs nothing. A failure that says the
/// database is unavailable, or a quiet spell longer than ``recent``, sends the check to the
/// database again, so a database that is really down is reported as down.
final class StoreLiveness: Sendable {
    /// How long a statement's answer counts as the database answering.
    static let recent: UInt64 = 1_000_000_000

    /// Uptime nanoseconds (monotonic) of the last answer and the last failure; 0 for never.
    private let lastAnswer = Atomic<UInt64>(0)
    private let lastFailure = Atomic<UInt64>(0)

    /// Notes that the database answered a statement (a read or a committed write; a constraint
    /// it refused is an answer too).
    func answered() {
        lastAnswer.store(Self.now(), ordering: .relaxed)
    }

    /// Notes that the database could not be reached or could not run a statement.
    func failed() {
        lastFailure.store(Self.now(), ordering: .relaxed)
    }

    /// Whether the database answered within ``recent``, with no failure since.
    var answeredRecently: Bool {
        let answer = lastAnswer.load(ordering: .relaxed)
        guard answer != 0 else { return false }
        let failure = lastFailure.load(ordering: .relaxed)
        let now = Self.now()
        return failure < answer && now &- answer <= Self.recent
    }

    private static func now() -> UInt64 {
        DispatchTime.now().uptimeNanoseconds
    }
}
