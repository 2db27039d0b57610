import KoersCore
public import KoersExpression
public import KoersInterview

/// How far a run is, reported after each chunk written.
public struct BatchProgress: Sendable, Hashable {
    /// Rows written so far.
    public var rows: Int
    /// Time since the run started.
    public var elapsed: Duration
    /// Bytes of the input read so far (a little ahead of the rows written).
    public var bytesRead: Int
    /// The input's size, when known (not for standard input).
    public var totalBytes: Int?

    /// The part of the input read, from 0 to 1, when its size is known.
    public var fraction: Double? {
        guard let totalBytes, totalBytes > 0 else { return nil }
        return min(1, Double(bytesRead) / Double(totalBytes))
    }

    /// Rows per second so far.
    public var rate: Double {
        let seconds = elapsed.seconds
        return seconds > 0 ? Double(rows) / seconds : 0
    }
}

/// Evaluates many answer sets against one pack on all cores, with bounded memory, writing the
/// results in input order.
///
/// The reader runs on one task and cuts the input into chunks of ``chunkSize`` rows; each chunk
/// is decoded, checked and evaluated on a task of its own in a task group. At most ``jobs``
/// chunks are evaluated at once and at most `2 × jobs` are held (running, or done and waiting
/// for an earlier chunk), so memory stays flat for any input size; results are handed to the
/// caller strictly in input order.
///
/// ```swift
/// var reader = JSONLinesReader(stream: try ByteStream(path: "projects.jsonl"))
/// let runner = BatchRunner(interview: interview, date: date, language: "nl", jobs: 4)
/// let summary = try await runner.run(&reader) { chunk in
///     try output.write(chunk.output)
/// }
/// ```
public struct BatchRunner: Sendable {
    /// The interview over the pack.
    public var interview: Interview
    /// The date for rows without `_date`.
    public var date: CalendarDate
    /// The language of labels and messages.
    public var language: String
    /// The most chunks evaluated at once.
    public var jobs: Int
    /// Rows per chunk.
    public var chunkSize: Int
    /// Whether each outcome gets its reasons in words (JSON Lines only; slower).
    public var explain: Bool
    /// The format of the chunks' output.
    public var outputFormat: BatchOutputFormat

    /// Creates a runner.
    ///
    /// - Parameters:
    ///   - interview: The interview over the pack.
    ///   - date: The date for rows without `_date`.
    ///   - language: `nl` or `en`.
    ///   - jobs: The most chunks evaluated at once (at least 1).
    ///   - chunkSize: Rows per chunk (at least 1; 1,024 by default).
    ///   - explain: Whether each outcome gets its reasons in words (JSON Lines only).
    ///   - outputFormat: JSON Lines (the default) or CSV rows without the header
    ///     (``BatchCSVWriter/header()`` writes that once).
    public init(
        interview: Interview,
        date: CalendarDate,
        language: String,
        jobs: Int,
        chunkSize: Int = 1024,
        explain: Bool = false,
        outputFormat: BatchOutputFormat = .jsonLines
    ) {
        self.interview = interview
        self.date = date
        self.language = language
        self.jobs = max(1, jobs)
        self.chunkSize = max(1, chunkSize)
        self.explain = explain
        self.outputFormat = outputFormat
    }

    /// Reads, evaluates and writes out every row of an input.
    ///
    /// - Parameters:
    ///   - source: The reader of the input.
    ///   - inputName: The input's name for error messages (`projects.csv:12: error: …`); the
    ///     stream's name by default.
    ///   - emit: Called with each chunk's results, in input order, on the calling task.
    ///   - progress: Called after each chunk is emitted.
    /// - Returns: The counts of the whole run and how long it took.
    /// - Throws: ``BatchError`` when the header is unusable, reading fails, or `emit` throws.
    ///   A bad row never throws: it is reported in its chunk and skipped.
    public func run(
        _ source: inout some BatchRecordSource,
        inputName: String? = nil,
        emit: (BatchChunk) throws(BatchError) -> Void,
        progress: (BatchProgress) -> Void = { _ in }
    ) async throws(BatchError) -> BatchSummary {
        let clock = ContinuousClock()
        let start = clock.now
        let inputName = inputName ?? source.stream.name
        let stream = source.stream
        let decoder = try BatchRowDecoder(
            pack: interview.pack, columns: source.columns, inputName: inputName, headerLine: source.headerLine
        )
        let evaluator = BatchRowEvaluator(
            interview: interview, decoder: decoder, date: date, language: language, inputName: inputName,
            explain: explain, csv: outputFormat == .csv ? BatchCSVWriter(pack: interview.pack) : nil
        )
        let chunkSize = chunkSize
        var tally = BatchTally(pack: interview.pack)
        var window = OrderedWindow<BatchChunk>(maxRunning: jobs, maxPending: jobs * 2)

        let failure: BatchError? = await withTaskGroup(of: BatchChunk.self) { group in
            var exhausted = false
            while true {
                while !exhausted, window.canSubmit {
                    let records: [RawRecord]
                    do throws(BatchError) {
                        records = try source.next(upTo: chunkSize)
                    } catch {
                        group.cancelAll()
                        return error
                    }
                    guard !records.isEmpty else {
                        exhausted = true
                        break
                    }
                    let index = window.submit()
                    group.addTask { evaluator.process(records, index: index) }
                }
                guard let chunk = await group.next() else { return nil }
                for ready in window.finish(chunk.index, chunk) {
                    do throws(BatchError) {
                        try emit(ready)
                    } catch {
                        group.cancelAll()
                        return error
                    }
                    tally.merge(ready.tally)
                    progress(
                        BatchProgress(
                            rows: tally.rowsRead, elapsed: clock.now - start,
                            bytesRead: stream.bytesRead, totalBytes: stream.totalBytes
                        )
                    )
                }
            }
        }
        if let failure { throw failure }
        return BatchSummary(tally: tally, elapsed: clock.now - start)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
