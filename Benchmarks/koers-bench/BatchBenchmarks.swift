import Foundation
import KoersBatch
import KoersCore
import KoersExpression
import KoersInterview

/// Batch evaluation: the real `koers batch` as a child process (throughput and peak memory),
/// the same machinery in process, and the cost of one next-question step.
struct BatchBenchmarks {
    var pack: RulePack
    var registry: PluginRegistry
    var rulesDirectory: String
    var koers: URL
    var rows: Int
    var quick: Bool
    /// Only the next-question step and the pack's evaluation and decision (`--engine`).
    var engineOnly = false

    static let date = CalendarDate(year: 2021, month: 10, day: 1) ?? .minimum
    static let seed: UInt64 = 20_211_001

    func run() async throws {
        if engineOnly {
            try nextQuestionStep(generator: SyntheticAnswers(pack: pack, seed: Self.seed))
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("koers-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The child reads a copy of the packs made now, so edits to Rules/ during the run cannot
        // make it evaluate another pack than the one this process loaded.
        let rules = folder.appendingPathComponent("Rules")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: rulesDirectory), to: rules)

        let generator = SyntheticAnswers(pack: pack, seed: Self.seed)
        let small = folder.appendingPathComponent("answers-small.jsonl")
        let large = folder.appendingPathComponent("answers.jsonl")
        let smallRows = max(1, rows / 10)
        let clock = ContinuousClock()
        var size = 0
        let generation = try clock.measure {
            _ = try generator.write(rows: smallRows, to: small)
            size = try generator.write(rows: rows, to: large)
        }
        print(
            "synthetic answers: \(rows) rows for \(pack.id) (\(String(format: "%.1f", Double(size) / 1_048_576)) MiB, "
                + "seed 20211001), written in \(String(format: "%.2f", generation.seconds)) s"
        )
        print()

        try childProcess(small: small, smallRows: smallRows, large: large, folder: folder, rules: rules.path)
        print()
        try await inProcess(large)
        print()
        try nextQuestionStep(generator: generator)
    }

    /// (a) The real release `koers batch`, as a user runs it: wall time, rows per second, and the
    /// child's peak resident memory for a tenth of the rows and for all of them.
    private func childProcess(small: URL, smallRows: Int, large: URL, folder: URL, rules: String) throws {
        guard FileManager.default.isExecutableFile(atPath: koers.path) else {
            print("koers batch (child process): skipped, no koers binary at \(koers.path) (build the koers product, or pass --koers PATH)")
            return
        }
        let output = folder.appendingPathComponent("results.jsonl")
        let smallRun = try runKoers(input: small, output: output, rules: rules)
        let smallPeak = ChildUsage.current().peakMemoryMiB
        var seconds: [Double] = []
        var summary = ""
        for _ in 0..<(quick ? 1 : 3) {
            let run = try runKoers(input: large, output: output, rules: rules)
            seconds.append(run.seconds)
            summary = run.summary
        }
        let peak = ChildUsage.current().peakMemoryMiB
        let median = seconds.sorted()[seconds.count / 2]
        let evaluated = summary.split(separator: "\n").first { $0.hasPrefix("evaluated") }.map(String.init) ?? "?"
        let label = "koers batch, \(rows) rows, --jobs \(ProcessInfo.processInfo.activeProcessorCount) (child)"
        print(
            label.padding(toLength: 48, withPad: " ", startingAt: 0)
                + String(format: " %10.0f /s  %8.2f s (median of %d; %@)", Double(rows) / median, median, seconds.count, evaluated)
        )
        print(
            "peak memory of koers batch".padding(toLength: 48, withPad: " ", startingAt: 0)
                + String(
                    format: " %7.1f MiB for %d rows, %.1f MiB for %d rows (%.1f s for the small run)",
                    smallPeak, smallRows, peak, rows, smallRun.seconds
                )
        )
    }

