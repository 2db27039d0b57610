import Foundation
import KoersCore
import KoersExpression
import KoersInterview
import KoersSession
import KoersTestSupport
import Testing

/// A coach's score override confirmed by a second person: recorded, kept honest, and read from
/// older files that have no confirmation.
@Suite struct OverrideConfirmationTests {
    static let date = CalendarDate(year: 2021, month: 10, day: 1) ?? .minimum
    static let setTime = Date(timeIntervalSince1970: 1_714_555_800)  // 2024-05-01T09:30:00Z
    static let confirmTime = Date(timeIntervalSince1970: 1_714_658_400.75)  // 2024-05-02T14:00:00.75Z

    /// A session with one unconfirmed override of `readiness`, set by anna.
    static func session() throws -> SessionFile {
        var session = SessionFile(pack: try samplePack(), evaluationDate: date, language: "nl", now: setTime)
        session.setOverride(
            ScoreOverride(value: 4, justification: "Gebruikerspanel sinds maart"),
            for: "readiness",
            by: "anna",
            at: setTime
        )
        return session
    }

    /// A session file as older versions wrote it, with an override and nothing about confirmation.
    static func file(override: String) -> String {
        """
        {
          "created_at" : "2024-05-01T09:30:00Z",
          "evaluation_date" : "2021-10-01",
          "format" : "koers-session/1",
          "pack_id" : "changing",
          "pack_version" : "1.0.0",
          "score_overrides" : {
            "readiness" : \(override)
          }
        }
        """
    }

    static func text(_ session: SessionFile) throws -> String {
        String(decoding: try SessionStore.encode(session, path: "s.json"), as: UTF8.self)
    }

    @Test func anOverrideStartsUnconfirmedAndWritesNoConfirmationKeys() throws {
        let session = try Self.session()
        let record = try #require(session.scoreOverrides["readiness"])
        #expect(!record.isConfirmed)
        #expect(record.confirmedBy == nil && record.confirmedAt == nil)
        let text = try Self.text(session)
        #expect(!text.contains("confirmed_by") && !text.contains("confirmed_at"))
    }

    @Test func anOlderFileWithoutConfirmationStillReads() throws {
        let json = Self.file(
            override: #"{ "at" : "2024-05-01T09:30:00Z", "by" : "anna", "justification" : "MT", "value" : "3.5" }"#
        )
        let session = try SessionStore.decode(Data(json.utf8), path: "old.json")
        let record = try #require(session.scoreOverrides["readiness"])
        #expect(record.value == Decimal(string: "3.5", locale: Locale(identifier: "en_US_POSIX")))
        #expect(record.by == "anna")
        #expect(!record.isConfirmed)
    }

    @Test func aSecondPersonConfirmsAndBothAreRecorded() throws {
        var session = try Self.session()
        let confirmed = try session.confirmOverride(for: "readiness", by: "  bert ", at: Self.confirmTime)
        #expect(confirmed.by == "anna")
        #expect(confirmed.confirmedBy == "bert")
        #expect(confirmed.confirmedAt == Date(timeIntervalSince1970: 1_714_658_400), "kept to the second")
        #expect(session.scoreOverrides["readiness"] == confirmed)
        #expect(session.updatedAt == Date(timeIntervalSince1970: 1_714_658_400))

        let text = try Self.text(session)
        #expect(text.contains("\"by\" : \"anna\""))
        #expect(text.contains("\"confirmed_at\" : \"2024-05-02T14:00:00Z\""))
        #expect(text.contains("\"confirmed_by\" : \"bert\""))
        let decoded = try SessionStore.decode(Data(text.utf8), path: "s.json")
        #expect(decoded == session)
    }

    @Test func theEngineGetsTheSameOverrideWhetherConfirmedOrNot() throws {
        var session = try Self.session()
        let before = session.engineOverrides
        try session.confirmOverride(for: "readiness", by: "bert", at: Self.confirmTime)
        #expect(session.engineOverrides == before)
        #expect(before["readiness"] == ScoreOverride(value: 4, justification: "Gebruikerspanel sinds maart"))
    }

