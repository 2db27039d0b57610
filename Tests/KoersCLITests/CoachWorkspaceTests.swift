import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersInterview
import KoersSession
import KoersTestSupport
import Testing

/// The coach's workspace on the command line (issue 13), with the real binary.
///
/// A session that starts from another one (`--from`), the review before the verdict, a finished
/// session reopened, and the history of every change (`koers history`); the terminal parts in tmux.
///
/// Two small packs share questions: `budget` and `months` mean the same in both, `partner` has
/// an extra option in the plan (so it means something else), and each has a question of its own.
@Suite struct CoachWorkspaceTests {
    static func pack(_ id: String, partnerOptions: [String], own: String, needsPartner: Bool) -> String {
        let options = partnerOptions.map {
            "      - {id: \($0), label: {nl: \($0.capitalized), en: \($0.capitalized)}}"
        }
        return """
            id: \(id)
            version: 1.0.0
            engine: ">= 0.1"
            languages: [nl, en]
            title: {nl: \(id.capitalized)pakket, en: \(id.capitalized) pack}
            sources:
              - {id: bron, title: {nl: Bron, en: Source}, url: "https://example.org"}
            questions:
              - id: partner
                type: single_choice
                text: {nl: Welke partner?, en: Which partner?}
                options:
            \(options.joined(separator: "\n"))
              - id: budget
                type: money
                text: {nl: Wat is het budget?, en: What is the budget?}
              - id: months
                type: integer
                text: {nl: Hoeveel maanden?, en: How many months?}
                allow_unknown: true
              - id: \(own)
                type: text
                text: {nl: Vraag van \(id)?, en: Question of \(id)?}
            outcomes:
              - id: ok
                title: {nl: Goed, en: Good}
                requirements:
            \(needsPartner ? "      - {id: r_partner, condition: 'partner == \"gemeente\"', reason: {nl: Gemeente., en: Municipality.}, source: bron}" : "")
                  - {id: r_budget, condition: budget > 1000, reason: {nl: Budget., en: Budget.}, source: bron}
                  - {id: r_months, condition: months >= 6, reason: {nl: Looptijd., en: Duration.}, source: bron}
                  - {id: r_own, condition: '\(own) != ""', reason: {nl: Eigen vraag., en: Own question.}, source: bron}
            """
    }

    /// A folder with the packs `scan` and `plan` and a finished scan session `scan.json` of
    /// anna, labelled 0-meting, made with the real binary.
    static func workspace() throws -> URL {
        let folder = try Fixtures.temporaryDirectory()
        for (id, options, own, needsPartner) in [
            ("scan", ["gemeente", "zorgkantoor"], "scan_only", true),
            ("plan", ["gemeente", "zorgkantoor", "zorgverzekeraar"], "plan_only", false),
        ] {
            let packFolder = folder.appendingPathComponent(id)
            try FileManager.default.createDirectory(at: packFolder, withIntermediateDirectories: true)
            try pack(id, partnerOptions: options, own: own, needsPartner: needsPartner).write(
                to: packFolder.appendingPathComponent("pack.yaml"),
                atomically: true,
                encoding: .utf8
            )
        }
        let scan = try CommandRunner.koers(
            [
                "interview", "./scan", "--session", "scan.json", "--label", "0-meting", "--date", "2026-03-02",
                "--author", "anna",
            ],
            in: folder,
            input: "1\n# uit de begroting\n30000\n12\nklaar\n"
        )
        try #require(scan.status == 0, "\(scan.standardError)")
        return folder
    }

    static func session(_ name: String, in folder: URL) throws -> SessionFile {
        try SessionStore(path: folder.appendingPathComponent(name).path).load()
    }