    private func runKoers(input: URL, output: URL, rules: String) throws -> (seconds: Double, summary: String) {
        let process = Process()
        process.executableURL = koers
        process.arguments = [
            "batch", pack.id, "--rules", rules, "--input", input.path, "--output", output.path,
            "--date", Self.date.description,
        ]
        let summaryURL = output.deletingLastPathComponent().appendingPathComponent("summary.txt")
        let errorsURL = output.deletingLastPathComponent().appendingPathComponent("errors.txt")
        _ = FileManager.default.createFile(atPath: summaryURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorsURL.path, contents: nil)
        let summaryHandle = try FileHandle(forWritingTo: summaryURL)
        let errorsHandle = try FileHandle(forWritingTo: errorsURL)
        defer {
            try? summaryHandle.close()
            try? errorsHandle.close()
        }
        process.standardOutput = summaryHandle
        process.standardError = errorsHandle
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            try process.run()
            process.waitUntilExit()
        }
        guard process.terminationStatus == 0 else {
            let errors = (try? String(contentsOf: errorsURL, encoding: .utf8)) ?? ""
            let last = errors.split(separator: "\n").suffix(3).joined(separator: "\n")
            throw BenchmarkError("koers batch exited with status \(process.terminationStatus):\n\(last)")
        }
        return (elapsed.seconds, (try? String(contentsOf: summaryURL, encoding: .utf8)) ?? "")
    }

    /// (b) The same run in process with KoersBatch: reading, parsing, checking, evaluating and
    /// writing JSON, without process start-up and pack loading.
    private func inProcess(_ input: URL) async throws {
        let interview = Interview(pack: pack, registry: registry)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        for jobs in Set([1, cores]).sorted() {
            var seconds: [Double] = []
            var evaluated = 0
            // One round each: a run of many thousands of rows is long enough to be stable.
            for _ in 0..<1 {
                var source = try BatchFormat.open(input.path)
                let runner = BatchRunner(interview: interview, date: Self.date, language: "nl", jobs: jobs)
                var bytes = 0
                let summary = try await runner.run(&source) { chunk in bytes += chunk.output.count }
                seconds.append(summary.elapsed.seconds)
                evaluated = summary.tally.evaluated
            }
            let median = seconds.sorted()[seconds.count / 2]
            print(
                "KoersBatch in process, \(rows) rows, \(jobs) job\(jobs == 1 ? "" : "s")".padding(toLength: 48, withPad: " ", startingAt: 0)
                    + String(format: " %10.0f /s  %8.2f s (%d evaluated)", Double(rows) / median, median, evaluated)
            )
        }
    }

    /// (c) One next-question step on a half-answered set: the answers to the first half of the
    /// questions a full interview asks, from a synthetic project.
    private func nextQuestionStep(generator: SyntheticAnswers) throws {
        let interview = Interview(pack: pack, registry: registry)
        var random = SplitMix64(seed: 7)
        let decoder = try BatchRowDecoder(pack: pack, columns: nil)
        // Of the first accepted synthetic rows, the one whose interview asks the most questions.
        var longest: (answers: AnswerSet, asked: [String]) = (AnswerSet(), [])
        var tried = 0
        for index in 1...2_000 where tried < 40 {
            let line = generator.row(index, using: &random)
            let record = RawRecord(row: index, line: index, content: .json(Array(line.utf8)))
            guard case .success(let row) = decoder.decode(record), row.date == nil else { continue }
            guard interview.answers(from: row.inputs, on: Self.date).issues.isEmpty else { continue }
            tried += 1
            let walk = walkInterview(interview, inputs: row.inputs)
            if walk.asked.count > longest.asked.count { longest = walk }
        }
        let (answers, asked) = longest
        var half = AnswerSet()
        for id in asked.prefix(asked.count / 2) { half[id] = answers[id] }
        let state = interview.state(of: half, on: Self.date)
        let steps = quick ? 500 : 2_000
        var sink = 0
        measure(
            "next-question step (\(half.count) of \(asked.count) answered)", rounds: quick ? 3 : 5, operations: steps
        ) {
            for _ in 0..<steps { sink &+= interview.state(of: half, on: Self.date).openQuestionIDs.count }
        }.report()
        // The incremental interview: one answer given (and taken back, to repeat the same step)
        // on a run that keeps every result the answer does not touch.
        if let nextID = state.nextQuestion?.id, let nextAnswer = answers[nextID] {
            let run = InterviewRun(interview: interview, answers: half, on: Self.date)
            _ = run.state()
            measure("next-question step after one answer (incremental)", rounds: quick ? 3 : 5, operations: steps * 2) {
                for _ in 0..<steps {
                    run.setAnswer(nextAnswer, for: nextID)
                    sink &+= run.state().openQuestionIDs.count
                    run.setAnswer(nil, for: nextID)
                    sink &+= run.state().openQuestionIDs.count
                }
            }.report()
        }
        let evaluator = interview.evaluator
        measure("evaluate the pack (the same \(answers.count) answered)", rounds: quick ? 3 : 5, operations: steps) {
            for _ in 0..<steps { sink &+= evaluator.evaluate(answers, on: Self.date).outcomes.count }
        }.report()
        measure("decide the pack, no explanations (same answers)", rounds: quick ? 3 : 5, operations: steps) {
            for _ in 0..<steps { sink &+= evaluator.decide(answers, on: Self.date).outcomes.count }
        }.report()
        if sink == 0 || state.nextQuestion == nil { print("(the half-answered set asks nothing more)") }
    }


    /// Answers an interview question by question from a row, as a person would, until it asks
    /// something the row does not answer or nothing more.
    private func walkInterview(_ interview: Interview, inputs: [String: AnswerInput]) -> (answers: AnswerSet, asked: [String]) {
        var answers = AnswerSet()
        var asked: [String] = []
        while let question = interview.state(of: answers, on: Self.date).nextQuestion, let input = inputs[question.id] {
            asked.append(question.id)
            guard let state = interview.answers(from: [question.id: input], on: Self.date).answers[question.id] else { break }
            answers[question.id] = state
            if asked.count > pack.questions.count { break }
        }
        return (answers, asked)
    }
}

/// A benchmark that cannot go on.
struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
