import Foundation
import KoersCore
import KoersExpression
import KoersInterview
import KoersSession
import KoersTestSupport
import Testing

@Suite struct SessionFileTests {
    static let date = CalendarDate(year: 2021, month: 10, day: 1) ?? .minimum
    static let time = Date(timeIntervalSince1970: 1_714_555_800)  // 2024-05-01T09:30:00Z

    static func decimal(_ text: String) -> Decimal {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? .nan
    }

    /// A session with one answer of every value type and state.
    static func everyKind() throws -> SessionFile {
        var session = SessionFile(pack: try samplePack(), evaluationDate: date, language: "en", now: time)
        let values: [String: Value] = [
            "flag": .boolean(true),
            "choice": .text("gemeente"),
            "dime": .money(decimal("0.10")),
            "amount": .money(decimal("125000.50")),
            "cents": .money(decimal("0.01")),
            "negative": .money(decimal("-12.34")),
            "count": .number(24),
            "fraction": .number(decimal("12.5")),
            "rate": .percentage(decimal("0.125")),
            "day": .date(CalendarDate(year: 2024, month: 2, day: 29) ?? .minimum),
            "several": .list([.text("zorgverzekeraar"), .text("gemeente")], elementType: .text),
            "none": .list([], elementType: .text),
            "text": .text("Zes weken, \"pilot\" / 2e fase €"),
        ]
        for (id, value) in values {
            session.record(.given(value), for: id, by: "anna", at: time, note: id == "amount" ? "Begroting v3" : nil)
        }
        session.record(.unknown, for: "unsure", by: "bert", at: time)
        session.record(.skipped, for: "skipped", by: "bert", at: time)
        session.setOverride(
            ScoreOverride(value: decimal("3.5"), justification: "MT-verslag"),
            for: "readiness",
            by: "coach",
            at: time
        )
        return session
    }

    @Test func everyValueTypeRoundTripsExactly() throws {
        let session = try Self.everyKind()
        let data = try SessionStore.encode(session, path: "s.json")
        let decoded = try SessionStore.decode(data, path: "s.json")
        #expect(decoded == session)
        #expect(decoded.answerSet == session.answerSet)

        // Money stays exact: € 0,10 + € 0,20 is € 0,30, not 0.30000000000000004.
        let dime = try #require(decoded.answers["dime"]?.state.value?.decimalValue)
        #expect(dime + Self.decimal("0.20") == Self.decimal("0.30"))
        #expect(decoded.answers["amount"]?.state == .given(.money(Self.decimal("125000.5"))))
        #expect(decoded.answers["amount"]?.note == "Begroting v3")
        #expect(
            decoded.engineOverrides["readiness"]
                == ScoreOverride(value: Self.decimal("3.5"), justification: "MT-verslag")
        )
    }

    @Test func theFileIsReadableJSONWithTypedValues() throws {
        let text = String(decoding: try SessionStore.encode(try Self.everyKind(), path: "s.json"), as: UTF8.self)
        #expect(text.contains("\"format\" : \"koers-session/1\""))
        #expect(text.contains("\"pack_id\" : \"changing\""))
        #expect(text.contains("\"pack_version\" : \"1.0.0\""))
        #expect(
            text.contains(
                "\"partner\" : {\n      \"options\" : [\n        \"gemeente\",\n        \"zorgkantoor\"\n      ],\n      \"type\" : \"single_choice\""
            )
        )
        #expect(text.contains("\"evaluation_date\" : \"2021-10-01\""))
        #expect(text.contains("\"created_at\" : \"2024-05-01T09:30:00Z\""))
        for fragment in [
            "\"value\" : \"0.10\"", "\"value\" : \"125000.50\"", "\"value\" : \"0.01\"", "\"value\" : \"-12.34\"",
            "\"value\" : \"24\"", "\"value\" : \"12.5\"", "\"value\" : \"0.125\"", "\"value\" : \"2024-02-29\"",
            "\"value\" : true", "\"type\" : \"list of text\"", "\"type\" : \"percentage\"", "\"state\" : \"unknown\"",
            "\"state\" : \"skipped\"", "\"answered_by\" : \"anna\"", "\"justification\" : \"MT-verslag\"",
        ] {
            #expect(text.contains(fragment), "missing \(fragment)")
        }
        // Keys are sorted, so the file diffs cleanly.
        let answers = try #require(text.range(of: "\"answers\""))
        let created = try #require(text.range(of: "\"created_at\""))
        #expect(answers.lowerBound < created.lowerBound)
    }

    @Test func recordingKeepsANoteAndConvertsForTheEngine() throws {
        var session = SessionFile(pack: try samplePack(), evaluationDate: Self.date, language: "nl", now: Self.time)
        session.record(
            .given(.boolean(true)),
            for: "is_care_provider",
            by: "anna",
            at: Self.time,
            note: "KvK-uittreksel"
        )
        session.record(
            .given(.boolean(false)),
            for: "is_care_provider",
            by: "bert",
            at: Self.time.addingTimeInterval(60)
        )
        let answer = try #require(session.answers["is_care_provider"])
        #expect(answer.note == "KvK-uittreksel")
        #expect(answer.answeredBy == "bert")
        #expect(session.answerSet["is_care_provider"] == .given(.boolean(false)))
        #expect(session.updatedAt == Self.time.addingTimeInterval(60))
        session.removeAnswer(for: "is_care_provider")
        #expect(session.answerSet.isEmpty)
    }

    @Test func thePersonDefaultsToTheUserOrUnknown() {
        #expect(SessionFile.defaultPerson(in: ["USER": "anna"]) == "anna")
        #expect(SessionFile.defaultPerson(in: ["LOGNAME": "bert"]) == "bert")
        #expect(SessionFile.defaultPerson(in: [:]) == "unknown")
    }
}
