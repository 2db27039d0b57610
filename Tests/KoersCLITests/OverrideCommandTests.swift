import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersInterview
import KoersSession
import KoersTestSupport
import Testing

/// End-to-end tests of `koers override` with the real binary: a maturity scan session made by
/// `koers interview` through a pipe, a domain score overridden by one person and confirmed by
/// another, and the errors a person can make on the way.
@Suite struct OverrideCommandTests {
    let pack: RulePack
    let testCase: PackTestCase
    /// What `koers interview` is sent: the case's answer to each question it asks, one a line.
    let typedAnswers: String
    /// The score that is overridden, and its value as the case's answers compute it.
    let score: Score
    let computed: Decimal

    static let environment = ["NO_COLOR": "1", "USER": "anna"]

    /// Loads the bundled maturity scan and picks its first test case that answers every question
    /// the interview asks.
    init() throws {
        let registry = try BuiltinPlugins.registry()
        let rules = ProcessInfo.processInfo.environment["KOERS_RULES"].flatMap {
            $0.isEmpty ? nil : URL(fileURLWithPath: $0)
        }
        let result = RulePackLoader(registry: registry).load(
            directory: (rules ?? Fixtures.rulesDirectory).appendingPathComponent("maturity-scan").path
        )
        let pack = try #require(result.pack, "\(result.diagnostics)")
        let interview = Interview(pack: pack, registry: registry)
        var chosen: (PackTestCase, [String], AnswerSet)?
        for testCase in pack.testCases where testCase.overrides.isEmpty {
            if let (lines, answers) = Self.script(testCase, in: interview) {
                chosen = (testCase, lines, answers)
                break
            }
        }
        let (testCase, lines, answers) = try #require(chosen, "no maturity-scan case answers every question asked")
        let score = try #require(pack.scores.first { $0.id == "domain_user" })
        let evaluation = interview.evaluator.evaluate(answers, on: testCase.date ?? .today())
        self.pack = pack
        self.testCase = testCase
        self.typedAnswers = (lines + [""]).joined(separator: "\n") + "\n"
        self.score = score
        self.computed = try #require(
            evaluation.scores.first { $0.score.id == score.id }?.computed.value?.decimalValue,
            "case '\(testCase.name)' does not compute domain_user"
        )
    }

    /// The lines a person types to answer an interview from a case, or `nil` when the interview
    /// asks something the case leaves open.
    private static func script(_ testCase: PackTestCase, in interview: Interview) -> ([String], AnswerSet)? {
        let date = testCase.date ?? .today()
        var answers = AnswerSet()
        var lines: [String] = []
        while let question = interview.state(of: answers, on: date).nextQuestion {
            if let special = testCase.specialAnswers[question.id] {
                answers[question.id] = special == .unknown ? .unknown : .skipped
                lines.append(special == .unknown ? "??" : "-")
            } else if let value = testCase.answers[question.id] {
                answers[question.id] = .given(value)
                lines.append(typed(value))
            } else {
                return nil
            }
        }
        return (lines, answers)
    }

    private static func typed(_ value: Value) -> String {
        switch value {
        case .boolean(let flag): flag ? "ja" : "nee"
        case .text(let text): text
        case .list(let elements, _): elements.isEmpty ? "geen" : elements.map(typed).joined(separator: ", ")
        case .money, .number, .percentage, .date: value.description
        }
    }

    /// The Dutch label of the level a value reaches.
    private func level(_ value: Decimal) -> String {
        score.levels.last { value >= $0.minimum }?.label.text(in: "nl") ?? ""
    }

    private func koers(_ arguments: [String], in folder: URL, input: String = "") throws -> CommandRunner.Output {
        try CommandRunner.koers(arguments, in: folder, environment: Self.environment, input: input)
    }

    /// Runs the interview through a pipe into `s.json` in the folder.
    private func makeSession(in folder: URL) throws {
        var arguments = ["interview", "maturity-scan", "--session", "s.json"]
        if let date = testCase.date { arguments += ["--date", date.description] }
        let run = try koers(arguments, in: folder, input: typedAnswers)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("Bewaard in s.json."), "\(run.standardOutput)")
    }

    private func contents(_ folder: URL) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent("s.json"))
    }

    private func load(_ folder: URL) throws -> SessionFile {
        try SessionStore(path: folder.appendingPathComponent("s.json").path).load()
    }

    @Test func oneSetsADomainScoreAnotherConfirmsIt() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try makeSession(in: folder)
        let computedText = "\(computed)"
        let value: Decimal = computed == 4 ? 3 : 4
        let valueText = "\(value)"

        // Shown before anything is set.
        let shown = try koers(["override", "s.json", "domain_user"], in: folder)
        #expect(shown.status == 0, "\(shown.standardError)")
        #expect(
            shown.standardOutput.contains("Berekend:   \(computedText) (\(level(computed)))"),
            "\(shown.standardOutput)"
        )
        #expect(shown.standardOutput.contains("Aangepast:  nee (de berekende waarde telt)"))

        // Set by anna ($USER).
        let set = try koers(
            ["override", "s.json", "domain_user", valueText, "--justification", "Gebruikerspanel sinds maart"],
            in: folder
        )
        #expect(set.status == 0, "\(set.standardError)")
        #expect(set.standardError.isEmpty)
        #expect(
            set.standardOutput.contains("Berekend:   \(computedText) (\(level(computed)))"),
            "\(set.standardOutput)"
        )
        #expect(set.standardOutput.contains("Aangepast:  \(valueText) (\(level(value))) door anna op "))
        #expect(set.standardOutput.contains("Reden:      Gebruikerspanel sinds maart"))
        #expect(set.standardOutput.contains("Bevestigd:  nog niet; een tweede persoon bevestigt met: "))
        #expect(set.standardOutput.contains("Telt:       \(valueText) (\(level(value)))"))
        #expect(set.standardOutput.hasSuffix("Bewaard in s.json.\n"))
        var record = try #require(try load(folder).scoreOverrides["domain_user"])
        #expect(record.value == value && record.by == "anna" && record.justification == "Gebruikerspanel sinds maart")
        #expect(!record.isConfirmed)
        var text = String(decoding: try contents(folder), as: UTF8.self)
        #expect(text.contains("\"value\" : \"\(valueText)\""))
        #expect(!text.contains("confirmed_by"))

        // anna cannot confirm her own override (given as $USER, or by name in another case).
        let unsaved = try contents(folder)
        for arguments in [["--confirm"], ["--confirm", "--by", " Anna"]] {
            let refused = try koers(["override", "s.json", "domain_user"] + arguments, in: folder)
            #expect(refused.status == 1)
            #expect(
                refused.standardError.hasPrefix(
                    "error: the override of 'domain_user' was set by 'anna', who cannot also confirm it; "
                        + "a second person must confirm it"
                ),
                "\(refused.standardError)"
            )
            #expect(refused.standardOutput.isEmpty)
            #expect(try contents(folder) == unsaved, "a refused confirmation leaves the file as it was")
        }

        // bert confirms, in English.
        let confirmed = try koers(
            ["override", "s.json", "domain_user", "--confirm", "--by", "bert", "--lang", "en"],
            in: folder
        )
        #expect(confirmed.status == 0, "\(confirmed.standardError)")
        #expect(confirmed.standardOutput.contains("Override:   \(valueText) "), "\(confirmed.standardOutput)")
        #expect(confirmed.standardOutput.contains(" by anna at "))
        #expect(confirmed.standardOutput.contains("Confirmed:  by bert at "))
        #expect(confirmed.standardOutput.hasSuffix("Saved in s.json.\n"))
        record = try #require(try load(folder).scoreOverrides["domain_user"])
        #expect(record.by == "anna" && record.confirmedBy == "bert" && record.confirmedAt != nil)
        text = String(decoding: try contents(folder), as: UTF8.self)
        #expect(text.contains("\"by\" : \"anna\""))
        #expect(text.contains("\"confirmed_by\" : \"bert\""))
        #expect(text.contains("\"confirmed_at\" : \""))

        // The interview's result shows both; the check still reads the session.
        let result = try koers(["interview", "maturity-scan", "--session", "s.json"], in: folder, input: "\n")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput.contains(
                "\(score.title.text(in: "nl")): \(valueText) (\(level(value))); aangepast door anna, bevestigd door bert, "
                    + "berekend: \(computedText); reden: Gebruikerspanel sinds maart"
            ),
            "\(result.standardOutput)"
        )
        let check = try koers(["check", "--answers", "s.json", "--format", "json"], in: folder)
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.standardOutput.contains("\"justification\" : \"Gebruikerspanel sinds maart\""))

        // A value out of range is refused and changes nothing.
        let saved = try contents(folder)
        for wrong in ["\(score.maximum + 1)", "0", "abc"] {
            let refused = try koers(["override", "s.json", "domain_user", wrong, "--justification", "x"], in: folder)
            #expect(refused.status == 1)
            #expect(refused.standardError.hasPrefix("error: "), "\(refused.standardError)")
            #expect(
                refused.standardError.contains("from \(score.minimum) to \(score.maximum)"),
                "\(refused.standardError)"
            )
            #expect(try contents(folder) == saved)
        }
        let tooHigh = score.maximum + 2
        let outOfRange = try koers(["override", "s.json", "domain_user", "\(tooHigh)"], in: folder)
        #expect(
            outOfRange.standardError
                == "error: \(tooHigh) is outside the range of 'domain_user'; give a value from \(score.minimum) to \(score.maximum)\n",
            "\(outOfRange.standardError)"
        )

        // Another value clears the confirmation; removing brings back the computed value.
        let changed = try koers(["override", "s.json", "domain_user", "\(score.minimum)"], in: folder)
        #expect(changed.status == 0, "\(changed.standardError)")
        #expect(changed.standardOutput.contains("De bevestiging door bert vervalt: de aanpassing is gewijzigd."))
        record = try #require(try load(folder).scoreOverrides["domain_user"])
        #expect(record.value == score.minimum && record.justification == "Gebruikerspanel sinds maart")
        #expect(!record.isConfirmed)
        let removed = try koers(["override", "s.json", "domain_user", "--remove"], in: folder)
        #expect(removed.status == 0, "\(removed.standardError)")
        #expect(removed.standardOutput.contains("Aanpassing verwijderd. Bewaard in s.json."))
        #expect(try load(folder).scoreOverrides.isEmpty)
    }

    /// A computed score (no override) is verified by a second person, another disputed with a
    /// reason; the person who gave the answers cannot; the file, the history and every report
    /// show who checked which score, when and why.
    @Test func aSecondPersonVerifiesOrDisputesComputedScores() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try makeSession(in: folder)
        let other = try #require(pack.scores.first { $0.id != "domain_user" })

        // anna ($USER) answered everything: she cannot verify a computed score.
        let unsaved = try contents(folder)
        let refused = try koers(["override", "s.json", "domain_user", "--verify"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("'anna' last changed what score 'domain_user' rests on"), "\(refused.standardError)")
        #expect(try contents(folder) == unsaved)
        let noReason = try koers(["override", "s.json", "domain_user", "--dispute", " ", "--by", "bert"], in: folder)
        #expect(noReason.status == 1 && noReason.standardError.contains("say why score 'domain_user' is disputed"))

        let verified = try koers(["override", "s.json", "domain_user", "--verify", "--by", "bert"], in: folder)
        #expect(verified.status == 0, "\(verified.standardError)")
        #expect(verified.standardOutput.contains("geverifieerd door bert, "), "\(verified.standardOutput)")
        let disputed = try koers(
            ["override", "s.json", other.id, "--dispute", "Geen testrapport gezien", "--by", "carla"], in: folder
        )
        #expect(disputed.status == 0, "\(disputed.standardError)")
        #expect(disputed.standardOutput.contains("betwist door carla, "))

        let session = try load(folder)
        #expect(session.scoreVerifications["domain_user"]?.status == .verified)
        #expect(session.scoreVerifications["domain_user"]?.by == "bert")
        #expect(session.scoreVerifications["domain_user"]?.computed == computed)
        #expect(session.scoreVerifications[other.id]?.reason == "Geen testrapport gezien")
        #expect(session.history.suffix(2).map(\.kind) == [.scoreVerified, .scoreDisputed])
        #expect(String(decoding: try contents(folder), as: UTF8.self).contains("\"score_verifications\" : {"))

        for format in ["markdown", "html"] {
            let report = try koers(["report", "s.json", "--format", format], in: folder)
            #expect(report.status == 0, "\(report.standardError)")
            #expect(report.standardOutput.contains("geverifieerd door bert, "), "\(format)")
            #expect(report.standardOutput.contains("betwist door carla, "), "\(format)")
            #expect(report.standardOutput.contains("Geen testrapport gezien"), "\(format)")
        }
        let csv = try koers(["report", "s.json", "--format", "csv"], in: folder)
        #expect(csv.standardOutput.contains(",verification,domain_user,bert,verified,"), "\(csv.standardOutput)")
        #expect(csv.standardOutput.contains(",verification,\(other.id),carla,disputed,"))
        let json = try koers(["report", "s.json", "--format", "json"], in: folder)
        #expect(json.standardOutput.contains("\"verification\" : {"), "\(json.standardOutput.prefix(400))")
        let history = try koers(["history", "s.json"], in: folder)
        #expect(history.standardOutput.contains("score geverifieerd domain_user"), "\(history.standardOutput)")
        // The interview's result screen shows each check under its score.
        let screen = try koers(["interview", "maturity-scan", "--session", "s.json"], in: folder, input: "\n")
        #expect(screen.status == 0, "\(screen.standardError)")
        #expect(screen.standardOutput.contains("\n    geverifieerd door bert, "), "\(screen.standardOutput)")
        #expect(screen.standardOutput.contains("\n    betwist door carla, ") && screen.standardOutput.contains(": Geen testrapport gezien"))

        // A changed override makes the check outdated, and the report says so.
        _ = try koers(["override", "s.json", "domain_user", "\(score.minimum)", "--justification", "Test", "--by", "dirk"], in: folder)
        let outdated = try koers(["report", "s.json", "--format", "markdown"], in: folder)
        #expect(outdated.standardOutput.contains("score sindsdien gewijzigd"), "\(outdated.standardOutput)")
    }

    @Test func mistakesAreClearErrors() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A minimal session written directly: no answers, so the score cannot be computed yet.
        let json = """
            {
              "created_at" : "2024-05-01T09:30:00Z",
              "evaluation_date" : "2024-05-01",
              "format" : "koers-session/1",
              "pack_id" : "maturity-scan",
              "pack_version" : "\(pack.manifest.version)"
            }
            """
        try json.write(to: folder.appendingPathComponent("s.json"), atomically: true, encoding: .utf8)
        let original = try contents(folder)

        let cases: [([String], String)] = [
            (["domian_user"], "error: pack 'maturity-scan' has no score 'domian_user'; did you mean 'domain_user'?\n"),
            (
                ["domain_user", "4"],
                "error: a new override needs a justification: why the computed value does not fit; "
                    + "add --justification \"…\"\n"
            ),
            (
                ["domain_user", "4", "--justification", "  "],
                "error: a new override needs a justification: why the computed value does not fit; add --justification \"…\"\n"
            ),
            (
                ["domain_user", "--confirm", "--by", "bert"],
                "error: score 'domain_user' has no override to confirm; set one first: "
                    + "koers override s.json domain_user VALUE --justification \"…\"\n"
            ),
            (["domain_user", "--remove"], "error: score 'domain_user' has no override; there is nothing to remove\n"),
            (
                ["domain_user", "4", "--confirm"],
                "error: give either a VALUE (to set the override), or --confirm, or --remove; a second person confirms an override after it is set\n"
            ),
            (["domain_user", "--lang", "de"], "error: --lang must be nl or en, not 'de'\n"),
        ]
        for (arguments, message) in cases {
            let run = try koers(["override", "s.json"] + arguments, in: folder)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.standardError == message, "\(arguments)")
            #expect(run.standardOutput.isEmpty, "\(arguments)")
        }
        #expect(try contents(folder) == original)

        let missing = try koers(["override", "nothing.json", "domain_user"], in: folder)
        #expect(missing.status == 1)
        #expect(missing.standardError.hasPrefix("error: session file 'nothing.json' does not exist"))

        let shown = try koers(["override", "s.json", "domain_user", "--lang", "en"], in: folder)
        #expect(shown.status == 0, "\(shown.standardError)")
        #expect(shown.standardOutput.contains("Computed:   cannot be computed yet ("), "\(shown.standardOutput)")
        #expect(shown.standardOutput.contains("Override:   none (the computed value counts)"))
    }
}