    @Test func aFollowUpTakesOverTheAnswersThatMeanTheSameAndTheCoachConfirmsOrChangesEach() throws {
        guard TmuxSession.executable != nil else {
            Issue.record(Comment(rawValue: TmuxSession.missingMessage))
            return
        }
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scan = try Self.session("scan.json", in: folder)
        #expect(scan.label == "0-meting")
        #expect(scan.answers["budget"]?.noteAuthor == "anna")

        let tmux = try TmuxSession(
            command: [
                CommandRunner.koersExecutable.path, "interview", "./plan", "--from", "scan.json", "--session",
                "plan.json", "--date", "2026-09-01", "--by", "bert",
            ],
            in: folder
        )
        defer { tmux.kill() }
        // What was taken over and what was not, then the first answer to confirm.
        var screen = try tmux.waitForScreen { $0.contains("[1/3]") && $0.contains("Enter bevestigt") }
        #expect(
            screen.contains(
                "2 antwoorden overgenomen uit Scanpakket 0-meting; u loopt ze na en bevestigt (Enter) of wijzigt ze."
            ),
            "\(screen)"
        )
        #expect(screen.contains("  - partner: de vraag betekent in dit pack iets anders"), "\(screen)")
        #expect(screen.contains("[1/3] (overgenomen) Wat is het budget?"), "\(screen)")
        #expect(screen.contains("€ 30.000 — overgenomen uit Scanpakket 0-meting ("), "\(screen)")
        let plan = SessionStore(path: folder.appendingPathComponent("plan.json").path)
        #expect(try plan.load().answersAwaitingConfirmation == ["budget", "months"], "saved before the first question")

        // Enter confirms the budget; the months get a new answer.
        try tmux.send(keys: "Enter")
        try tmux.waitForScreen { $0.contains("[2/3] (overgenomen) Hoeveel maanden?") }
        #expect(try plan.load().answers["budget"]?.origin?.confirmedBy == "bert")
        try tmux.type("18")
        try tmux.send(keys: "Enter")
        try tmux.waitForScreen { $0.contains("Vraag van plan?") }
        try tmux.type("start in maart")
        try tmux.send(keys: "Enter")

        // The review: every answer in pack order, including the question left open.
        screen = try tmux.waitForScreen { $0.contains("Typ een nummer (1-4) om dat antwoord te wijzigen") }
        for line in [
            "Overzicht van de antwoorden",
            "  1. Welke partner?: (niet beantwoord)",
            "  2. Wat is het budget?: € 30.000 · notitie: uit de begroting",
            "  3. Hoeveel maanden?: 18",
            "  4. Vraag van plan?: start in maart",
        ] {
            #expect(screen.contains(line), "missing \(line) in\n\(screen)")
        }
        // Change one from the review; the review comes back with it.
        try tmux.type("1")
        try tmux.send(keys: "Enter")
        try tmux.waitForScreen { $0.contains("(wijzigen) Welke partner?") || $0.contains("] Welke partner?") }
        try tmux.send(keys: "1", "Enter")
        screen = try tmux.waitForScreen { $0.contains("  1. Welke partner?: Gemeente") }
        try tmux.send(keys: "Enter")
        screen = try tmux.waitForScreen { $0.contains("[exited 0]") }
        #expect(screen.contains("Goed: komt in aanmerking"), "\(screen)")

