/// The bookkeeping that keeps a parallel run's memory bounded and its output in input order.
///
/// Chunks are numbered as they are submitted. At most `maxRunning` are being evaluated at
/// once, and at most `maxPending` are held at all (running, or finished but waiting for an
/// earlier chunk), so however long the input, only `maxPending` chunks of rows and results
/// exist at any time. Finished chunks are released strictly in submission order.
struct OrderedWindow<Element> {
    /// The most chunks evaluated at once.
    let maxRunning: Int
    /// The most chunks held at once, running or waiting to be released.
    let maxPending: Int
    /// How many chunks were submitted.
    private(set) var submitted = 0
    /// How many chunks were released, in order.
    private(set) var released = 0
    /// How many submitted chunks have not finished.
    private(set) var running = 0
    private var finished: [Int: Element] = [:]

    /// Creates a window.
    ///
    /// - Parameters:
    ///   - maxRunning: The most chunks evaluated at once (at least 1).
    ///   - maxPending: The most chunks held at once (at least `maxRunning`).
    init(maxRunning: Int, maxPending: Int) {
        self.maxRunning = max(1, maxRunning)
        self.maxPending = max(self.maxRunning, maxPending)
    }

    /// Whether another chunk may be submitted now.
    var canSubmit: Bool { running < maxRunning && submitted - released < maxPending }

    /// How many chunks are held: running, or finished and waiting for an earlier one.
    var pending: Int { submitted - released }

    /// Records a submission.
    ///
    /// - Returns: The chunk's number.
    mutating func submit() -> Int {
        defer {
            submitted += 1
            running += 1
        }
        return submitted
    }

    /// Records a finished chunk.
    ///
    /// - Parameters:
    ///   - index: The chunk's number.
    ///   - element: Its result.
    /// - Returns: The results that can be released now, in order (empty while an earlier chunk
    ///   is still running).
    mutating func finish(_ index: Int, _ element: Element) -> [Element] {
        running -= 1
        finished[index] = element
        var ready: [Element] = []
        while let next = finished.removeValue(forKey: released) {
            ready.append(next)
            released += 1
        }
        return ready
    }
}
