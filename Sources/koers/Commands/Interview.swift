import ArgumentParser
import Foundation
import KoersCore
import KoersInterview
import KoersPresentation
import KoersSession

extension KoersCommand {
    /// `koers interview`: the interview in the terminal, saved after every answer.
    ///
    /// Named `InterviewCommand` rather than `Interview` so that, inside `KoersCommand`, the name
    /// `Interview` still means the engine's ``KoersInterview/Interview`` for the other commands.
    struct InterviewCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "interview",
            abstract: "Answer a pack's questions in the terminal and get the verdict, with its reasons and sources.",
            discussion: """
                Asks only the questions that can still change a result, in the pack's order, and ends \
                with the verdict per outcome, the amounts, the rules that decided it (with the answers \
                they used and their sources), the scores and the recommendations.

                At the prompt: ? shows the question's help; < goes back to the previous answer to \
                change it (what depends on it follows); ?? (or 'weet niet', "don't know") answers \
                "I don't know" where the question allows it; an empty line skips an optional \
                question; '# text' keeps a note with the answer. In a terminal, choices can be \
                picked with the arrow keys (space chooses in a multiple choice, Enter confirms); \
                numbers and names work everywhere. Colours are off when NO_COLOR is set or the \
                output is not a terminal.

                The session is always saved, atomically, after every accepted answer: to \
                --session FILE, or else to koers-<pack id>-session.json in the current folder. \
                Running the command again with the same file continues where it stopped (and says \
                what changed when the pack changed since), on the session's date unless --date is given. At the end of input (Ctrl-D or the end \
                of a pipe) koers stops with exit code 0; nothing saved is lost.

                --from FILE takes over the answers of another session (koers-session/1, of this \
                pack or another one, such as a 0-meting for a vervolgmeting, or the maturity scan \
                for the stappenplan) or of an answers file: every answer to a question with the \
                same id and the same meaning (type and options) that this session has not \
                answered yet. Each is marked with where it came from and asked again in turn: \
                Enter confirms it, another answer replaces it. Answers to questions that mean \
                something else here are listed and not taken over. --label names the session \
                (such as 0-meting), as later sessions taken over from it show.

                In a terminal, when every question that matters is answered, all answers are \
                shown for review: type a number to change one, Enter shows the result. A finished \
                session opened again starts at that review.

                Every change of an answer or note is kept in the session file with who made it \
                and when; koers history FILE shows it.
                """
        ).inDutchWhenAsked()

        @Argument(
            help: "The pack: an id on the plugin path (such as set-eligibility) or a pack folder.",
            completion: PackCompletion.kind
        )
        var pack: String

        @Option(
            name: .customLong("session"),
            help: ArgumentHelp(
                "The session file to continue, or to create (default: koers-<pack id>-session.json in the current folder).",
                valueName: "file"
            )
        )
        var sessionPath: String?

        @Option(
            name: [.customLong("by"), .customLong("author")],
            help: ArgumentHelp(
                "Who gives the answers, saved with each one and in the history (default: $USER).",
                valueName: "name"
            )
        )
        var by: String?

        @Option(
            help: ArgumentHelp(
                "Take over the answers of another session or answers file (see below).",
                valueName: "file"
            )
        )
        var from: String?

        @Option(help: ArgumentHelp("A label for the session, such as 0-meting or vervolgmeting.", valueName: "text"))
        var label: String?

        @OptionGroup var evaluation: EvaluationOptions

        @OptionGroup var packs: PackOptions

        func run() throws {
            let selected = try packs.loadPack(pack, language: evaluation.diagnosticLanguage)
            let interview = Interview(pack: selected.pack, registry: selected.registry)
            let path = sessionPath ?? "koers-\(selected.pack.id)-session.json"
            let store = SessionStore(path: path)
            let capabilities = TerminalCapabilities.detect()
            let console = Console(usesColour: capabilities.usesColour)
            let texts = InterviewTexts(language: evaluation.lang)

            let person = by ?? SessionFile.defaultPerson()
            var session: SessionFile
            var changes: PackChangeReport?
            var prefill: (report: PrefillReport, source: String)?
            do {
                if store.exists {
                    (session, changes) = try store.open(for: interview)
                    if evaluation.date != nil { session.evaluationDate = evaluation.evaluationDate }
                    session.language = evaluation.lang
                } else {
                    session = SessionFile(
                        pack: selected.pack,
                        evaluationDate: evaluation.evaluationDate,
                        language: evaluation.lang
                    )
                }
                if let label { session.label = label.isEmpty ? nil : label }
                if let from {
                    let source = try PrefillLoader(packs: packs, target: selected, language: evaluation.lang)
                        .source(from, on: session.evaluationDate)
                    let report = session.takeOver(from: source, interview: interview, by: person)
                    let name = [source.packTitle ?? source.packID, source.label].compactMap { $0 }.joined(
                        separator: " "
                    )
                    prefill = (report, name)
                }
                try store.save(session)
            } catch let exit as ExitCode {
                throw exit
            } catch {
                console.error("error: \(error)")
                throw ExitCode.failure
            }

            let formatter = ValueFormatter(language: evaluation.lang)
            let printer = ResultPrinter(pack: selected.pack, language: evaluation.lang, console: console)
            console.line(console.styled("Koers — \(selected.pack.manifest.title.text(in: evaluation.lang))", .bold))
            console.line(texts.evaluationDate(formatter.format(session.evaluationDate)))
            if let changes {
                console.line(texts.resumedSession(path, answers: session.answers.count))
                printer.print(changes)
            } else {
                console.line(texts.newSession(path))
            }
            if let prefill { printer.print(prefill.report, source: prefill.source, texts: texts) }

            let terminal = TerminalInterview(
                interview: interview,
                session: session,
                store: store,
                person: person,
                capabilities: capabilities,
                console: console,
                input: InputReader()
            )
            let ending: TerminalInterview.Ending
            do {
                ending = try terminal.run()
            } catch {
                console.error("error: \(error)")
                throw ExitCode.failure
            }
            let resume = "koers interview \(pack) --session \(path)"
            switch ending {
            case .complete(let state):
                printer.print(state.evaluation, session: terminal.session)
                console.line()
                console.line(texts.savedIn(path))
            case .endOfInput:
                console.line(
                    texts.endOfInput + " "
                        + texts.stopped(answers: terminal.session.answers.count, path: path, command: resume)
                )
            case .interrupted:
                console.line(texts.stopped(answers: terminal.session.answers.count, path: path, command: resume))
                throw ExitCode(130)
            }
        }
    }
}
