import Foundation
import KoersCore
import KoersExpression
import KoersInterview
import KoersSession
import KoersTestSupport
import Testing

/// A second person's verification or dispute of a score: the rule who may check, the file's
/// `score_verifications` written only when there are some, read back, and older files unchanged.
@Suite struct ScoreVerificationTests {
    static let time = Date(timeIntervalSince1970: 1_714_555_800)  // 2024-05-01T09:30:00Z

    static func session() throws -> SessionFile {
        var session = SessionFile(
            pack: try samplePack(), evaluationDate: OverrideConfirmationTests.date, language: "nl", now: time
        )
        session.record(.given(.boolean(true)), for: "q1", by: "anna", at: time)
        return session
    }

    @Test func theLastEditorIsRefusedASecondPersonIsRecorded() throws {
        var session = try Self.session()
        let unchanged = session
        #expect(throws: ScoreVerificationError.verifiedByEditor(scoreID: "readiness", person: "anna")) {
            try session.verifyScore(.verified, scoreID: "readiness", inputs: ["q1"], computed: 3, by: " ANNA ", at: Self.time)
        }
        #expect(throws: ScoreVerificationError.missingReason(scoreID: "readiness")) {
            try session.verifyScore(.disputed, scoreID: "readiness", inputs: ["q1"], computed: 3, by: "bert", reason: " ")
        }
        #expect(session == unchanged, "a refused check changes nothing")
        #expect(!(try OverrideConfirmationTests.text(session)).contains("score_verifications"))

        try session.verifyScore(.verified, scoreID: "readiness", inputs: ["q1"], computed: 3, by: "bert", at: Self.time)
        #expect(session.history.last?.kind == .scoreVerified && session.history.last?.by == "bert")
        // With an override, its setter is the last editor; someone else may dispute it.
        session.setOverride(ScoreOverride(value: 4, justification: "Panel"), for: "readiness", by: "bert", at: Self.time)
        #expect(throws: ScoreVerificationError.verifiedByEditor(scoreID: "readiness", person: "bert")) {
            try session.verifyScore(.verified, scoreID: "readiness", inputs: ["q1"], computed: 3, by: "bert")
        }
        try session.verifyScore(
            .disputed, scoreID: "readiness", inputs: ["q1"], computed: 3, by: "anna", reason: "Geen verslag", at: Self.time
        )
        let check = try #require(session.scoreVerifications["readiness"])
        #expect(check.status == .disputed && check.reason == "Geen verslag" && check.override == 4 && check.computed == 3)
        #expect(check.holds(computed: 3, override: 4) && !check.holds(computed: 3, override: 5))

        let text = try OverrideConfirmationTests.text(session)
        #expect(text.contains("\"score_verifications\" : {"))
        #expect(text.contains("\"override\" : \"4\""))
        let read = try SessionStore.decode(Data(text.utf8), path: "s.json")
        #expect(read.scoreVerifications == session.scoreVerifications)
    }

    @Test func anOlderFileReadsWithoutChecksAndABadCheckIsAnError() throws {
        let older = OverrideConfirmationTests.file(
            override: #"{ "at" : "2024-05-01T09:30:00Z", "by" : "anna", "justification" : "MT", "value" : "3.5" }"#
        )
        #expect(try SessionStore.decode(Data(older.utf8), path: "old.json").scoreVerifications.isEmpty)
        let withoutReason = older.replacingOccurrences(
            of: "\"score_overrides\"",
            with: #""score_verifications" : { "readiness" : { "at" : "2024-05-01T09:30:00Z", "by" : "bert", "status" : "disputed" } }, "score_overrides""#
        )
        #expect(throws: (any Error).self) { try SessionStore.decode(Data(withoutReason.utf8), path: "bad.json") }
    }
}
