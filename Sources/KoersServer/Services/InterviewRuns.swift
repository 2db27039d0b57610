import KoersCore
import KoersInterview
import KoersSession
import KoersStorage
import Synchronization

/// The interview runs of recently changed sessions, so that the state answering a change
/// evaluates only what the change touched (`InterviewRun`) instead of the whole pack.
///
/// A run is taken out while it is brought up to a document and asked for its state, and put
/// back after: two requests for one session never share a run (the second starts a fresh one),
/// and a run is never used by two tasks at once. The state is exactly what
/// `Interview.state(of:on:overrides:)` gives for the document: the run is given the document's
/// answers, date and overrides, and forgets what depends on each one that differs.
final class InterviewRuns: Sendable {
    /// A kept run, the pack it follows and the questions its answers are given for.
    private struct Entry {
        var packID: String
        var run: KeptRun
        /// The ids the run has answers for: those of the document it was last brought up to.
        var answered: [String]
    }

    /// A run moved between the tasks that use it one after another.
    ///
    /// Unchecked: an `InterviewRun` belongs to one task at a time, and a kept run is reachable
    /// only from the table until a task takes it out, uses it and puts it back.
    private final class KeptRun: @unchecked Sendable {
        let run: InterviewRun

        init(_ run: InterviewRun) {
            self.run = run
        }
    }

    /// The most runs kept; past it the least recently used one is dropped.
    let capacity: Int
    private let table: Mutex<RecentTable<String, Entry>>

    /// Creates an empty set of runs.
    ///
    /// - Parameter capacity: The most runs kept (at least 1).
    init(capacity: Int = 512) {
        self.capacity = max(1, capacity)
        table = Mutex(RecentTable(capacity: capacity))
    }

    /// The interview state of a session's document, worked out on the session's kept run when
    /// there is one for the pack.
    ///
    /// - Parameters:
    ///   - sessionID: The session.
    ///   - document: The session's document, adapted to the pack.
    ///   - pack: The session's pack.
    /// - Returns: The state, as `Interview.state(of:on:overrides:)` gives it.
    func state(of sessionID: String, document: SessionFile, pack: LoadedPack) -> InterviewState {
        let taken = table.withLock { table in table.take(sessionID) }
        let kept: KeptRun
        if let taken, taken.packID == pack.id {
            kept = taken.run
            let run = kept.run
            // The run holds the answers of the document it was last brought up to: this one's
            // are given (an unchanged one is a comparison), and the ones it no longer has are
            // cleared. The run ignores an id that is not a question, as for a fresh run.
            for (questionID, answer) in document.answers {
                run.setAnswer(answer.state, for: questionID)
            }
            for questionID in taken.answered where document.answers[questionID] == nil {
                run.setAnswer(nil, for: questionID)
            }
            run.setDate(document.evaluationDate)
            run.setOverrides(document.engineOverrides)
        } else {
            kept = KeptRun(
                InterviewRun(
                    interview: pack.interview, answers: document.answerSet,
                    on: document.evaluationDate, overrides: document.engineOverrides
                )
            )
        }
        let state = kept.run.state()
        let entry = Entry(packID: pack.id, run: kept, answered: Array(document.answers.keys))
        table.withLock { table in _ = table.put(entry, for: sessionID) }
        return state
    }
}
