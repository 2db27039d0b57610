import Foundation
import KoersBatch
import KoersCore
import KoersInterview
import Testing

/// Whole runs in memory: order under concurrency, bad rows, tallies and summaries.
@Suite struct BatchRunnerTests {
    private struct RunResult {
        var output: String
        var diagnostics: String
        var summary: BatchSummary
        var chunks: [Int]
    }

    private func run(_ text: String, jobs: Int, chunkSize: Int, csv: Bool = false) async throws -> RunResult {
        let interview = try BatchTestSupport.pack()
        let stream = ByteStream(bytes: Array(text.utf8), name: "rows", chunkSize: 1000)
        var source: any BatchRecordSource = csv ? try CSVReader(stream: stream) : JSONLinesReader(stream: stream)
        let runner = BatchRunner(
            interview: interview, date: BatchTestSupport.date, language: "en", jobs: jobs, chunkSize: chunkSize
        )
        var result = RunResult(output: "", diagnostics: "", summary: BatchSummary(tally: BatchTally(pack: interview.pack), elapsed: .zero), chunks: [])
        var output: [UInt8] = []
        result.summary = try await runner.run(&source) { chunk in
            output += chunk.output
            result.diagnostics += chunk.diagnostics
            result.chunks.append(chunk.index)
        }
        result.output = String(decoding: output, as: UTF8.self)
        return result
    }

