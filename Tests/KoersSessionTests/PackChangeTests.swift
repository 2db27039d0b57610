import Foundation
import KoersCore
import KoersExpression
import KoersInterview
import KoersSession
import KoersTestSupport
import Testing

@Suite struct PackChangeTests {
    @Test func answersThatNoLongerFitAreSetAsideAndReported() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try ChangingPack.load(version: "1.0.0", in: folder)
        let second = try ChangingPack.load(version: "2.0.0", in: folder)

        var session = SessionFile(pack: first.pack, evaluationDate: SessionFileTests.date, language: "nl")
        let (answers, issues) = first.interview(
            [
                "partner": "zorgkantoor", "budget": "weet niet", "months": "12", "remark": "Alles goed",
                "old_question": "Ja",
            ]
        )
        #expect(issues.isEmpty, "\(issues)")
        session.record(answers, by: "anna")
        let store = SessionStore(path: folder.appendingPathComponent("session.json").path)
        try store.save(session)

        let (opened, changes) = try store.open(for: second)
        #expect(changes.versionChanged)
        #expect(changes.oldVersion == "1.0.0")
        #expect(changes.newVersion == "2.0.0")
        #expect(changes.removedQuestions == ["old_question"])
        #expect(changes.typeChanges.map(\.questionID) == ["months"])
        #expect(changes.typeChanges.first?.old.typeID == "money")
        #expect(changes.typeChanges.first?.new.typeID == "integer")
        #expect(changes.removedOptions.map(\.questionID) == ["partner"])
        #expect(changes.removedOptions.first?.optionIDs == ["zorgkantoor"])
        #expect(changes.setAside.map(\.questionID) == ["budget", "months", "old_question", "partner"])
        #expect(
            changes.setAside.first { $0.questionID == "partner" }?.reason(in: "en")
                == "The choice 'zorgkantoor' no longer exists for this question."
        )
        #expect(
            changes.setAside.first { $0.questionID == "old_question" }?.reason(in: "nl")
                == "Deze vraag bestaat niet meer in het pack."
        )

        // Kept, not dropped: the remark still counts, the others wait in set_aside.
        #expect(Set(opened.answers.keys) == ["remark"])
        #expect(opened.setAside.count == 4)
        #expect(opened.setAside.first { $0.questionID == "months" }?.answer.state == .given(.money(12)))
        #expect(opened.packVersion == "2.0.0")

        // Saved and opened again, nothing more changes.
        try store.save(opened)
        let (again, noChanges) = try store.open(for: second)
        #expect(noChanges.isEmpty)
        #expect(again.setAside.count == 4)
    }

    @Test func aSessionOfAnotherPackIsRefused() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = SessionStore(path: folder.appendingPathComponent("session.json").path)
        var session = SessionFile(pack: try samplePack(), evaluationDate: SessionFileTests.date, language: "nl")
        session.packID = "set-eligibility"
        try store.save(session)
        let changing = try ChangingPack.load(version: "1.0.0", in: folder)
        let error = #expect(throws: SessionError.self) { try store.open(for: changing) }
        #expect(
            error?.description
                == "session file '\(store.path)' is for pack 'set-eligibility', not 'changing'; open it with pack "
                + "'set-eligibility', or choose another session file"
        )
    }
}

extension Interview {
    fileprivate func interview(_ inputs: [String: String]) -> (AnswerSet, [AnswerIssue]) {
        answers(from: inputs.mapValues(AnswerInput.text), on: SessionFileTests.date)
    }
}
