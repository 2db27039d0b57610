import ArgumentParser
import Foundation
import KoersCore
import KoersExpression
import KoersInterview
import KoersPresentation
import KoersSession
import KoersSource

extension KoersCommand {
    /// `koers check`: evaluates a file of answers against a pack and explains the verdicts.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check a file of answers against a rule pack and explain every verdict.",
            discussion: """
                The answers file is YAML or JSON: a mapping of question id to the answer as a person \
                types it (ja/nee, € 125.000, 'gemeente, zorgkantoor' or a list), or a mapping with \
                'answers:' beside optional 'pack:', 'date:' (used when --date is not given) and \
                'overrides:' (coaches' score overrides). A saved session ("format": \
                "koers-session/1") works too. See examples/answers/.

                An unknown question or a rejected answer is an error at its file:line:column; all of \
                them are printed, and nothing is evaluated until they are fixed: a check on wrong \
                data must not look like a verdict.

                --format json writes the stable koers-check/1 document that \
                schemas/check-result.schema.json describes.

                Exit status:
                  0   an outcome is eligible (or the pack has no outcomes, or none was requested)
                  2   no outcome is eligible or undetermined: all ineligible or closed
                  3   none is eligible, but one or more is undetermined: answers missing
                  Outcomes that were not requested (verdict not_requested) do not count.
                  1   error: the pack cannot be loaded or the answers file cannot be used
                  64  usage error
                """
        ).inDutchWhenAsked()

        @OptionGroup var packs: PackOptions

        @Argument(
            help: ArgumentHelp(
                "The pack: an id on the plugin path or a pack folder (default: the answers file's 'pack').",
                valueName: "pack"
            ),
            completion: PackCompletion.kind
        )
        var pack: String?

        @Option(help: ArgumentHelp("The answers file (YAML or JSON).", valueName: "file"))
        var answers: String

        @Option(
            help: ArgumentHelp(
                "Fill the questions the answers file leaves open from another session or answers file, where they mean the same (as koers interview --from; default: the file's 'from:').",
                valueName: "file"
            )
        )
        var from: String?

        @OptionGroup var evaluation: EvaluationOptions

        @Option(help: "The output format: text, markdown or json.")
        var format: CheckOutputFormat = .text

        @Option(help: ArgumentHelp("Write the result to this file instead of standard output.", valueName: "file"))
        var output: String?

        func run() async throws {
            let printer = DiagnosticPrinter(language: evaluation.diagnosticLanguage)
            let read = AnswerSource.read(atPath: answers)
            printer.print(read.diagnostics, files: read.source.map { [$0] } ?? [])
            guard let file = read.file else {
                printer.writeToStandardError(
                    "error: the answers file '\(answers)' cannot be used; nothing was checked\n"
                )
                throw ExitCode.failure
            }
            guard let reference = pack ?? file.packID else {
                printer.writeToStandardError(
                    "error: name the pack to check against (koers check <pack> --answers \(answers)), "
                        + "or write 'pack: <id>' in the answers file\n"
                )
                throw ExitCode.validationFailure
            }
            let selected = try packs.loadPack(reference, language: evaluation.diagnosticLanguage)
            let sources = read.source.map { [$0] } ?? []
            if let mismatch = file.packMismatch(with: selected.pack) {
                printer.print([mismatch], files: sources)
                throw ExitCode.failure
            }

            let date = evaluation.date.flatMap(CalendarDate.init(iso:)) ?? file.date ?? .today()
            let interview = Interview(pack: selected.pack, registry: selected.registry)
            let checked = file.answers(for: interview, on: date, language: evaluation.lang)
            if !checked.diagnostics.isEmpty {
                printer.print(checked.diagnostics, files: sources)
                let count = checked.diagnostics.count
                printer.writeToStandardError(
                    "error: \(count) \(count == 1 ? "answer" : "answers") in '\(answers)' cannot be used; "
                        + "fix \(count == 1 ? "it" : "them") and check again\n"
                )
                throw ExitCode.failure
            }

            let given = try takeOver(
                into: checked.answers,
                file: file,
                selected: selected,
                interview: interview,
                on: date
            )
            let state = interview.state(of: given, on: date, overrides: file.overrides)
            let document = EvaluationDocument(
                evaluation: state.evaluation,
                pack: selected.pack,
                language: evaluation.lang,
                openQuestionIDs: state.openQuestionIDs,
                answersFile: answers
            )
            try write(render(document), printer: printer)
            switch document.overallVerdict {
            case .eligible, .noOutcomes: return
            case .ineligible: throw ExitCode(2)
            case .undetermined: throw ExitCode(3)
            }
        }

        /// The answers of the file, with the open questions filled from `--from` (or the file's
        /// `from:`, relative to its folder) where they mean the same; notes on standard error say
        /// what was taken over and what was not.
        private func takeOver(
            into answers: AnswerSet,
            file: AnswersFile,
            selected: SelectedPack,
            interview: Interview,
            on date: CalendarDate
        ) throws -> AnswerSet {
            let path: String
            if let from {
                path = from
            } else if let written = file.from {
                path =
                    written.hasPrefix("/")
                    ? written
                    : URL(fileURLWithPath: self.answers).deletingLastPathComponent().appendingPathComponent(written)
                        .path
            } else {
                return answers
            }
            let source = try PrefillLoader(packs: packs, target: selected, language: evaluation.lang).source(
                path,
                on: date
            )
            var scratch = SessionFile(pack: selected.pack, evaluationDate: date, language: evaluation.lang)
            scratch.record(answers, by: "answers-file")
            let report = scratch.takeOver(from: source, interview: interview, by: "koers")
            let name = [source.packTitle ?? source.packID, source.label].compactMap { $0 }.joined(separator: " ")
            var notes = [
                "note: \(report.takenOver.count) \(report.takenOver.count == 1 ? "answer" : "answers") taken over from "
                    + "'\(path)' (\(name))"
            ]
            for left in report.notTakenOver {
                switch left.reason {
                case .alreadyAnswered:
                    continue
                case .differentMeaning:
                    notes.append(
                        "note: '\(left.id)' is not taken over: the question means something else in '\(selected.pack.id)'"
                    )
                case .rejected(let problem):
                    notes.append("note: '\(left.id)' is not taken over: \(problem.message.text(in: "en"))")
                }
            }
            DiagnosticPrinter().writeToStandardError(notes.joined(separator: "\n") + "\n")
            return scratch.answerSet
        }

        private func render(_ document: EvaluationDocument) throws -> String {
            switch format {
            case .text:
                return CheckTextRenderer(document: document).render()
            case .markdown:
                return CheckMarkdownRenderer(document: document).render()
            case .json:
                let data = try EvaluationDocument.encoder.encode(document)
                return String(decoding: data, as: UTF8.self) + "\n"
            }
        }

        private func write(_ text: String, printer: DiagnosticPrinter) throws {
            guard let output else {
                printer.writeToStandardOutput(text)
                return
            }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                printer.writeToStandardError("error: cannot write '\(output)': \(error.localizedDescription)\n")
                throw ExitCode.failure
            }
        }
    }
}