    @Test func whoSetTheOverrideCannotConfirmIt() throws {
        var session = try Self.session()
        let original = session
        for name in ["anna", "Anna", " ANNA "] {
            #expect(throws: ScoreOverrideError.confirmedBySetter(scoreID: "readiness", person: "anna")) {
                try session.confirmOverride(for: "readiness", by: name, at: Self.confirmTime)
            }
        }
        #expect(session == original, "a refused confirmation changes nothing")
        let error = ScoreOverrideError.confirmedBySetter(scoreID: "readiness", person: "anna")
        #expect(
            error.description
                == "the override of 'readiness' was set by 'anna', who cannot also confirm it; a second person must confirm it"
        )
    }

    @Test func aConfirmationNeedsAnOverrideAndAName() throws {
        var session = try Self.session()
        #expect(throws: ScoreOverrideError.noOverride(scoreID: "total")) {
            try session.confirmOverride(for: "total", by: "bert")
        }
        #expect(throws: ScoreOverrideError.missingConfirmer(scoreID: "readiness")) {
            try session.confirmOverride(for: "readiness", by: "  ")
        }
        #expect(session.scoreOverrides["readiness"]?.isConfirmed == false)
    }

    @Test func changingTheValueClearsTheConfirmation() throws {
        var session = try Self.session()
        try session.confirmOverride(for: "readiness", by: "bert", at: Self.confirmTime)
        session.setOverride(ScoreOverride(value: 3, justification: "Panel gestopt"), for: "readiness", by: "anna")
        let record = try #require(session.scoreOverrides["readiness"])
        #expect(record.value == 3)
        #expect(!record.isConfirmed && record.confirmedAt == nil)
        #expect(!(try Self.text(session)).contains("confirmed_by"))

        // On the record itself too.
        var direct = record
        try direct.confirm(by: "bert", at: Self.confirmTime, scoreID: "readiness")
        direct.value = 2
        #expect(!direct.isConfirmed)
    }

    @Test func theSameValueKeepsTheConfirmationUnlessTheConfirmerSetsIt() throws {
        var session = try Self.session()
        try session.confirmOverride(for: "readiness", by: "bert", at: Self.confirmTime)
        session.setOverride(ScoreOverride(value: 4, justification: "Verslag 3 mei"), for: "readiness", by: "carla")
        #expect(session.scoreOverrides["readiness"]?.confirmedBy == "bert")
        #expect(session.scoreOverrides["readiness"]?.justification == "Verslag 3 mei")

        // Nobody confirms their own override, also not by setting it afterwards.
        session.setOverride(ScoreOverride(value: 4, justification: "Verslag 3 mei"), for: "readiness", by: "Bert")
        #expect(session.scoreOverrides["readiness"]?.isConfirmed == false)
        #expect(session.scoreOverrides["readiness"]?.by == "Bert")
    }

    @Test func removingAnOverrideRemovesItsConfirmation() throws {
        var session = try Self.session()
        try session.confirmOverride(for: "readiness", by: "bert", at: Self.confirmTime)
        let removed = try session.removeOverride(for: "readiness")
        #expect(removed.confirmedBy == "bert")
        #expect(session.scoreOverrides.isEmpty)
        #expect(throws: ScoreOverrideError.noOverride(scoreID: "readiness")) {
            try session.removeOverride(for: "readiness")
        }
    }

    @Test func aFileConfirmedByTheSetterIsRefusedAtTheEntry() throws {
        let json = Self.file(
            override: """
                { "at" : "2024-05-01T09:30:00Z", "by" : "anna", "confirmed_at" : "2024-05-02T14:00:00Z",
                  "confirmed_by" : "Anna", "justification" : "MT", "value" : "4" }
                """
        )
        #expect {
            try SessionStore.decode(Data(json.utf8), path: "s.json")
        } throws: { error in
            guard case SessionError.invalidContent(_, let place, let detail) = error else { return false }
            return place == "score_overrides.readiness.confirmed_by" && detail.contains("second person")
        }
    }

    @Test func aConfirmationNeedsBothWhoAndWhenInTheFile() throws {
        let onlyWho = Self.file(
            override: """
                { "at" : "2024-05-01T09:30:00Z", "by" : "anna", "confirmed_by" : "bert",
                  "justification" : "MT", "value" : "4" }
                """
        )
        #expect(
            throws: SessionError.invalidContent(
                path: "s.json",
                place: "score_overrides.readiness.confirmed_at",
                detail: "the key 'confirmed_at' is missing"
            )
        ) {
            try SessionStore.decode(Data(onlyWho.utf8), path: "s.json")
        }
        let onlyWhen = Self.file(
            override: """
                { "at" : "2024-05-01T09:30:00Z", "by" : "anna", "confirmed_at" : "2024-05-02T14:00:00Z",
                  "justification" : "MT", "value" : "4" }
                """
        )
        #expect(
            throws: SessionError.invalidContent(
                path: "s.json",
                place: "score_overrides.readiness.confirmed_by",
                detail: "the key 'confirmed_by' is missing"
            )
        ) {
            try SessionStore.decode(Data(onlyWhen.utf8), path: "s.json")
        }
    }

    @Test func anAnswersFileReadsAConfirmedSessionsOverrideAsBefore() throws {
        var session = try Self.session()
        try session.confirmOverride(for: "readiness", by: "bert", at: Self.confirmTime)
        let read = AnswerSource.parse(try Self.text(session), path: "s.json")
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics)")
        let file = try #require(read.file)
        #expect(file.overrides["readiness"] == ScoreOverride(value: 4, justification: "Gebruikerspanel sinds maart"))
    }
}
