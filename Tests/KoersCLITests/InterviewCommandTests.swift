import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersInterview
import KoersSession
import KoersTestSupport
import Testing

/// End-to-end tests of `koers interview` with the real binary: through a pipe, killed half-way,
/// and in a real terminal (tmux).
///
/// The answers come from the bundled pack's own test case for 2021-10-01, looked up by the
/// question the interview shows, so the tests follow the pack as it grows.
@Suite struct InterviewCommandTests {
    let script: InterviewScript

    init() throws {
        script = try InterviewScript(caseDate: "2021-10-01")
    }

    @Test func aPipedInterviewReachesThePacksVerdict() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = try script.start(in: folder)
        let run = try script.answerAll(process)
        #expect(try process.waitForExit() == 0, "\(process.errorOutput)")
        #expect(run.transcript.contains("Sessie: koers-set-eligibility-session.json (nieuw"))
        try script.expectVerdicts(in: run.transcript)
        #expect(run.transcript.contains("Bewaard in koers-set-eligibility-session.json."))

        // Every answer is in the default session file, as the pack's test case has it.
        let session = try SessionStore(path: folder.appendingPathComponent("koers-set-eligibility-session.json").path)
            .load()
        for id in run.asked {
            #expect(session.answers[id]?.state == script.expectedState(id), "\(id)")
        }
        #expect(session.evaluationDate.description == "2021-10-01")
    }

    @Test func aKnockOutEndsTheInterviewEarly() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = try script.start(in: folder)
        let run = try script.answerAll(process, overriding: ["is_care_provider": "nee"])
        #expect(try process.waitForExit() == 0, "\(process.errorOutput)")
        #expect(run.asked.contains("is_care_provider"))
        #expect(run.asked.count < script.pack.questions.count, "asked \(run.asked)")
        for outcome in ["set_regulier", "set_klein"] {
            #expect(run.transcript.contains(script.verdictLine(outcome, .ineligible)), "\(run.transcript)")
        }
        #expect(run.transcript.contains("✗ Alleen een aanbieder van zorg"))
    }

    @Test func aRejectedAnswerIsExplainedAndAskedAgain() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = try script.start(in: folder, ["--session", "s.json"])
        var rejected: String?
        let run = try script.answerAll(process) { id, question in
            guard rejected == nil, question.typeID == "money" else { return nil }
            rejected = id
            return "abc"
        }
        #expect(try process.waitForExit() == 0)
        let money = try #require(rejected, "the interview asked no money question")
        #expect(
            run.transcript.contains("> abc\n  Vul een bedrag in euro's in, bijvoorbeeld € 125.000 of 125000,50.\n> ")
        )
        try script.expectVerdicts(in: run.transcript)
        let session = try SessionStore(path: folder.appendingPathComponent("s.json").path).load()
        #expect(session.answers[money]?.state == script.expectedState(money))
        #expect(Set(session.answers.keys) == Set(run.asked), "the answers before the rejected one are kept")
    }

    @Test func theEndOfInputSavesAndSaysHowToContinue() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = try script.start(in: folder, ["--session", "s.json"])
        let run = try script.answer(process, count: 2)
        process.closeInput()
        #expect(try process.waitForExit() == 0)
        let output = process.output
        #expect(output.contains("Einde van de invoer. Gestopt. Uw 2 antwoorden zijn bewaard in s.json."), "\(output)")
        #expect(output.contains("Ga verder met: koers interview set-eligibility --session s.json"))
        #expect(
            try SessionStore(path: folder.appendingPathComponent("s.json").path).load().answers.count == run.asked.count
        )
    }

    @Test func aDamagedSessionFileIsAClearError() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{\"format\": \"koers-session/1\", \"answ".write(
            to: folder.appendingPathComponent("s.json"),
            atomically: true,
            encoding: .utf8
        )
        let result = try CommandRunner.koers(["interview", "set-eligibility", "--session", "s.json"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.standardError.hasPrefix("error: session file 's.json' is damaged: it is not valid JSON"),
            "\(result.standardError)"
        )
        #expect(result.standardOutput.isEmpty)
    }

    @Test func killedHalfWayLosesNoConfirmedAnswerAndResumes() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("session.json").path
        let process = try script.start(in: folder, ["--session", "session.json"])
        let first = try script.answer(process, count: 4)
        // Confirmed = the program asked the next question, which it does only after saving.
        try process.waitForOutput { InterviewScript.prompts(in: $0) == 5 }
        try process.wait(for: "the session file to hold 4 answers") {
            try SessionStore(path: path).load().answers.count == 4
        }
        process.send(signal: SIGKILL)
        try process.waitForExit()
        #expect(process.wasKilledBySignal)

        let saved = try SessionStore(path: path).load()
        #expect(Set(saved.answers.keys) == Set(first.asked))
        for id in first.asked {
            #expect(saved.answers[id]?.state == script.expectedState(id), "\(id)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["session.json"])

        let resumed = try script.start(in: folder, ["--session", "session.json"])
        let rest = try script.answerAll(resumed)
        #expect(try resumed.waitForExit() == 0)
        #expect(rest.transcript.contains("Sessie: session.json (4 antwoorden al gegeven; we gaan verder)"))
        #expect(Set(rest.asked).isDisjoint(with: first.asked), "answered questions are not asked again")
        try script.expectVerdicts(in: rest.transcript)
    }

    @Test func inATerminalChoicesArePickedWithArrowKeysAndAnAnswerCanBeChanged() throws {
        guard TmuxSession.executable != nil else {
            Issue.record(Comment(rawValue: TmuxSession.missingMessage))
            return
        }
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = SessionStore(path: folder.appendingPathComponent("t.json").path)
        let tmux = try TmuxSession(
            command: [
                CommandRunner.koersExecutable.path, "interview", "set-eligibility", "--date", "2021-10-01", "--session",
                "t.json",
            ],
            in: folder
        )
        defer { tmux.kill() }
        let terminal = TerminalScript(tmux: tmux, script: script)
        func saved(_ id: String) throws -> AnswerState? { try store.load().answers[id]?.state }

        // The first question is a menu: move down twice and back up, then confirm the case's choice.
        let scheme = try terminal.waitForQuestion(1)
        try #require(scheme.id == "scheme" && terminal.isMenu, "the first question is the scheme, as a menu")
        let target = try #require(scheme.options.firstIndex { .given(.text($0.id)) == script.expectedState("scheme") })
        try tmux.send(keys: "Down", "Down")
        try tmux.waitForScreen { $0.contains("> 3) \(scheme.options[2].label.text(in: "nl"))") }
        for _ in target..<2 { try tmux.send(keys: "Up") }
        try tmux.waitForScreen { $0.contains("> \(target + 1)) \(scheme.options[target].label.text(in: "nl"))") }
        try tmux.send(keys: "Enter")

        // Then answer as the case does (menus by number, the rest typed) up to a multiple choice.
        var number = 2
        var question = try terminal.waitForQuestion(number)
        #expect(try saved("scheme") == script.expectedState("scheme"))
        while question.typeID != "multiple_choice" {
            try terminal.answer(question)
            number += 1
            try #require(number < 12, "no multiple-choice question among the first ten")
            question = try terminal.waitForQuestion(number)
        }

        // The multiple choice: move to the case's option with the arrows, choose it with space.
        let multiple = question
        let chosen = try #require(
            script.testCase.answers[multiple.id].flatMap { value -> Int? in
                guard case .list(let elements, _) = value, case .text(let id)? = elements.first else { return nil }
                return multiple.options.firstIndex { $0.id == id }
            }
        )
        let label = { (index: Int) in "\(index + 1)) \(multiple.options[index].label.text(in: "nl"))" }
        for _ in 0..<chosen { try tmux.send(keys: "Down") }
        try tmux.send(keys: "Space")
        try tmux.waitForScreen { $0.contains("> [x] \(label(chosen))") }
        try tmux.send(keys: "Enter")
        _ = try terminal.waitForQuestion(number + 1)
        let first = multiple.options[chosen].id
        #expect(try saved(multiple.id) == .given(.list([.text(first)], elementType: .text)))

        // '<' goes back to it, shown as being changed with the current choice; add another option.
        try terminal.goBack()
        try tmux.waitForScreen { $0.contains("(wijzigen) ") && $0.contains("> [x] \(label(chosen))") }
        #expect(terminal.currentQuestion()?.id == multiple.id)
        let extra = try #require(multiple.options.indices.first { $0 != chosen && multiple.options[$0].id != "geen" })
        for _ in 0..<abs(chosen - extra) { try tmux.send(keys: extra < chosen ? "Up" : "Down") }
        try tmux.send(keys: "Space")
        try tmux.waitForScreen { $0.contains("> [x] \(label(extra))") }
        try tmux.send(keys: "Enter")
        let both = multiple.options.indices.filter { [chosen, extra].contains($0) }.map {
            Value.text(multiple.options[$0].id)
        }
        try tmux.waitForScreen { _ in (try? saved(multiple.id)) == .given(.list(both, elementType: .text)) }
        _ = try terminal.waitForQuestion(number + 1)

        // Ctrl-D stops; every answer stays saved.
        try tmux.send(keys: "C-d")
        let screen = try tmux.waitForScreen { $0.contains("[exited 0]") }
        #expect(screen.contains("antwoorden zijn bewaard in t.json"), "\(screen)")
        #expect(try store.load().answers.count == number)
    }
}

