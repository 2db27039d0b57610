import ArgumentParser
import Foundation
import KoersBatch
import KoersCore
import KoersInterview

extension KoersCommand {
    /// `koers batch`: many answer sets against one pack, one result per row.
    struct Batch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "batch",
            abstract: "Evaluate many answer sets from a JSON Lines or CSV file against a pack, one result per row.",
            discussion: """
                Input (--input FILE, or - for standard input): JSON Lines, one object per line of \
                question id -> answer (a string as a person would type it, a number, true/false, or a \
                list for multiple choice; null or "" means not answered), or CSV with a header row of \
                question ids (RFC 4180 quoting; a multiple-choice cell as 'a;b' or "a, b"; an empty cell \
                means not answered). Optional per row: _id (copied to the output) and _date (YYYY-MM-DD, \
                instead of --date). The format follows the file name (.jsonl, .csv) unless --format says.

                Output (--output FILE, else standard output): CSV when FILE ends in .csv or \
                --output-format csv says (one row per input row: row, line, _id, date, status, per outcome \
                its verdict and a column <outcome>.<amount> per amount, per score its value and \
                <score>.level, errors), else JSON Lines, one object per input row in \
                input order: row, line, _id, date, per outcome the verdict, the amounts as exact decimal \
                strings, the requirements not met (ineligible) or the questions missing (undetermined), \
                and per score its value and level; with --explain also each outcome's summary and reasons \
                in words. A bad row (invalid JSON, a wrong number of CSV fields, \
                an unknown question, a rejected answer) is skipped, not evaluated with the answers that \
                were fine: its output object has "skipped": true and its errors, and standard error gets \
                FILE:LINE: error: ... for it. The run goes on.

                The summary (rows read, evaluated, skipped, verdicts per outcome, score distribution, \
                time and rows per second) goes to standard output when --output is given, else to \
                standard error. A progress line is shown on standard error only when it is a terminal.

                Exit status: 0 when the run completed, even with bad rows; 1 when the input or the pack \
                cannot be read, the CSV header names an unknown question, or no row could be evaluated.
                """
        ).inDutchWhenAsked()

        @Argument(
            help: "The pack: an id on the plugin path (such as set-eligibility) or a pack folder.",
            completion: PackCompletion.kind
        )
        var pack: String

        @Option(help: ArgumentHelp("The answer sets: a .jsonl or .csv file, or - for standard input.", valueName: "file"))
        var input: String

        @Option(help: ArgumentHelp("Where to write the results (default: standard output).", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("The input format, jsonl or csv (default: from the file name).", valueName: "format"))
        var format: String?

        @Option(help: ArgumentHelp("The output format, jsonl or csv (default: csv for an --output ending in .csv, else jsonl).", valueName: "format"))
        var outputFormat: String?

        @Option(help: ArgumentHelp("How many chunks of rows to evaluate at once (default: the number of cores).", valueName: "n"))
        var jobs: Int?

        @Flag(help: "Add each outcome's summary and reasons in words to the JSON Lines output (slower).")
        var explain = false

        @OptionGroup var evaluation: EvaluationOptions

        @OptionGroup var packs: PackOptions

        func validate() throws {
            if let jobs, jobs < 1 {
                throw ValidationError("--jobs must be at least 1, not \(jobs)")
            }
            if let format, BatchFormat(rawValue: format) == nil {
                throw ValidationError("--format must be jsonl or csv, not '\(format)'")
            }
            if let outputFormat, BatchOutputFormat(rawValue: outputFormat) == nil {
                throw ValidationError("--output-format must be jsonl or csv, not '\(outputFormat)'")
            }
            if let output, output != "-", input != "-",
                URL(fileURLWithPath: output).standardizedFileURL == URL(fileURLWithPath: input).standardizedFileURL
            {
                throw ValidationError("--output must not be the input file '\(input)'")
            }
        }

        func run() async throws {
            let selected = try packs.loadPack(pack, language: evaluation.diagnosticLanguage)
            let interview = Interview(pack: selected.pack, registry: selected.registry)
            let resultFormat = outputFormat.flatMap(BatchOutputFormat.init(rawValue:)) ?? BatchOutputFormat(fileName: output)
            let runner = BatchRunner(
                interview: interview,
                date: evaluation.evaluationDate,
                language: evaluation.lang,
                jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                explain: explain,
                outputFormat: resultFormat
            )
            let summary: BatchSummary
            var progress = TerminalProgress()
            do {
                var source = try BatchFormat.open(input, as: format.flatMap(BatchFormat.init(rawValue:)))
                let sink = try BatchOutput(path: output)
                if resultFormat == .csv { try sink.write(BatchCSVWriter(pack: selected.pack).header()) }
                summary = try await runner.run(&source) { chunk throws(BatchError) in
                    if !chunk.diagnostics.isEmpty {
                        progress.clear()
                        FileHandle.standardError.write(Data(chunk.diagnostics.utf8))
                    }
                    try sink.write(chunk.output)
                } progress: { state in
                    progress.update(state)
                }
            } catch {
                progress.clear()
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw ExitCode.failure
            }
            progress.clear()

            let report = summary.report(for: selected.pack, language: evaluation.lang)
            if output != nil, output != "-" {
                print(report, terminator: "")
            } else {
                FileHandle.standardError.write(Data(report.utf8))
            }
            guard summary.tally.evaluated > 0 else {
                let reason = summary.tally.rowsRead == 0 ? "the input has no rows" : "no row could be evaluated"
                FileHandle.standardError.write(Data("error: \(reason)\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}
