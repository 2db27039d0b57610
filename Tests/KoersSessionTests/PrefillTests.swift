import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersInterview
import KoersSession
import KoersTestSupport
import Testing

/// A new session starts with the answers of another one: questions with the same id and the same
/// meaning are answered once per organisation (issue 13, item 1).
@Suite struct PrefillTests {
    static let date = CalendarDate(year: 2026, month: 3, day: 2) ?? .minimum
    static let time = Date(timeIntervalSince1970: 1_772_442_000)  // 2026-03-02T09:00:00Z

    static func bundled(_ id: String) throws -> Interview {
        let registry = try BuiltinPlugins.registry()
        let result = RulePackLoader(registry: registry).load(
            directory: Fixtures.rulesDirectory.appendingPathComponent(id).path
        )
        let pack = try #require(result.pack, "\(result.diagnostics)")
        return Interview(pack: pack, registry: registry)
    }

    /// A maturity scan 0-meting with the business case answered from the pack's own test case.
    static func scan() throws -> (interview: Interview, session: SessionFile) {
        let interview = try bundled("maturity-scan")
        var session = SessionFile(pack: interview.pack, evaluationDate: date, language: "nl", now: time)
        session.label = "0-meting"
        let testCase = try #require(
            interview.pack.testCases.first { $0.answers.keys.contains { $0.hasPrefix("bc_") } },
            "maturity-scan has a test case with the business case"
        )
        for (id, value) in testCase.answers {
            session.record(
                .given(value),
                for: id,
                by: "anna",
                at: time,
                note: id == "bc_calculate" ? "Besproken met MT" : nil
            )
        }
        return (interview, session)
    }

    @Test func theStappenplanStartsWithTheBusinessCaseOfTheMaturityScan() throws {
        let (_, scan) = try Self.scan()
        let plan = try Self.bundled("stappenplan")
        var session = SessionFile(pack: plan.pack, evaluationDate: Self.date, language: "nl", now: Self.time)
        let later = Self.time.addingTimeInterval(86_400)
        let report = session.takeOver(
            from: PrefillSource(session: scan, file: "scan.json", packTitle: "Maturity scan"),
            interview: plan,
            by: "bert",
            at: later
        )
        let shared = scan.answers.keys.filter { plan.pack.question($0) != nil }
        #expect(!shared.isEmpty)
        #expect(Set(report.takenOver) == Set(shared), "\(report)")
        #expect(report.notTakenOver.isEmpty, "\(report.notTakenOver)")
        #expect(Set(report.notInPack) == Set(scan.answers.keys).subtracting(shared))
        for id in shared {
            let answer = try #require(session.answers[id])
            #expect(answer.state == scan.answers[id]?.state, "\(id)")
            #expect(answer.awaitsConfirmation)
            #expect(answer.origin?.packID == "maturity-scan")
            #expect(answer.origin?.sourceName == "Maturity scan 0-meting")
            #expect(answer.origin?.answeredAt == Self.time)
            #expect(answer.origin?.answeredBy == "anna")
        }
        // The note comes along with its own author.
        #expect(session.answers["bc_calculate"]?.note == "Besproken met MT")
        #expect(session.answers["bc_calculate"]?.noteAuthor == "anna")
        #expect(session.history.filter { $0.kind == .takenOver }.count == shared.count)
        #expect(session.answersAwaitingConfirmation == Set(shared))

        // Confirming one keeps it and its origin; another answer drops the origin.
        let first = try #require(shared.sorted().first)
        let confirmed = session.confirmTakenOver(for: first, by: "bert", at: later)
        #expect(confirmed)
        #expect(session.answers[first]?.origin?.confirmedBy == "bert")
        #expect(!session.answersAwaitingConfirmation.contains(first))
        let again = session.confirmTakenOver(for: first, by: "bert", at: later)
        #expect(!again, "once")
        #expect(session.history.last?.kind == .takenOverConfirmed)

        // It all survives the file.
        let decoded = try SessionStore.decode(try SessionStore.encode(session, path: "p.json"), path: "p.json")
        #expect(decoded == session)
    }

    @Test func aQuestionThatMeansSomethingElseIsNotTakenOver() throws {
        let (interview, original) = try Self.scan()
        var scan = original
        let choice = try #require(
            interview.pack.questions.first { !$0.options.isEmpty && scan.answers[$0.id] != nil },
            "an answered choice question"
        )
        scan.questions[choice.id]?.options.append("nieuw")
        var followUp = SessionFile(pack: interview.pack, evaluationDate: Self.date, language: "nl", now: Self.time)
        followUp.label = "vervolgmeting"
        let already = try #require(scan.answers.keys.sorted().first { $0 != choice.id })
        followUp.record(.unknown, for: already, by: "bert", at: Self.time)
        let report = followUp.takeOver(
            from: PrefillSource(session: scan, file: "scan.json", packTitle: nil),
            interview: interview,
            by: "bert",
            at: Self.time
        )
        #expect(followUp.answers[choice.id] == nil)
        let reasons = Dictionary(uniqueKeysWithValues: report.notTakenOver.map { ($0.id, $0.reason) })
        #expect(
            reasons[choice.id]
                == .differentMeaning(source: scan.questions[choice.id], target: QuestionFingerprint(choice))
        )
        #expect(reasons[already] == .alreadyAnswered)
        #expect(followUp.answers[already]?.state == .unknown, "an answer of this session stays")
        #expect(report.takenOver.count == scan.answers.count - 2)
        #expect(followUp.answers[report.takenOver[0]]?.origin?.sourceName == "maturity-scan 0-meting")
    }

    @Test func anAnswerThePackNoLongerAcceptsIsListedWithWhy() throws {
        let (interview, original) = try Self.scan()
        var scan = original
        let choice = try #require(
            interview.pack.questions.first { $0.typeID == "single_choice" && scan.answers[$0.id] != nil }
        )
        scan.answers[choice.id]?.state = .given(.text("bestaat_niet"))
        var followUp = SessionFile(pack: interview.pack, evaluationDate: Self.date, language: "nl", now: Self.time)
        let report = followUp.takeOver(
            from: PrefillSource(session: scan, file: nil, packTitle: nil),
            interview: interview,
            by: "bert",
            at: Self.time
        )
        #expect(followUp.answers[choice.id] == nil)
        let left = try #require(report.notTakenOver.first { $0.id == choice.id })
        guard case .rejected = left.reason else {
            Issue.record("expected a rejection, got \(left.reason)")
            return
        }
    }
}