/// Reads the interview on a tmux screen and answers it from the script.
private struct TerminalScript {
    let tmux: TmuxSession
    let script: InterviewScript

    /// The screen's lines without the empty ones at the bottom.
    private func lines(_ screen: String) -> [Substring] {
        var lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        return lines
    }

    /// Whether a menu is waiting for keys (its hint line is last).
    var isMenu: Bool { (try? lines(tmux.screen()).last?.contains("Enter bevestigt")) == true }

    /// Waits until question `number` is shown and waits for input; returns it.
    func waitForQuestion(_ number: Int) throws -> Question {
        let screen = try tmux.waitForScreen { screen in
            let lines = lines(screen)
            guard let header = lines.last(where: { $0.hasPrefix("[") && $0.contains("] ") }),
                header.hasPrefix("[\(number)/"),
                let last = lines.last
            else { return false }
            return last == ">" || last.contains("Enter bevestigt")
        }
        guard let question = question(on: screen) else {
            throw TmuxSession.Failure(description: "no known question on the screen:\n\(screen)")
        }
        return question
    }

    /// The question whose header is shown last.
    func currentQuestion() -> Question? { (try? tmux.screen()).flatMap(question(on:)) }

    private func question(on screen: String) -> Question? {
        guard let header = lines(screen).last(where: { $0.hasPrefix("[") && $0.contains("] ") }),
            let end = header.range(of: "] ")
        else { return nil }
        var text = String(header[end.upperBound...])
        if text.hasPrefix("(wijzigen) ") { text.removeFirst("(wijzigen) ".count) }
        // A long question wraps, so the first line is the start of its text.
        return script.pack.questions.first {
            $0.text.text(in: "nl").hasPrefix(text) || text.hasPrefix($0.text.text(in: "nl"))
        }
    }

    /// Answers a question as the case does: a menu by the option's number, the rest typed.
    func answer(_ question: Question) throws {
        let input = try script.input(for: question)
        if isMenu, let index = question.options.firstIndex(where: { $0.id == input }) {
            try tmux.send(keys: String(index + 1), "Enter")
        } else {
            try tmux.type(input)
            try tmux.send(keys: "Enter")
        }
    }

    /// Goes back one question: a key in a menu, a line otherwise.
    func goBack() throws {
        if isMenu {
            try tmux.type("<")
        } else {
            try tmux.type("<")
            try tmux.send(keys: "Enter")
        }
    }
}