        let saved = try plan.load()
        #expect(saved.answers["budget"]?.state == .given(.money(30000)))
        #expect(saved.answers["budget"]?.origin?.packID == "scan")
        #expect(saved.answers["budget"]?.origin?.label == "0-meting")
        #expect(saved.answers["budget"]?.note == "uit de begroting")
        #expect(saved.answers["budget"]?.noteAuthor == "anna", "the note keeps its author")
        #expect(saved.answers["months"]?.state == .given(.number(18)))
        #expect(saved.answers["months"]?.origin == nil, "a changed answer is the coach's own")
        #expect(saved.answers["partner"]?.state == .given(.text("gemeente")))
        #expect(saved.answersAwaitingConfirmation.isEmpty)
        #expect(
            saved.history.map { "\($0.kind.rawValue) \($0.id) \($0.by)" } == [
                "taken_over budget bert", "taken_over months bert", "taken_over_confirmed budget bert",
                "answer months bert", "answer plan_only bert", "answer partner bert",
            ]
        )
    }

    @Test func aFinishedSessionReopensAtTheReviewAndBackGoesToTheLastAnswer() throws {
        guard TmuxSession.executable != nil else {
            Issue.record(Comment(rawValue: TmuxSession.missingMessage))
            return
        }
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try TmuxSession(
            command: [
                CommandRunner.koersExecutable.path, "interview", "./scan", "--session", "scan.json", "--by", "carla",
            ],
            in: folder
        )
        defer { tmux.kill() }
        var screen = try tmux.waitForScreen { $0.contains("om dat antwoord te wijzigen") }
        #expect(screen.contains("Sessie: scan.json (4 antwoorden al gegeven; we gaan verder)"), "\(screen)")
        #expect(screen.contains("  4. Vraag van scan?: klaar"), "\(screen)")
        #expect(!screen.contains("Uitslag"), "the review comes before the verdict")
        // '<' on a finished session goes back to the last answer.
        try tmux.type("<")
        try tmux.send(keys: "Enter")
        try tmux.waitForScreen { $0.contains("(wijzigen) Vraag van scan?") && $0.contains("Huidig antwoord: klaar") }
        try tmux.type("herzien")
        try tmux.send(keys: "Enter")
        screen = try tmux.waitForScreen { $0.contains("  4. Vraag van scan?: herzien") }
        try tmux.send(keys: "Enter")
        try tmux.waitForScreen { $0.contains("[exited 0]") }
        let saved = try Self.session("scan.json", in: folder)
        #expect(saved.answers["scan_only"]?.state == .given(.text("herzien")))
        #expect(saved.answers["scan_only"]?.answeredBy == "carla")
        let last = try #require(saved.history.last)
        #expect(last.kind == .answer && last.by == "carla")
        #expect(last.old == .answer(.given(.text("klaar"))) && last.new == .answer(.given(.text("herzien"))))
    }

    @Test func inATerminalMenuEnterConfirmsAChoiceTakenOverAndArrowsChangeIt() throws {
        guard TmuxSession.executable != nil else {
            Issue.record(Comment(rawValue: TmuxSession.missingMessage))
            return
        }
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A vervolgmeting of the scan: the partner is a menu with the baseline's choice marked.
        let tmux = try TmuxSession(
            command: [
                CommandRunner.koersExecutable.path, "interview", "./scan", "--from", "scan.json", "--session",
                "scan-1.json", "--label", "vervolgmeting", "--by", "bert",
            ],
            in: folder
        )
        defer { tmux.kill() }
        var screen = try tmux.waitForScreen {
            $0.contains("(overgenomen) Welke partner?") && $0.contains("Enter bevestigt")
        }
        #expect(screen.contains("4 antwoorden overgenomen uit Scanpakket 0-meting"), "\(screen)")
        #expect(screen.contains("Gemeente — overgenomen uit Scanpakket 0-meting ("), "\(screen)")
        try tmux.send(keys: "Enter")
        screen = try tmux.waitForScreen { $0.contains("(overgenomen) Wat is het budget?") }
        let store = SessionStore(path: folder.appendingPathComponent("scan-1.json").path)
        #expect(try store.load().answers["partner"]?.origin?.confirmedBy == "bert")
        // Back to the partner with '<' (a line here), then another choice with the arrows.
        try tmux.type("<")
        try tmux.send(keys: "Enter")
        try tmux.waitForScreen { $0.contains("(wijzigen) Welke partner?") && $0.contains("Enter bevestigt") }
        try tmux.send(keys: "Down", "Enter")
        try tmux.waitForScreen { _ in (try? store.load().answers["partner"]?.state) == .given(.text("zorgkantoor")) }
        let saved = try store.load()
        #expect(saved.answers["partner"]?.origin == nil, "another choice is the coach's own")
        #expect(saved.label == "vervolgmeting")
        try tmux.send(keys: "C-d")
        try tmux.waitForScreen { $0.contains("[exited 0]") }
    }

    @Test func historyPrintsEveryChangeWithItsAuthorAsTextAndJSON() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        // bert follows up through a pipe: Enter confirms, a line replaces.
        let plan = try CommandRunner.koers(
            [
                "interview", "./plan", "--from", "scan.json", "--session", "plan.json", "--date", "2026-09-01", "--by",
                "bert",
            ],
            in: folder,
            input: "\n24\nnu\n"
        )
        #expect(plan.status == 0, "\(plan.standardError)")
        #expect(plan.standardOutput.contains("overgenomen uit Scanpakket 0-meting ("), "\(plan.standardOutput)")

        let text = try CommandRunner.koers(["history", "plan.json"], in: folder)
        #expect(text.status == 0, "\(text.standardError)")
        let lines = text.standardOutput.split(separator: "\n").map { String($0) }
        #expect(lines.first == "Geschiedenis van plan.json (pack plan)")
        let expected = [
            "bert  overgenomen budget: € 30.000 (uit Scanpakket 0-meting, scan.json)",
            "bert  overgenomen months: 12 (uit Scanpakket 0-meting, scan.json)",
            "bert  overname bevestigd budget",
            "bert  antwoord months: 12 → 24",
            "bert  antwoord plan_only: nu",
        ]
        #expect(lines.count == expected.count + 2, "\(lines)")
        for (line, end) in zip(lines.dropFirst(), expected) {
            #expect(line.hasSuffix(end), "\(line) does not end with \(end)")
            #expect(line.range(of: #"^\d{4}-\d\d-\d\d \d\d:\d\d UTC  "#, options: .regularExpression) != nil, "\(line)")
        }
        #expect(lines.last == "5 wijzigingen.")

        let english = try CommandRunner.koers(["history", "scan.json", "--lang", "en"], in: folder)
        #expect(english.standardOutput.contains("anna  note budget: \"uit de begroting\""), "\(english.standardOutput)")

        let json = try CommandRunner.koers(["history", "plan.json", "--format", "json"], in: folder)
        #expect(json.status == 0)
        let document = try JSONValue.parse(json.standardOutput)
        #expect(document["session"] == .string("plan.json"))
        #expect(document["pack_id"] == .string("plan"))
        let changes = try #require(document["changes"]?.array)
        #expect(changes.count == 5)
        #expect(changes[3]["kind"] == .string("answer"))
        #expect(changes[3]["old"]?["value"] == .string("12"))
        #expect(changes[3]["new"]?["value"] == .string("24"))
        #expect(changes[0]["source"] == .string("Scanpakket 0-meting, scan.json"))

        let missing = try CommandRunner.koers(["history", "nope.json"], in: folder)
        #expect(missing.status == 1)
        #expect(missing.standardError.hasPrefix("error: session file 'nope.json' does not exist"))
    }

    @Test func answersFilesCanBeTakenOverToo() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A file of the scan pack: its questions give the meaning to compare.
        try "pack: scan\nanswers:\n  partner: gemeente\n  budget: € 50.000\n  months: weet niet\n".write(
            to: folder.appendingPathComponent("scan-answers.yaml"),
            atomically: true,
            encoding: .utf8
        )
        let other = try CommandRunner.koers(
            ["interview", "./plan", "--from", "scan-answers.yaml", "--session", "a.json", "--by", "bert"],
            in: folder,
            input: ""
        )
        #expect(other.status == 0, "\(other.standardError)")
        #expect(other.standardOutput.contains("2 antwoorden overgenomen uit Scanpakket"), "\(other.standardOutput)")
        let taken = try Self.session("a.json", in: folder)
        #expect(taken.answers["budget"]?.state == .given(.money(50000)))
        #expect(taken.answers["months"]?.state == .unknown)
        #expect(taken.answers["partner"] == nil, "it means something else in the plan")

        // A plain file for the plan itself: read with the plan's own questions.
        try "partner: zorgverzekeraar\nplan_only: zo snel mogelijk\n".write(
            to: folder.appendingPathComponent("plan-answers.yaml"),
            atomically: true,
            encoding: .utf8
        )
        let own = try CommandRunner.koers(
            ["interview", "./plan", "--from", "plan-answers.yaml", "--session", "b.json"],
            in: folder,
            input: ""
        )
        #expect(own.status == 0, "\(own.standardError)")
        let ownSession = try Self.session("b.json", in: folder)
        #expect(ownSession.answers["partner"]?.state == .given(.text("zorgverzekeraar")))
        #expect(ownSession.answersAwaitingConfirmation == ["partner", "plan_only"])

        let broken = try CommandRunner.koers(
            ["interview", "./plan", "--from", "nope.yaml", "--session", "c.json"],
            in: folder
        )
        #expect(broken.status == 1)
        #expect(
            broken.standardError.contains("error: the answers of 'nope.yaml' cannot be taken over"),
            "\(broken.standardError)"
        )
    }

    @Test func checkFillsTheQuestionsAnAnswersFileLeavesOpenFromAnotherSession() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let answers = folder.appendingPathComponent("answers")
        try FileManager.default.createDirectory(at: answers, withIntermediateDirectories: true)
        try "pack: plan\nanswers:\n  plan_only: nu\n".write(
            to: answers.appendingPathComponent("plan.yaml"),
            atomically: true,
            encoding: .utf8
        )
        let alone = try CommandRunner.koers(["check", "./plan", "--answers", "answers/plan.yaml"], in: folder)
        #expect(alone.status == 3, "undetermined without the scan's answers: \(alone.standardError)")

        let filled = try CommandRunner.koers(
            ["check", "./plan", "--answers", "answers/plan.yaml", "--from", "scan.json", "--format", "json"],
            in: folder
        )
        #expect(filled.status == 0, "\(filled.standardError)")
        #expect(
            filled.standardError == """
                note: 2 answers taken over from 'scan.json' (Scanpakket 0-meting)
                note: 'partner' is not taken over: the question means something else in 'plan'

                """
        )
        let document = try JSONValue.parse(filled.standardOutput)
        #expect(document["outcomes"]?.array?.first?["verdict"] == .string("eligible"))

        // The same with 'from:' in the file, relative to its folder.
        try "pack: plan\nfrom: ../scan.json\nanswers:\n  plan_only: nu\n".write(
            to: answers.appendingPathComponent("plan.yaml"),
            atomically: true,
            encoding: .utf8
        )
        let written = try CommandRunner.koers(["check", "./plan", "--answers", "answers/plan.yaml"], in: folder)
        #expect(written.status == 0, "\(written.standardError)")
        #expect(written.standardError.hasPrefix("note: 2 answers taken over from"), "\(written.standardError)")
    }

    @Test func aReportCanIncludeTheHistoryAndShowsANoteUnderItsOwnAuthor() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        // bert changes anna's budget (her note stays hers) and confirms the months.
        let plan = try CommandRunner.koers(
            [
                "interview", "./plan", "--from", "scan.json", "--session", "plan.json", "--date", "2026-09-01", "--by",
                "bert",
            ],
            in: folder,
            input: "35000\n\nnu\n"
        )
        #expect(plan.status == 0, "\(plan.standardError)")

        let markdown = try CommandRunner.koers(
            ["report", "plan.json", "--history", "--format", "markdown"],
            in: folder
        )
        #expect(markdown.status == 0, "\(markdown.standardError)")
        let text = markdown.standardOutput
        #expect(
            text.contains("| Wat is het budget? `budget` | € 35.000 | bert | uit de begroting (notitie van anna) |"),
            "\(text)"
        )
        #expect(text.contains("### Bijlage: geschiedenis van de wijzigingen"))
        #expect(
            text.contains(
                " | bert | overgenomen | Wat is het budget? `budget` | € 30.000 (uit Scanpakket 0-meting, scan.json) |"
            ),
            "\(text)"
        )
        #expect(text.contains(" | bert | antwoord | Wat is het budget? `budget` | € 30.000 → € 35.000 |"), "\(text)")
        #expect(text.contains(" | bert | overname bevestigd | Hoeveel maanden? `months` |  |"), "\(text)")

        let json = try CommandRunner.koers(["report", "plan.json", "--history", "--format", "json"], in: folder)
        #expect(json.status == 0, "\(json.standardError)")
        let document = try JSONValue.parse(json.standardOutput)
        func load(_ name: String) throws -> JSONValue {
            try JSONValue.parse(
                String(contentsOf: Fixtures.packageRoot.appendingPathComponent("schemas/\(name)"), encoding: .utf8)
            )
        }
        let checker = SchemaChecker(
            schema: try load("report.schema.json"),
            external: ["check-result.schema.json": try load("check-result.schema.json")]
        )
        let problems = checker.check(document)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        let history = try #require(document["sessions"]?.array?.first?["history"]?.array)
        #expect(history.count == 5)
        #expect(history.first?["kind"] == .string("taken_over"))
        #expect(history.first?["source"] == .string("Scanpakket 0-meting, scan.json"))

        // Without --history the report is as before, without the key.
        let plain = try CommandRunner.koers(["report", "plan.json", "--format", "json"], in: folder)
        #expect(try JSONValue.parse(plain.standardOutput)["sessions"]?.array?.first?["history"] == nil)
        let html = try CommandRunner.koers(["report", "plan.json", "--history"], in: folder)
        #expect(
            html.standardOutput.contains("<h3 id=\"session-1-history\">Bijlage: geschiedenis van de wijzigingen</h3>")
        )
    }

    // MARK: The bundled packs

    /// A whole maturity scan with a business case, from the bundled pack's own test cases, saved
    /// as anna's 0-meting.
    static func bundledBaseline(in folder: URL) throws -> (scan: Interview, session: SessionFile) {
        let registry = try BuiltinPlugins.registry()
        func load(_ id: String) throws -> Interview {
            let result = RulePackLoader(registry: registry).load(
                directory: Fixtures.rulesDirectory.appendingPathComponent(id).path
            )
            let pack = try #require(result.pack, "\(result.diagnostics)")
            return Interview(pack: pack, registry: registry)
        }
        let scan = try load("maturity-scan")
        // The whole scan from the case with the most scan answers, the business case from the
        // case with the largest one.
        func count(_ testCase: PackTestCase, businessCase: Bool) -> Int {
            testCase.answers.keys.filter { $0.hasPrefix("bc_") == businessCase }.count
        }
        let whole = try #require(
            scan.pack.testCases.max { count($0, businessCase: false) < count($1, businessCase: false) }
        )
        let model = try #require(
            scan.pack.testCases.max { count($0, businessCase: true) < count($1, businessCase: true) }
        )
        var values = whole.answers.filter { !$0.key.hasPrefix("bc_") }
        values.merge(model.answers.filter { $0.key.hasPrefix("bc_") }) { first, _ in first }
        let date = try #require(CalendarDate(year: 2026, month: 3, day: 2))
        var session = SessionFile(pack: scan.pack, evaluationDate: date, language: "nl")
        session.label = "0-meting"
        let answers = scan.answers(from: values.mapValues { AnswerInput.value($0) }, on: date)
        #expect(answers.issues.isEmpty, "\(answers.issues)")
        session.record(answers.answers, by: "anna")
        try SessionStore(path: folder.appendingPathComponent("scan-0.json").path).save(session)
        return (scan, session)
    }

    @Test func theStappenplanStartsWithTheScansBusinessCaseAndAFollowUpWithTheBaseline() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (scan, baseline) = try Self.bundledBaseline(in: folder)
        let businessCase = baseline.answers.keys.filter { $0.hasPrefix("bc_") }
        try #require(businessCase.count > 5, "the baseline has a business case")

        // The stappenplan: the business case is answered once, in the scan.
        let plan = try CommandRunner.koers(
            ["interview", "stappenplan", "--from", "scan-0.json", "--session", "plan.json", "--by", "bert"],
            in: folder
        )
        #expect(plan.status == 0, "\(plan.standardError)")
        #expect(
            plan.standardOutput.contains("overgenomen uit Maturity scan implementatie digitale zorg 0-meting;"),
            "\(plan.standardOutput)"
        )
        let planned = try Self.session("plan.json", in: folder)
        for id in businessCase {
            #expect(planned.answers[id]?.state == baseline.answers[id]?.state, "\(id)")
            #expect(planned.answers[id]?.origin?.packID == "maturity-scan", "\(id)")
        }

        // The vervolgmeting starts from the 0-meting; Enter confirms each answer in turn.
        let followUp = try CommandRunner.koers(
            [
                "interview", "maturity-scan", "--from", "scan-0.json", "--session", "scan-1.json", "--label",
                "vervolgmeting", "--date", "2026-09-01", "--by", "bert",
            ],
            in: folder,
            input: String(repeating: "\n", count: baseline.answers.count + 20)
        )
        #expect(followUp.status == 0, "\(followUp.standardError)")
        #expect(followUp.standardOutput.contains("(overgenomen)"))
        let measured = try Self.session("scan-1.json", in: folder)
        #expect(measured.label == "vervolgmeting")
        for (id, answer) in baseline.answers {
            #expect(measured.answers[id]?.state == answer.state, "\(id): every answer of the baseline, unchanged")
        }
        // Optional questions the baseline left open were asked; the empty lines skipped them.
        for (id, answer) in measured.answers where baseline.answers[id] == nil {
            #expect(answer.state == .skipped, "\(id)")
        }
        // Every answer that counts was shown and confirmed; only those of questions that do not
        // apply wait (they are never asked).
        let evaluation = scan.evaluator.evaluate(measured.answerSet, on: measured.evaluationDate)
        for id in measured.answersAwaitingConfirmation {
            #expect(evaluation.question(id)?.relevance == .irrelevant, "\(id) was not confirmed")
        }
        let confirmed = measured.history.filter { $0.kind == .takenOverConfirmed }
        #expect(confirmed.count == baseline.answers.count - measured.answersAwaitingConfirmation.count)
        #expect(confirmed.allSatisfy { $0.by == "bert" })
    }
}
