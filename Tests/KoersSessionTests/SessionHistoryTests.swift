import Foundation
import KoersCore
import KoersExpression
import KoersInterview
import KoersSession
import KoersTestSupport
import Testing

/// Every change of an answer, a note, an override or a confirmation is kept, with who and when;
/// notes keep their own author; older files still read.
@Suite struct SessionHistoryTests {
    static let date = CalendarDate(year: 2021, month: 10, day: 1) ?? .minimum
    static let time = Date(timeIntervalSince1970: 1_714_555_800)  // 2024-05-01T09:30:00Z

    static func at(_ minutes: Double) -> Date { time.addingTimeInterval(minutes * 60) }

    @Test func everyChangeIsKeptWithWhoWhenAndWhatItWas() throws {
        var session = SessionFile(pack: try samplePack(), evaluationDate: Self.date, language: "nl", now: Self.time)
        session.record(.given(.money(30000)), for: "budget", by: "anna", at: Self.at(1), note: "Begroting v3")
        // The same answer again changes nothing and keeps who gave it.
        session.record(.given(.money(30000)), for: "budget", by: "bert", at: Self.at(2))
        session.record(.given(.money(32000)), for: "budget", by: "bert", at: Self.at(3))
        session.setNote("Begroting v4", for: "budget", by: "carla", at: Self.at(4))
        session.setOverride(
            ScoreOverride(value: 3, justification: "Gesprek"),
            for: "readiness",
            by: "anna",
            at: Self.at(5)
        )
        try session.confirmOverride(for: "readiness", by: "bert", at: Self.at(6))
        try session.removeOverride(for: "readiness", by: "carla", at: Self.at(7))
        session.removeAnswer(for: "budget", by: "dirk", at: Self.at(8))

        let expected: [SessionChange] = [
            SessionChange(
                kind: .answer,
                id: "budget",
                by: "anna",
                at: Self.at(1),
                old: nil,
                new: .answer(.given(.money(30000)))
            ),
            SessionChange(kind: .note, id: "budget", by: "anna", at: Self.at(1), old: nil, new: .text("Begroting v3")),
            SessionChange(
                kind: .answer,
                id: "budget",
                by: "bert",
                at: Self.at(3),
                old: .answer(.given(.money(30000))),
                new: .answer(.given(.money(32000)))
            ),
            SessionChange(
                kind: .note,
                id: "budget",
                by: "carla",
                at: Self.at(4),
                old: .text("Begroting v3"),
                new: .text("Begroting v4")
            ),
            SessionChange(
                kind: .override,
                id: "readiness",
                by: "anna",
                at: Self.at(5),
                old: nil,
                new: .override(value: 3, justification: "Gesprek")
            ),
            SessionChange(
                kind: .overrideConfirmed,
                id: "readiness",
                by: "bert",
                at: Self.at(6),
                old: nil,
                new: .text("bert")
            ),
            SessionChange(
                kind: .override,
                id: "readiness",
                by: "carla",
                at: Self.at(7),
                old: .override(value: 3, justification: "Gesprek"),
                new: nil
            ),
            SessionChange(
                kind: .answer,
                id: "budget",
                by: "dirk",
                at: Self.at(8),
                old: .answer(.given(.money(32000))),
                new: nil
            ),
            SessionChange(kind: .note, id: "budget", by: "dirk", at: Self.at(8), old: .text("Begroting v4"), new: nil),
        ]
        #expect(session.history == expected)

        // It survives the file.
        let data = try SessionStore.encode(session, path: "s.json")
        #expect(try SessionStore.decode(data, path: "s.json") == session)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"kind\" : \"override_confirmed\""))
        #expect(text.contains("\"value\" : \"32000.00\""))
    }

    @Test func aNoteKeepsItsAuthorWhenAColleagueChangesTheAnswer() throws {
        var session = SessionFile(pack: try samplePack(), evaluationDate: Self.date, language: "nl", now: Self.time)
        session.record(.given(.text("gemeente")), for: "partner", by: "anna", at: Self.at(1), note: "Convenant 2024")
        session.record(.given(.text("zorgkantoor")), for: "partner", by: "bert", at: Self.at(2))
        let answer = try #require(session.answers["partner"])
        #expect(answer.answeredBy == "bert")
        #expect(answer.note == "Convenant 2024")
        #expect(answer.noteAuthor == "anna")
        #expect(answer.noteAt == Self.at(1))
        let decoded = try SessionStore.decode(try SessionStore.encode(session, path: "s.json"), path: "s.json")
        #expect(decoded.answers["partner"]?.noteAuthor == "anna")
    }

    @Test func anOlderFileReadsAndANoteWithoutAuthorKeepsTheOneWhoAnswered() throws {
        let old = """
            {
              "answers" : {
                "partner" : {"answered_at" : "2024-05-01T09:30:00Z", "answered_by" : "anna", "note" : "Convenant",
                             "state" : "answered", "type" : "text", "value" : "gemeente"}
              },
              "created_at" : "2024-05-01T09:29:12Z", "evaluation_date" : "2021-10-01", "format" : "koers-session/1",
              "language" : "nl", "pack_id" : "changing", "pack_version" : "1.0.0", "questions" : {},
              "score_overrides" : {}, "set_aside" : [], "updated_at" : "2024-05-01T09:30:00Z"
            }
            """
        var session = try SessionStore.decode(Data(old.utf8), path: "old.json")
        #expect(session.history.isEmpty)
        #expect(session.label == nil)
        #expect(session.answers["partner"]?.origin == nil)
        #expect(session.answers["partner"]?.noteAuthor == "anna")
        // Written back unchanged, it has none of the new keys.
        let text = String(decoding: try SessionStore.encode(session, path: "old.json"), as: UTF8.self)
        for key in ["history", "label", "note_by", "taken_over"] { #expect(!text.contains("\"\(key)\""), "\(key)") }
        session.record(.given(.text("zorgkantoor")), for: "partner", by: "bert", at: Self.at(2))
        #expect(session.answers["partner"]?.noteAuthor == "anna", "the note stays anna's")
    }
}
