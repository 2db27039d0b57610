import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersInterview
import KoersSource
import KoersTestSupport
import Testing

/// Reading answers files (`koers check --answers`) and checking them against a pack.
@Suite struct AnswersFileTests {
    /// The bundled SET pack with its interview.
    static func setPack() throws -> Interview {
        let registry = try BuiltinPlugins.registry()
        let directory = Fixtures.rulesDirectory.appendingPathComponent("set-eligibility").path
        let result = RulePackLoader(registry: registry).load(directory: directory)
        let pack = try #require(result.pack, "\(result.diagnostics)")
        return Interview(pack: pack, registry: registry)
    }

    static let date = CalendarDate(year: 2021, month: 10, day: 1) ?? .minimum

    // MARK: Shapes

    @Test func plainMappingKeepsEachAnswerWithItsPlace() throws {
        let marked = MarkedText(
            """
            1️⃣scheme: 2️⃣set
            purchaser_partners: gemeente, zorgkantoor
            3️⃣ehealth_costs:
            training_costs: [4️⃣zorgverzekeraar, gemeente]
            """
        )
        let result = AnswersFile.parse(marked.text, path: "a.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let file = try #require(result.file)
        #expect(file.kind == .plain)
        #expect(file.packID == nil)
        #expect(file.date == nil)
        #expect(file.entries.map(\.questionID) == ["scheme", "purchaser_partners", "ehealth_costs", "training_costs"])
        let scheme = file.entries[0]
        #expect(scheme.input == .text("set"))
        #expect(scheme.keyLocation == location(marked, "1️⃣", in: "a.yaml"))
        #expect(scheme.valueLocation == location(marked, "2️⃣", in: "a.yaml"))
        #expect(file.entries[1].input == .text("gemeente, zorgkantoor"))
        // An empty answer counts as not given.
        #expect(file.entries[2].input == nil)
        #expect(file.entries[2].keyLocation == location(marked, "3️⃣", in: "a.yaml"))
        #expect(file.entries[3].input == .list(["zorgverzekeraar", "gemeente"]))
        #expect(file.inputs.keys.sorted() == ["purchaser_partners", "scheme", "training_costs"])
    }

    @Test func structuredFileGivesPackAndDate() throws {
        let marked = MarkedText(
            """
            pack: 1️⃣set-eligibility
            date: 2021-10-01
            description: Thuiszorg Noord, begroting versie 3
            answers:
              is_care_provider: ja
            """
        )
        let result = AnswersFile.parse(marked.text, path: "b.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let file = try #require(result.file)
        #expect(file.kind == .structured)
        #expect(file.packID == "set-eligibility")
        #expect(file.packLocation == location(marked, "1️⃣", in: "b.yaml"))
        #expect(file.date == CalendarDate(year: 2021, month: 10, day: 1))
        #expect(file.inputs == ["is_care_provider": .text("ja")])
    }

    @Test func jsonIsReadLikeYAML() throws {
        let text = """
            {"pack": "set-eligibility", "date": "2020-06-15",
             "answers": {"scheme": "preset", "vision_wage_costs": 15000, "purchaser_partners": ["gemeente"]}}
            """
        let result = AnswersFile.parse(text, path: "c.json")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let file = try #require(result.file)
        #expect(file.date == CalendarDate(year: 2020, month: 6, day: 15))
        #expect(file.inputs["vision_wage_costs"] == .text("15000"))
        #expect(file.inputs["purchaser_partners"] == .list(["gemeente"]))
        #expect(file.entries[1].valueLocation == KoersSource.SourceLocation(file: "c.json", line: 2, column: 55))
    }

    @Test func aSessionIsLeftToTheSessionReader() throws {
        // Sessions are read by KoersSession (AnswerSource), the one reader of koers-session/1.
        let result = AnswersFile.parse("{\"format\": \"koers-session/1\", \"answers\": {}}\n", path: "s.json")
        #expect(result.file == nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "s.json:1:12: error: this is a saved session ('koers-session/1'), which is read as a session, "
                    + "not as a file of typed answers"
            ]
        )
    }

