import Foundation
import KoersTestSupport
import Testing

/// End-to-end tests of `koers check` with the real binary and the example answer files.
@Suite struct CheckCommandTests {
    static let setKlein = "examples/answers/set-klein-2021.yaml"
    static let preset = "examples/answers/preset-2020.json"
    static let notAProvider = "examples/answers/not-a-care-provider.yaml"

    // MARK: Formats

    @Test func textInDutchGivesVerdictExplanationAmountAnswersAndSources() throws {
        let result = try CommandRunner.koers(["check", "--answers", Self.setKlein])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.standardError.isEmpty)
        let text = result.standardOutput
        #expect(text.contains("Datum: 1 oktober 2021 · Antwoorden: examples/answers/set-klein-2021.yaml"))
        #expect(text.contains("SET klein (klein innovatiecluster): KOMT IN AANMERKING"))
        #expect(
            text.contains("  Op 1 oktober 2021 komt u in aanmerking voor SET klein (klein innovatiecluster): aan alle")
        )
        #expect(text.contains("  Maximale subsidie: € 60.000"))
        #expect(text.contains("SET regulier (groot innovatiecluster): KOMT NIET IN AANMERKING"))
        #expect(
            text.contains(
                "    ✗ groot_from_125000: SET regulier (groot innovatiecluster) is voor een subsidie vanaf € 125.000"
            )
        )
        #expect(text.contains("        Antwoorden: is_care_provider = ja"))
        #expect(text.contains("        Antwoorden: purchaser_partners = Zorgkantoor, Gemeente"))
        #expect(text.contains("        Bron: RVO, SET - voorwaarden"))
        // Schemes the person did not ask about are "niet gevraagd", not undecided.
        #expect(text.contains("PréSET / SET Visievorming E-health: NIET GEVRAAGD"))
        #expect(text.contains("Berekende waarden\n  Totale projectkosten: € 120.000\n"))
        #expect(text.contains("  Eigen bijdrage (aanvrager en deelnemers samen, inclusief e-healthkosten boven de grens): € 60.000"))
    }

    @Test func textInEnglish() throws {
        let result = try CommandRunner.koers(["check", "--answers", Self.setKlein, "--lang", "en"])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let text = result.standardOutput
        #expect(text.contains("Date: 1 October 2021 · Answers: examples/answers/set-klein-2021.yaml"))
        #expect(text.contains("SET small (small innovation cluster): ELIGIBLE"))
        #expect(text.contains("  On 1 October 2021 you qualify for SET small (small innovation cluster): all"))
        #expect(text.contains("  Maximum subsidy: €60,000"))
        #expect(text.contains("SET regular (large innovation cluster): NOT ELIGIBLE"))
        #expect(text.contains("  Decisive requirements:"))
        #expect(text.contains("        Answers: is_care_provider = yes"))
        #expect(text.contains("        Source: RVO, SET - conditions"))
        #expect(text.contains("Calculated values\n  Total project costs: €120,000\n"))
    }

    @Test func textListsOpenQuestionsOfAnUnfinishedCheck() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "scheme: set\nis_care_provider: ja\n".write(
            to: folder.appendingPathComponent("half.yaml"),
            atomically: true,
            encoding: .utf8
        )
        let result = try CommandRunner.koers(
            ["check", "set-eligibility", "--answers", "half.yaml", "--date", "2021-10-01", "--lang", "en"],
            in: folder
        )
        #expect(result.status == 3, "stderr: \(result.standardError)")
        #expect(result.standardOutput.contains("SET small (small innovation cluster): UNDETERMINED"))
        #expect(result.standardOutput.contains("  Still needed: purchaser_partners, proven_ehealth"))
        #expect(
            result.standardOutput.contains(
                "Open questions\n  These questions can still change the result:\n  - purchaser_partners: "
            )
        )
    }

    @Test func markdownIsADocumentWithHeadingsAndTables() throws {
        let result = try CommandRunner.koers(["check", "--answers", Self.setKlein, "--format", "markdown"])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let markdown = result.standardOutput
        #expect(markdown.hasPrefix("# Subsidiecheck Stimuleringsregeling E-health Thuis (SET)\n"))
        #expect(markdown.contains("| Datum | 1 oktober 2021 |"))
        #expect(markdown.contains("\n## Uitkomsten\n"))
        #expect(
            markdown.contains(
                "| SET klein (klein innovatiecluster) | **komt in aanmerking** | Maximale subsidie: € 60.000 |"
            )
        )
        #expect(markdown.contains("\n### SET klein (klein innovatiecluster): komt in aanmerking\n"))
        #expect(markdown.contains("| Maximale subsidie | € 60.000 |"))
        #expect(markdown.contains("| | Eis | Antwoorden | Bronnen |"))
        #expect(
            markdown.contains(
                "| ✓ | Uw organisatie is een aanbieder van zorg of ondersteuning (Zvw, Wlz of Wmo). | "
                    + "Is uw organisatie een aanbieder van zorg of ondersteuning onder de Zvw, de Wlz of de Wmo? **ja** | RVO"
            )
        )
        #expect(markdown.contains("\n## Berekende waarden\n"))
        // Every table row has as many cells as its header.
        for line in markdown.split(separator: "\n") where line.hasPrefix("| ✓") || line.hasPrefix("| ✗") {
            #expect(line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 5, "\(line)")
        }
    }

    @Test func jsonIsStableAndMatchesTheSchema() throws {
        let result = try CommandRunner.koers(["check", "--answers", Self.setKlein, "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let document = try JSONValue.parse(result.standardOutput)
        let schema = try JSONValue.parse(
            String(
                contentsOf: Fixtures.packageRoot.appendingPathComponent("schemas/check-result.schema.json"),
                encoding: .utf8
            )
        )
        let problems = SchemaChecker(schema: schema).check(document)
        #expect(problems.isEmpty, "\(problems)")

        #expect(document["format"] == .string("koers-check/1"))
        #expect(document["pack"]?["id"] == .string("set-eligibility"))
        #expect(document["date"] == .string("2021-10-01"))
        #expect(document["language"] == .string("nl"))
        #expect(document["answers_file"] == .string(Self.setKlein))
        #expect(document["overall_verdict"] == .string("eligible"))
        let outcomes = try #require(document["outcomes"]?.array)
        let verdicts = outcomes.compactMap { outcome in
            outcome["id"]?.string.map { ($0, outcome["verdict"]?.string ?? "") }
        }
        let byID = Dictionary(verdicts, uniquingKeysWith: { first, _ in first })
        #expect(byID["set_regulier"] == "ineligible")
        #expect(byID["set_klein"] == "eligible")
        #expect(byID["preset"] == "not_requested")
        let klein = try #require(outcomes.first { $0["id"] == .string("set_klein") })
        let amount = try #require(klein["amounts"]?.array?.first)
        // Money is an exact decimal string, never a float.
        #expect(amount["value"] == .string("60000"))
        #expect(amount["formatted"] == .string("€ 60.000"))
        let provider = try #require(
            klein["requirements"]?.array?.first { $0["id"] == .string("applicant_is_provider") }
        )
        #expect(provider["status"] == .string("met"))
        #expect(provider["decisive"] == .boolean(true))
        #expect(provider["inputs"]?.array?.first?["question_id"] == .string("is_care_provider"))
        #expect(provider["inputs"]?.array?.first?["state"] == .string("given"))
        #expect(provider["sources"]?.array?.first?["id"] == .string("rvo_set_voorwaarden"))
        let values = try #require(document["values"]?.array)
        #expect(values.first { $0["id"] == .string("total_costs") }?["value"] == .string("120000"))
        // Keys are sorted, so the output is byte-for-byte stable.
        #expect(result.standardOutput.hasPrefix("{\n  \"answers_file\" : "))
        let again = try CommandRunner.koers(["check", "--answers", Self.setKlein, "--format", "json"])
        #expect(again.standardOutput == result.standardOutput)
    }

    @Test func schemaCheckerRejectsWhatTheSchemaForbids() throws {
        let schema = try JSONValue.parse(
            String(
                contentsOf: Fixtures.packageRoot.appendingPathComponent("schemas/check-result.schema.json"),
                encoding: .utf8
            )
        )
        let result = try CommandRunner.koers([
            "check", "--answers", Self.notAProvider, "set-eligibility",
            "--date", "2021-03-01", "--format", "json",
        ])
        var document = try JSONValue.parse(result.standardOutput)
        #expect(SchemaChecker(schema: schema).check(document).isEmpty)
        guard case .object(var fields) = document, case .array(var outcomes)? = fields["outcomes"],
            case .object(var first)? = outcomes.first
        else {
            Issue.record("unexpected document shape")
            return
        }
        first["verdict"] = .string("maybe")
        first["summary"] = nil
        outcomes[0] = .object(first)
        fields["outcomes"] = .array(outcomes)
        fields["date"] = .number(2021)
        document = .object(fields)
        let problems = SchemaChecker(schema: schema).check(document)
        #expect(problems.contains("$.date: expected string, got number"))
        #expect(problems.contains("$.outcomes[0]: missing required key 'summary'"))
        #expect(problems.contains { $0.hasPrefix("$.outcomes[0].verdict: 'maybe' is not one of") })
    }

    @Test func jsonOfEveryExampleMatchesTheSchema() throws {
        let schema = try JSONValue.parse(
            String(
                contentsOf: Fixtures.packageRoot.appendingPathComponent("schemas/check-result.schema.json"),
                encoding: .utf8
            )
        )
        for arguments in [
            ["--answers", Self.preset, "--lang", "en"],
            ["set-eligibility", "--answers", Self.notAProvider, "--date", "2021-03-01"],
            ["--answers", Self.setKlein, "--date", "2019-10-01"],
        ] {
            let result = try CommandRunner.koers(["check", "--format", "json"] + arguments)
            #expect(result.standardError.isEmpty, "\(arguments): \(result.standardError)")
            let problems = SchemaChecker(schema: schema).check(try JSONValue.parse(result.standardOutput))
            #expect(problems.isEmpty, "\(arguments): \(problems)")
        }
    }

    @Test func outputOptionWritesTheFileInsteadOfStandardOutput() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("result.json")
        let result = try CommandRunner.koers([
            "check", "--answers", Self.setKlein, "--format", "json", "--output", target.path,
        ])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        let written = try JSONValue.parse(String(contentsOf: target, encoding: .utf8))
        #expect(written["overall_verdict"] == .string("eligible"))
    }

    // MARK: Dates and exit codes

    @Test func setKleinIsClosedBeforeFebruary2020AndEligibleIn2021() throws {
        let before = try CommandRunner.koers([
            "check", "--answers", Self.setKlein, "--date", "2020-01-31", "--format", "json",
        ])
        let after = try CommandRunner.koers([
            "check", "--answers", Self.setKlein, "--date", "2021-03-01", "--format", "json",
        ])
        func verdict(_ output: CommandRunner.Output) throws -> String? {
            try JSONValue.parse(output.standardOutput)["outcomes"]?.array?
                .first { $0["id"] == .string("set_klein") }?["verdict"]?.string
        }
        #expect(try verdict(before) == "closed")
        #expect(try verdict(after) == "eligible")
        // In 2020-01 the € 60.000 subsidy is below the then minimum of € 125.000 for SET regulier,
        // and the other schemes did not exist yet: nothing is eligible or open.
        #expect(before.status == 2)
        #expect(after.status == 0)
        let text = try CommandRunner.koers([
            "check", "--answers", Self.setKlein, "--date", "2020-01-31", "--lang", "en",
        ])
        #expect(text.standardOutput.contains("SET small (small innovation cluster): CLOSED ON THIS DATE"))
        #expect(text.standardOutput.contains("the scheme ran from 1 February 2020 to 31 December 2022"))
    }

    @Test func exitStatusFollowsTheVerdicts() throws {
        // 0: an outcome is eligible (the PréSET example; the SET questions are not asked).
        #expect(try CommandRunner.koers(["check", "--answers", Self.preset]).status == 0)
        // 2: not a care provider, so every scheme is ruled out.
        let none = try CommandRunner.koers([
            "check", "set-eligibility", "--answers", Self.notAProvider, "--date", "2021-03-01",
        ])
        #expect(none.status == 2, "stderr: \(none.standardError)")
        #expect(none.standardOutput.contains("KOMT NIET IN AANMERKING"))
        // 3: nothing eligible yet, answers missing.
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "pack: set-eligibility\ndate: 2021-10-01\nanswers:\n  scheme: both\n".write(
            to: folder.appendingPathComponent("start.yaml"),
            atomically: true,
            encoding: .utf8
        )
        let open = try CommandRunner.koers(["check", "--answers", folder.appendingPathComponent("start.yaml").path])
        #expect(open.status == 3, "stderr: \(open.standardError)")
        // 1: an unknown pack, an unreadable file.
        let unknownPack = try CommandRunner.koers(["check", "set-eligibilty", "--answers", Self.setKlein])
        #expect(unknownPack.status == 1)
        #expect(
            unknownPack.standardError.contains(
                "error: no rule pack 'set-eligibilty' on the plugin path; did you mean 'set-eligibility'?"
            )
        )
        let missing = try CommandRunner.koers(["check", "set-eligibility", "--answers", "no/such/answers.yaml"])
        #expect(missing.status == 1)
        #expect(
            missing.standardError.contains(
                "no/such/answers.yaml:1:1: error: cannot read file: no such file or directory"
            )
        )
        // 64: usage errors.
        #expect(try CommandRunner.koers(["check", "--answers", Self.setKlein, "--format", "xml"]).status == 64)
        #expect(try CommandRunner.koers(["check", "--answers", Self.setKlein, "--lang", "de"]).status == 64)
        #expect(try CommandRunner.koers(["check", "--answers", Self.setKlein, "--date", "1-10-2021"]).status == 64)
        #expect(try CommandRunner.koers(["check", "set-eligibility"]).status == 64)
        let noPack = try CommandRunner.koers(["check", "--answers", Self.notAProvider])
        #expect(noPack.status == 64)
        #expect(noPack.standardError.contains("error: name the pack to check against"))
    }

    @Test func helpDocumentsTheExitStatus() throws {
        let help = try CommandRunner.koers(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("  3   none is eligible, but one or more is undetermined: answers missing\n"))
    }

    // MARK: Bad answers

    @Test func unknownQuestionAndRejectedAnswerAreErrorsAtTheirPlace() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        pack: set-eligibility
        date: 2021-10-01
        answers:
          scheme: set
          is_care_provder: ja
          purchaser_partners: geen, gemeente
          duration_months: 24
        """.write(to: folder.appendingPathComponent("answers.yaml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.koers(
            ["check", "--answers", "answers.yaml", "--lang", "en"],
            in: folder
        )
        #expect(result.status == 1)
        // Wrong data must not look like a verdict.
        #expect(result.standardOutput.isEmpty)
        let lines = result.standardError.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            lines == [
                "answers.yaml:5:3: error: unknown question 'is_care_provder' in pack 'set-eligibility'",
                "      is_care_provder: ja",
                "      ^",
                "answers.yaml:5:3: note: did you mean 'is_care_provider'?",
                "answers.yaml:6:23: error: answer to 'purchaser_partners' is not accepted: Choose 'none' only if you name no purchaser at all.",
                "      purchaser_partners: geen, gemeente",
                "                          ^",
                "error: 2 answers in 'answers.yaml' cannot be used; fix them and check again",
                "",
            ]
        )
    }

    @Test func yamlErrorsAndAnswersForAnotherPackStopTheCheck() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "answers:\n  scheme: [set\n".write(
            to: folder.appendingPathComponent("broken.yaml"),
            atomically: true,
            encoding: .utf8
        )
        try "pack: maturity-scan\nanswers:\n  scheme: set\n".write(
            to: folder.appendingPathComponent("other.yaml"),
            atomically: true,
            encoding: .utf8
        )
        let broken = try CommandRunner.koers(["check", "set-eligibility", "--answers", "broken.yaml"], in: folder)
        #expect(broken.status == 1)
        #expect(broken.standardError.hasPrefix("broken.yaml:3:1: error: "))
        #expect(
            broken.standardError.contains("error: the answers file 'broken.yaml' cannot be used; nothing was checked")
        )
        let other = try CommandRunner.koers(["check", "set-eligibility", "--answers", "other.yaml"], in: folder)
        #expect(other.status == 1)
        #expect(
            other.standardError.hasPrefix(
                "other.yaml:1:7: error: this answers file is for pack 'maturity-scan', but pack 'set-eligibility' was chosen"
            )
        )
    }

    @Test func sessionFileCanBeChecked() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        {
          "format": "koers-session/1",
          "pack_id": "set-eligibility",
          "pack_version": "0.1.0",
          "created_at": "2024-05-01T09:29:00Z",
          "evaluation_date": "2021-04-01",
          "answers": {
            "scheme": {"state": "answered", "type": "text", "value": "preset", "answered_by": "anna",
                       "answered_at": "2024-05-01T09:30:00Z"},
            "is_care_provider": {"state": "answered", "type": "boolean", "value": true, "answered_at": "2024-05-01T09:30:00Z"},
            "preset_aim_vision": {"state": "answered", "type": "boolean", "value": true, "answered_at": "2024-05-01T09:30:00Z"},
            "preset_plan_involves_purchaser": {"state": "answered", "type": "boolean", "value": true,
                                               "answered_at": "2024-05-01T09:30:00Z"},
            "vision_wage_costs": {"state": "answered", "type": "money", "value": "25000.00", "answered_at": "2024-05-01T09:30:00Z"}
          }
        }
        """.write(to: folder.appendingPathComponent("session.json"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.koers(["check", "--answers", "session.json", "--format", "json"], in: folder)
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let document = try JSONValue.parse(result.standardOutput)
        #expect(document["date"] == .string("2021-04-01"))
        let preset = document["outcomes"]?.array?.first { $0["id"] == .string("preset") }
        #expect(preset?["verdict"] == .string("eligible"))
        #expect(preset?["amounts"]?.array?.first?["value"] == .string("20000"))
    }

    @Test func anIncompleteSessionIsRefusedAtItsPlace() throws {
        // Sessions are read by the session reader, which checks them whole.
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        {
          "format": "koers-session/1",
          "pack_id": "set-eligibility",
          "pack_version": "0.1.0",
          "created_at": "2024-05-01T09:29:00Z",
          "evaluation_date": "2021-04-01",
          "answers": {
            "scheme": {"state": "answered", "type": "text", "value": 7, "answered_at": "2024-05-01T09:30:00Z"}
          }
        }
        """.write(to: folder.appendingPathComponent("session.json"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.koers(["check", "--answers", "session.json"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.standardError.hasPrefix(
                "session.json:8:62: error: session file 'session.json' has an invalid entry at answers.scheme.value"
            ),
            "\(result.standardError)"
        )
        #expect(result.standardOutput.isEmpty)
    }

    @Test func aPackWithOnlyScoresShowsOverridesAndExitsZero() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = folder.appendingPathComponent("scored")
        try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
        try """
        id: scored
        version: 1.0.0
        engine: ">= 0.1"
        languages: [nl, en]
        title: {nl: Scan, en: Scan}
        sources:
          - {id: bron, title: {nl: Bron, en: Source}, url: "https://example.org", year: 2020}
        questions:
          - {id: plan, type: scale, text: {nl: Hoe ver is het plan?, en: How far is the plan?}}
        scores:
          - id: readiness
            title: {nl: Gereedheid, en: Readiness}
            expr: plan
            min: 1
            max: 5
            levels:
              - {min: 1, label: {nl: Begin, en: Start}}
              - {min: 4, label: {nl: Klaar, en: Ready}}
            source: bron
        recommendations:
          - id: write_plan
            when: readiness < 4
            priority: high
            text: {nl: Schrijf een plan., en: Write a plan.}
            source: {id: bron, at: p. 3}
        """.write(to: pack.appendingPathComponent("pack.yaml"), atomically: true, encoding: .utf8)
        try "plan: 2\n".write(to: folder.appendingPathComponent("plain.yaml"), atomically: true, encoding: .utf8)
        try """
        answers:
          plan: 2
        overrides:
          readiness: {value: 4.5, justification: Gesprek met de projectleider}
        """.write(to: folder.appendingPathComponent("coach.yaml"), atomically: true, encoding: .utf8)
        let schema = try JSONValue.parse(
            String(
                contentsOf: Fixtures.packageRoot.appendingPathComponent("schemas/check-result.schema.json"),
                encoding: .utf8
            )
        )

        let plain = try CommandRunner.koers(
            ["check", "scored", "--answers", "plain.yaml", "--format", "json"],
            in: folder
        )
        #expect(plain.status == 0, "stderr: \(plain.standardError)")
        let document = try JSONValue.parse(plain.standardOutput)
        #expect(
            SchemaChecker(schema: schema).check(document).isEmpty,
            "\(SchemaChecker(schema: schema).check(document))"
        )
        #expect(document["overall_verdict"] == .string("no_outcomes"))
        #expect(document["scores"]?.array?.first?["effective"] == .string("2"))
        #expect(document["scores"]?.array?.first?["level"] == .string("Begin"))
        #expect(document["recommendations"]?.array?.first?["id"] == .string("write_plan"))
        #expect(
            document["recommendations"]?.array?.first?["sources"]?.array?.first?["text"] == .string("Bron (2020), p. 3")
        )

        let coach = try CommandRunner.koers(
            ["check", "scored", "--answers", "coach.yaml", "--format", "json"],
            in: folder
        )
        let overridden = try JSONValue.parse(coach.standardOutput)
        #expect(SchemaChecker(schema: schema).check(overridden).isEmpty)
        let score = overridden["scores"]?.array?.first
        #expect(score?["computed"] == .string("2"))
        #expect(score?["override"]?["value"] == .string("4.5"))
        #expect(score?["effective"] == .string("4.5"))
        #expect(score?["level"] == .string("Klaar"))
        #expect(overridden["recommendations"]?.array?.isEmpty == true)

        let text = try CommandRunner.koers(["check", "scored", "--answers", "coach.yaml", "--lang", "en"], in: folder)
        #expect(text.standardOutput.contains("This pack has no outcomes."))
        #expect(
            text.standardOutput.contains(
                "  Readiness: 4.5 (1–5), Ready — override: Gesprek met de projectleider (computed 2)"
            )
        )
        let markdown = try CommandRunner.koers(
            ["check", "scored", "--answers", "coach.yaml", "--format", "markdown"],
            in: folder
        )
        #expect(
            markdown.standardOutput.contains("| Gereedheid | 2 | 4,5 (Gesprek met de projectleider) | 4,5 | Klaar |")
        )
    }
}