    private func objects(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func outputKeepsInputOrderWithManyJobsAndSmallChunks() async throws {
        var lines: [String] = []
        for index in 1...1500 {
            if index % 97 == 0 {
                lines.append(#"{"_id":"bad\#(index)","scheme":"grant","costs":"veel"}"#)
            } else {
                lines.append(BatchTestSupport.jsonRow(id: "p\(index)", costs: 1_000 * (index % 40)))
            }
        }
        let text = lines.joined(separator: "\n") + "\n"
        let parallel = try await run(text, jobs: 4, chunkSize: 7)
        let serial = try await run(text, jobs: 1, chunkSize: 256)

        #expect(parallel.output == serial.output)
        #expect(parallel.diagnostics == serial.diagnostics)
        #expect(parallel.chunks == Array(0..<215))
        let rows = try objects(parallel.output)
        #expect(rows.compactMap { $0["row"] as? Int } == Array(1...1500))
        #expect(rows.compactMap { $0["_id"] as? String } == (1...1500).map { $0 % 97 == 0 ? "bad\($0)" : "p\($0)" })
        #expect(parallel.summary.tally == serial.summary.tally)
        #expect(parallel.summary.tally.rowsRead == 1500)
        #expect(parallel.summary.tally.skipped == 15)
        #expect(parallel.summary.tally.evaluated == 1485)
        let diagnostics = parallel.diagnostics.split(separator: "\n")
        #expect(diagnostics.count == 15)
        #expect(diagnostics.first == "rows:97: error: 'veel' is not an answer to 'costs': Please enter an amount in euros, such as € 125,000 or 125000.50.")
        #expect(diagnostics.last?.hasPrefix("rows:1455: error: ") == true)
    }

    @Test func evaluatedRowCarriesVerdictsAmountsAndMissingQuestions() async throws {
        let text = BatchTestSupport.jsonRow(id: "ok", costs: 30_000) + "\n"
            + #"{"scheme":"grant","is_provider":"ja","months":40}"# + "\n"
            + #"{"_date":"2019-06-01","scheme":"grant","is_provider":"nee"}"#
        let result = try await run(text, jobs: 2, chunkSize: 1)
        #expect(result.output.hasPrefix(
            #"{"row":1,"line":1,"_id":"ok","date":"2021-10-01","outcomes":{"grant":{"verdict":"eligible","amounts":{"max_subsidy":"15000"}},"old_grant":{"verdict":"closed"}},"scores":{"readiness":{"value":"7","level":2,"label":"Advanced"}}}"#
                + "\n"
        ))
        let rows = try objects(result.output)
        let open = try #require(rows[1]["outcomes"] as? [String: [String: Any]])
        #expect(open["grant"]?["verdict"] as? String == "ineligible")
        #expect(open["grant"]?["unmet"] as? [String] == ["short_enough"])
        let old = try #require(rows[2]["outcomes"] as? [String: [String: Any]])
        #expect(rows[2]["date"] as? String == "2019-06-01")
        #expect(old["old_grant"]?["verdict"] as? String == "ineligible")
        #expect(old["grant"]?["verdict"] as? String == "closed")
        let undecided = try await run(#"{"scheme":"grant","is_provider":"ja","purchasers":"gemeente"}"#, jobs: 1, chunkSize: 1)
        let grant = try #require((try objects(undecided.output).first?["outcomes"] as? [String: [String: Any]])?["grant"])
        #expect(grant["verdict"] as? String == "undetermined")
        #expect(grant["missing"] as? [String] == ["costs", "months"])
        #expect((grant["amounts"] as? [String: Any])?["max_subsidy"] is NSNull)
    }

    @Test func scoresGiveValueLevelAndDistribution() async throws {
        let text = """
            vision,support
            1,1
            3,4
            5,5
            2,
            4,4
            """
        let result = try await run(text, jobs: 2, chunkSize: 2, csv: true)
        let rows = try objects(result.output)
        let second = try #require((rows[1]["scores"] as? [String: [String: Any]])?["readiness"])
        #expect(second["value"] as? String == "7")
        #expect(second["level"] as? Int == 2)
        #expect(second["label"] as? String == "Advanced")
        let unknown = try #require((rows[3]["scores"] as? [String: [String: Any]])?["readiness"])
        #expect(unknown["value"] is NSNull)
        #expect(unknown["missing"] as? [String] == ["support"])

        let score = try #require(result.summary.tally.scores.first)
        #expect(score.known == 4)
        #expect(score.unknown == 1)
        #expect(score.minimum == 2)
        #expect(score.maximum == 10)
        #expect(score.median == 7.5)
        #expect(score.levels == [1, 3])

        let report = result.summary.report(for: try BatchTestSupport.pack().pack, language: "en")
        #expect(report.contains("rows read  5\n"))
        #expect(report.contains("readiness     4        1    2     7.5   10  Starting 1, Advanced 3\n"))
    }

    @Test func summaryCountsVerdictsPerOutcome() async throws {
        let text = [
            BatchTestSupport.jsonRow(id: "a", costs: 30_000),
            BatchTestSupport.jsonRow(id: "b", costs: 5_000),
            #"{"scheme":"grant"}"#,
            #"{"scheme":"grant","costs":"x"}"#,
        ].joined(separator: "\n")
        let result = try await run(text, jobs: 3, chunkSize: 1)
        // Verdict order: eligible, ineligible, undetermined, closed, not_requested.
        #expect(result.summary.tally.verdicts == [[1, 1, 1, 0, 0], [0, 0, 0, 3, 0]])
        let report = result.summary.report(for: try BatchTestSupport.pack().pack, language: "nl")
        #expect(report.contains("skipped    1 (bad rows; see the errors)\n"))
        #expect(report.contains("outcome    eligible  ineligible  undetermined  closed  not_requested  title\n"))
        #expect(report.contains("grant             1           1             1       0              0  Subsidie\n"))
        #expect(report.contains("old_grant         0           0             0       3              0  Oude subsidie\n"))
    }

    @Test func badHeaderStopsTheRunBeforeItStarts() async throws {
        await #expect(throws: BatchError.self) {
            _ = try await run("vision,suport\n1,2\n", jobs: 1, chunkSize: 1, csv: true)
        }
    }

    @Test func medianOfAnOddCountIsTheMiddleValue() {
        var tally = ScoreTally(levelCount: 0)
        for value in [5, 1, 3, 3, 9] { tally.add(Decimal(value), level: nil) }
        #expect(tally.median == 3)
        #expect(tally.belowLevels == 5)
    }
}