    @Test func fromNamesTheFileWhoseAnswersFillTheOpenQuestions() throws {
        let marked = MarkedText("pack: set-eligibility\nfrom: 1️⃣../baseline.json\nanswers:\n  scheme: set\n")
        let file = try #require(AnswersFile.parse(marked.text, path: "f.yaml").file)
        #expect(file.from == "../baseline.json")
        #expect(file.fromLocation == location(marked, "1️⃣", in: "f.yaml"))
        let bad = AnswersFile.parse("from: [a, b]\nanswers:\n  scheme: set\n", path: "g.yaml")
        #expect(bad.file == nil)
        #expect(
            bad.diagnostics.map(\.description)
                == ["g.yaml:1:7: error: 'from' must be the path of a session or answers file, such as baseline.json"]
        )
    }

    @Test func overridesOfAStructuredFileAreRead() throws {
        let marked = MarkedText(
            """
            answers:
              scheme: set
            overrides:
              1️⃣readines: {value: 4, justification: Gesprek met de projectleider}
            """
        )
        let file = try #require(AnswersFile.parse(marked.text, path: "o.yaml").file)
        #expect(file.overrides == ["readines": ScoreOverride(value: 4, justification: "Gesprek met de projectleider")])
        let checked = file.answers(for: try Self.setPack(), on: Self.date, language: "en")
        #expect(
            checked.diagnostics.map(\.description) == [
                "o.yaml:4:3: error: unknown score 'readines' in pack 'set-eligibility'"
            ]
        )
        #expect(checked.diagnostics.first?.location == location(marked, "1️⃣", in: "o.yaml"))

        let bad = AnswersFile.parse(
            "answers: {}\noverrides:\n  readiness: {value: veel, justification: x}\n",
            path: "p.yaml"
        )
        #expect(bad.file == nil)
        #expect(
            bad.diagnostics.map(\.description)
                == ["p.yaml:3:22: error: the override of 'readiness' needs a 'value' that is a number such as 3 or 2.5"]
        )
    }

    // MARK: Problems in the file itself

    @Test func unknownTopLevelKeyOfAStructuredFileSuggestsTheRightOne() throws {
        let marked = MarkedText(
            """
            pack: set-eligibility
            1️⃣dat: 2021-10-01
            answers:
              scheme: set
            """
        )
        let result = AnswersFile.parse(marked.text, path: "d.yaml")
        #expect(result.file == nil)
        let problem = try #require(result.diagnostics.first)
        #expect(problem.description == "d.yaml:2:1: error: unknown key 'dat' in answers file")
        #expect(problem.notes.map(\.message) == ["did you mean 'date'?"])
    }

    @Test func shapeProblemsAreErrorsAtTheirPlace() {
        let cases: [(String, String)] = [
            (
                "- scheme\n- set\n",
                "e.yaml:1:1: error: an answers file must be a mapping of question id to answer, not a list"
            ),
            ("", "e.yaml:1:1: error: the answers file is empty; write one 'question_id: answer' per line"),
            (
                "scheme:\n  nested: set\n",
                "e.yaml:2:3: error: the answer to 'scheme' must be a value or a list of choices, not a mapping"
            ),
            (
                "date: 2021-13-01\nanswers:\n  scheme: set\n",
                "e.yaml:1:7: error: 'date' must be a date written as YYYY-MM-DD, such as 2021-10-01"
            ),
            (
                "format: koers-session/9\n",
                "e.yaml:1:9: error: unknown answers file format 'koers-session/9'; this version of koers reads 'koers-session/1' sessions and plain mappings of question id to answer"
            ),
            ("scheme: set\nscheme: preset\n", "e.yaml:2:1: error: duplicate key 'scheme'"),
        ]
        for (text, expected) in cases {
            let result = AnswersFile.parse(text, path: "e.yaml")
            #expect(result.file == nil, "\(text)")
            #expect(result.diagnostics.first?.description.hasPrefix(expected) == true, "\(result.diagnostics)")
        }
    }

    @Test func missingFileIsAnErrorAtItsStart() {
        let result = AnswersFile.read(atPath: "/no/such/answers.yaml", displayPath: "answers.yaml")
        #expect(result.file == nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "answers.yaml:1:1: error: cannot read file: no such file or directory"
            ]
        )
    }

    // MARK: Checking against a pack

    @Test func unknownQuestionsAndRejectedAnswersAreAllReportedSortedAtTheirPlace() throws {
        let interview = try Self.setPack()
        let marked = MarkedText(
            """
            scheme: set
            1️⃣is_care_provder: ja
            purchaser_partners: 2️⃣geen, gemeente
            pm_costs: 3️⃣veel
            duration_months: 24
            """
        )
        let file = try #require(AnswersFile.parse(marked.text, path: "f.yaml").file)
        let checked = file.answers(for: interview, on: Self.date, language: "en")
        let descriptions = checked.diagnostics.map(\.description)
        #expect(descriptions.count == 3, "\(descriptions)")
        #expect(descriptions.first == "f.yaml:2:1: error: unknown question 'is_care_provder' in pack 'set-eligibility'")
        #expect(
            descriptions.dropFirst().first
                == "f.yaml:3:21: error: answer to 'purchaser_partners' is not accepted: Choose 'none' only if you name no purchaser at all."
        )
        #expect(descriptions.last?.hasPrefix("f.yaml:4:11: error: answer to 'pm_costs' is not accepted: ") == true)
        #expect(checked.diagnostics[0].location == location(marked, "1️⃣", in: "f.yaml"))
        #expect(
            checked.diagnostics[0].notes.map(\.description) == ["f.yaml:2:1: note: did you mean 'is_care_provider'?"]
        )
        #expect(checked.diagnostics[1].location == location(marked, "2️⃣", in: "f.yaml"))
        #expect(checked.diagnostics[2].location == location(marked, "3️⃣", in: "f.yaml"))
        // The accepted answers are kept.
        #expect(checked.answers["scheme"] == .given(.text("set")))
        #expect(checked.answers["duration_months"] == .given(.number(24)))
        #expect(checked.answers["pm_costs"] == nil)

        let dutch = file.answers(for: interview, on: Self.date, language: "nl")
        #expect(
            dutch.diagnostics[1].message
                == "answer to 'purchaser_partners' is not accepted: Kies 'geen' alleen als u geen enkele inkoper noemt."
        )
    }

    @Test func aPlainFileThatNamesThePackGetsAHint() throws {
        let interview = try Self.setPack()
        let file = try #require(AnswersFile.parse("pack: set-eligibility\nscheme: set\n", path: "g.yaml").file)
        let checked = file.answers(for: interview, on: Self.date, language: "en")
        #expect(
            checked.diagnostics.map(\.description) == [
                "g.yaml:1:1: error: unknown question 'pack' in pack 'set-eligibility'"
            ]
        )
        #expect(checked.diagnostics.first?.notes.first?.message.contains("put the answers under 'answers:'") == true)
    }

    @Test func emptyAnswersAreAFileThatAnswersNothingAndAListIsRefusedAtItsPlace() throws {
        // `answers: []` was read as a plain file: "unknown question 'pack'" (issue 15, item 8).
        for text in ["pack: set-eligibility\nanswers: []\n", "pack: set-eligibility\nanswers:\n"] {
            let read = AnswersFile.parse(text, path: "e.yaml")
            let file = try #require(read.file, "\(read.diagnostics)")
            #expect(read.diagnostics.isEmpty && file.entries.isEmpty && file.packID == "set-eligibility")
        }
        let list = AnswersFile.parse("pack: set-eligibility\nanswers:\n  - scheme: set\n", path: "l.yaml")
        #expect(list.file == nil)
        #expect(
            list.diagnostics.map(\.description).first?.hasPrefix(
                "l.yaml:3:3: error: 'answers' must be a mapping of question id to answer"
            ) == true,
            "\(list.diagnostics)"
        )
    }

    @Test func answersForAnotherPackAreRefused() throws {
        let interview = try Self.setPack()
        let file = try #require(
            AnswersFile.parse("pack: maturity-scan\nanswers:\n  scheme: set\n", path: "h.yaml").file
        )
        let mismatch = try #require(file.packMismatch(with: interview.pack))
        #expect(
            mismatch.description.hasPrefix(
                "h.yaml:1:7: error: this answers file is for pack 'maturity-scan', but pack 'set-eligibility' was chosen"
            )
        )
        let matching = try #require(AnswersFile.parse("pack: set-eligibility\nanswers: {}\n", path: "i.yaml").file)
        #expect(matching.packMismatch(with: interview.pack) == nil)
    }

    @Test func exampleFilesReadAndCheckCleanly() throws {
        let interview = try Self.setPack()
        let folder = Fixtures.examplesDirectory.appendingPathComponent("answers")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        #expect(names.count >= 3)
        for name in names.sorted() {
            let result = AnswersFile.read(atPath: folder.appendingPathComponent(name).path, displayPath: name)
            #expect(result.diagnostics.isEmpty, "\(name): \(result.diagnostics)")
            let file = try #require(result.file, "\(name)")
            let checked = file.answers(for: interview, on: file.date ?? Self.date, language: "en")
            #expect(checked.diagnostics.isEmpty, "\(name): \(checked.diagnostics)")
        }
    }

    private func location(_ marked: MarkedText, _ marker: String, in file: String) -> KoersSource.SourceLocation? {
        marked.locations[marker].map { KoersSource.SourceLocation(file: file, line: $0.line, column: $0.column) }
    }
}
