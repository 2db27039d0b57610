import Foundation
import KoersCore
import KoersExpression
import KoersInterview
import KoersSession
import Testing

/// The store writes session documents with ``SessionFile/compactJSON()``: its JSON must be the
/// JSON the `Codable` form writes (``SessionStore/encode(_:path:)``), read back to the same
/// document, for documents with every kind of part in them.
@Suite struct SessionCompactJSONTests {
    static let time = Date(timeIntervalSince1970: 1_714_555_800)  // 2024-05-01T09:30:00Z
    /// The sample pack, loaded once for all documents.
    static let pack: RulePack? = try? samplePack()

    /// A small, seeded generator, so that a failure can be run again.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    /// Texts a note, a name or an id may hold: quotes, backslashes, every control character,
    /// slashes, non-ASCII letters, emoji and scalars JSON readers are known to trip over.
    static let hardTexts: [String] = [
        "", "anna", "Begroting v3", "\"quoted\"", "back\\slash", "a/b </script>", "tab\there\nnew\r\n",
        String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }), "\u{7F} del", "é è ü ß", "€ 12,50",
        "😀👩‍👩‍👧", "e\u{301} combined", "\u{2028}\u{2029} separators", "\u{FEFF}bom", "\\u0041 not an escape",
        "{\"json\": [1, 2]}", "  spaces  ",
    ]

    static func decimal(_ text: String) -> Decimal {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? .nan
    }

    static func value(_ random: inout SplitMix, depth: Int = 0) -> Value {
        switch Int.random(in: 0..<(depth == 0 ? 9 : 7), using: &random) {
        case 0: return .boolean(Bool.random(using: &random))
        case 1: return .text(hardTexts.randomElement(using: &random) ?? "")
        case 2:
            return .money(
                decimal(
                    ["0.10", "125000.50", "-12.34", "0", "0.01", "99999999999.99"].randomElement(using: &random) ?? "1"
                )
            )
        case 3:
            return .number(
                decimal(["24", "12.5", "-3", "0", "1000000", "0.000001"].randomElement(using: &random) ?? "1")
            )
        case 4: return .percentage(decimal(["0.125", "1", "0", "0.5"].randomElement(using: &random) ?? "1"))
        case 5:
            let date = CalendarDate(
                year: Int.random(in: 1...9999, using: &random),
                month: Int.random(in: 1...12, using: &random),
                day: Int.random(in: 1...28, using: &random)
            )
            return .date(date ?? .minimum)
        case 6: return .text("gemeente")
        case 7:
            let elements = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                Value.text(hardTexts.randomElement(using: &random) ?? "")
            }
            return .list(elements, elementType: .text)
        default:
            let elements = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                Value.money(decimal(["1.00", "2.50", "-0.01"].randomElement(using: &random) ?? "1"))
            }
            return .list(elements, elementType: .money)
        }
    }

    static func state(_ random: inout SplitMix) -> AnswerState {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: .unknown
        case 1: .skipped
        default: .given(value(&random))
        }
    }

    static func someTime(_ random: inout SplitMix) -> Date {
        // Whole seconds from 1970 to 2100, as a session keeps them.
        Date(timeIntervalSince1970: Double(Int.random(in: 0...4_102_444_800, using: &random)))
    }

    static func text(_ random: inout SplitMix) -> String { hardTexts.randomElement(using: &random) ?? "" }

    static func optionalText(_ random: inout SplitMix) -> String? { Bool.random(using: &random) ? text(&random) : nil }

    static func answer(_ random: inout SplitMix) -> SessionAnswer {
        var answer = SessionAnswer(
            state(&random),
            answeredBy: text(&random),
            answeredAt: someTime(&random),
            note: Bool.random(using: &random) ? text(&random) : nil
        )
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
            // An older file's note, without who and when.
            answer.noteBy = nil
            answer.noteAt = nil
        case 1:
            var origin = AnswerOrigin(
                packID: text(&random),
                packTitle: optionalText(&random),
                label: optionalText(&random),
                file: optionalText(&random),
                answeredAt: Bool.random(using: &random) ? someTime(&random) : nil,
                answeredBy: optionalText(&random)
            )
            if Bool.random(using: &random) {
                origin.confirmedBy = text(&random)
                origin.confirmedAt = someTime(&random)
            }
            answer.origin = origin
        default:
            break
        }
        return answer
    }

    static func content(_ random: inout SplitMix) -> SessionChange.Content? {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: nil
        case 1: .text(text(&random))
        case 2:
            .override(
                value: decimal(["3.5", "4", "-1", "0"].randomElement(using: &random) ?? "1"),
                justification: text(&random)
            )
        default: .answer(state(&random))
        }
    }

    /// A document with a random number of every part: answers of every kind, overrides (some
    /// confirmed), questions with and without options, set-aside answers, a label or none, a
    /// history and score verifications.
    static func document(seed: UInt64) throws -> SessionFile {
        var random = SplitMix(state: seed)
        let date = CalendarDate(year: 2021, month: 10, day: 1) ?? .minimum
        var session = SessionFile(
            pack: try #require(pack),
            evaluationDate: date,
            language: Bool.random(using: &random) ? "nl" : "en",
            now: time
        )
        session.updatedAt = someTime(&random)
        for index in 0..<Int.random(in: 0...12, using: &random) {
            let id = index % 3 == 0 ? text(&random) + "\(index)" : "question_\(index)"
            session.answers[id] = answer(&random)
        }
        if Bool.random(using: &random) { session.questions = [:] }
        for index in 0..<Int.random(in: 0...6, using: &random) {
            let options = (0..<Int.random(in: 0...3, using: &random)).map { "option \(text(&random)) \($0)" }
            var fingerprint = session.questions.values.first ?? session.questions["partner"]
            fingerprint?.options = options
            if let fingerprint { session.questions["extra_\(index)"] = fingerprint }
        }
        for index in 0..<Int.random(in: 0...4, using: &random) {
            var override = SessionOverride(
                value: decimal(["3.5", "4", "0", "-2", "10.25"].randomElement(using: &random) ?? "1"),
                justification: text(&random),
                by: "anna \(index)",
                at: someTime(&random)
            )
            if Bool.random(using: &random) {
                try override.confirm(by: "bert", at: someTime(&random), scoreID: "score_\(index)")
            }
            session.scoreOverrides["score_\(index)"] = override
        }
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            var reasons: [String: String] = [:]
            for language in ["nl", "en", "de"] where Bool.random(using: &random) { reasons[language] = text(&random) }
            session.setAside.append(
                SetAsideAnswer(
                    questionID: text(&random),
                    answer: answer(&random),
                    packVersion: "0.\(Int.random(in: 0...9, using: &random)).0",
                    reason: reasons,
                    setAsideAt: someTime(&random)
                )
            )
        }
        if Bool.random(using: &random) { session.label = text(&random) }
        for _ in 0..<Int.random(in: 0...5, using: &random) {
            session.history.append(
                SessionChange(
                    kind: SessionChange.Kind.allCases.randomElement(using: &random) ?? .answer,
                    id: text(&random),
                    by: text(&random),
                    at: someTime(&random),
                    old: content(&random),
                    new: content(&random),
                    source: optionalText(&random)
                )
            )
        }
        for index in 0..<Int.random(in: 0...3, using: &random) {
            let disputed = Bool.random(using: &random)
            session.scoreVerifications["score_\(index)"] = ScoreVerification(
                status: disputed ? .disputed : .verified,
                by: "bert",
                at: someTime(&random),
                reason: disputed ? "reason: " + text(&random) : optionalText(&random),
                computed: Bool.random(using: &random) ? decimal("3") : nil,
                override: Bool.random(using: &random) ? decimal("4.5") : nil
            )
        }
        return session
    }

    /// The JSON value of some JSON text, for comparing two texts that should say the same.
    static func parsed(_ data: Data) throws -> NSObject {
        try #require(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? NSObject)
    }

    @Test(arguments: UInt64(0)..<300)
    func aVariedDocumentWritesTheJSONOfItsCodableFormAndReadsBack(seed: UInt64) throws {
        let document = try Self.document(seed: seed)
        let compact = Data(document.compactJSON())
        #expect(try SessionStore.decode(compact, path: "compact") == document)
        let codable = try SessionStore.encode(document, path: "codable")
        #expect(try SessionStore.decode(compact, path: "compact") == SessionStore.decode(codable, path: "codable"))
        #expect(try Self.parsed(compact) == Self.parsed(codable))
        #expect(!compact.contains(UInt8(ascii: "\n")))
    }

    @Test func anEmptyDocumentWritesItsRequiredFieldsOnly() throws {
        var document = try Self.document(seed: 0)
        document.answers = [:]
        document.scoreOverrides = [:]
        document.questions = [:]
        document.setAside = []
        document.label = nil
        document.history = []
        document.scoreVerifications = [:]
        let text = String(decoding: document.compactJSON(), as: UTF8.self)
        #expect(
            text
                == #"{"format":"koers-session/1","pack_id":"changing","pack_version":"1.0.0","evaluation_date":"2021-10-01","#
                + #""language":"\#(document.language)","created_at":"2024-05-01T09:30:00Z","updated_at":"\#(document.updatedAt.formatted(Date.ISO8601FormatStyle()))","#
                + #""answers":{},"score_overrides":{},"questions":{},"set_aside":[]}"#
        )
        #expect(try SessionStore.decode(Data(text.utf8), path: "empty") == document)
    }

    @Test func theSameDocumentIsAlwaysWrittenTheSame() throws {
        let document = try Self.document(seed: 7)
        // The same entries added in another order make another dictionary layout.
        var reordered = document
        reordered.answers = [:]
        for (id, answer) in document.answers.sorted(by: { $0.key > $1.key }) { reordered.answers[id] = answer }
        reordered.questions = [:]
        for (id, fingerprint) in document.questions.sorted(by: { $0.key > $1.key }) {
            reordered.questions[id] = fingerprint
        }
        #expect(reordered.compactJSON() == document.compactJSON())
        let text = String(decoding: document.compactJSON(), as: UTF8.self)
        let keys = document.questions.keys.sorted()
        let places = keys.compactMap { text.range(of: "\"\($0)\":{\"type\"")?.lowerBound }
        #expect(places.count == keys.count && places == places.sorted())
    }

    @Test func changedQuestionsAreWrittenAsChangedAfterTheSameOnesWereWritten() throws {
        let document = try Self.document(seed: 3)
        var changed = document
        changed.questions["partner"] = QuestionFingerprint(try #require(Self.pack?.questions.first))
        changed.questions["partner"]?.options.append("a new option")
        var fewer = document
        fewer.questions["partner"] = nil
        for _ in 0..<2 {
            for version in [document, changed, fewer, document] {
                #expect(try SessionStore.decode(Data(version.compactJSON()), path: "questions") == version)
            }
        }
        #expect(changed.compactJSON() != document.compactJSON())
    }

    @Test func aChangesContentIsWrittenAsJSONEncoderWritesItWithSortedKeys() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var random = SplitMix(state: 99)
        var contents: [SessionChange.Content] = Self.hardTexts.map { .text($0) }
        for _ in 0..<500 {
            if let content = Self.content(&random) { contents.append(content) }
        }
        for content in contents {
            let compact = Data(content.compactJSON())
            #expect(compact == (try encoder.encode(content)), "\(String(decoding: compact, as: UTF8.self))")
            #expect(try JSONDecoder().decode(SessionChange.Content.self, from: compact) == content)
        }
    }

    @Test func timesAreWrittenAsTheISO8601FormatStyleWritesThem() throws {
        var random = SplitMix(state: 12)
        var times: [Date] = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 951_782_400),  // 2000-02-29
            Date(timeIntervalSince1970: 4_107_542_399),  // 2100-02-28T23:59:59Z
            Date(timeIntervalSince1970: 253_402_300_799),  // 9999-12-31T23:59:59Z
            Date(timeIntervalSince1970: 253_402_300_800), Date(timeIntervalSince1970: -1),
            Date(timeIntervalSince1970: -12_219_292_800), Date(timeIntervalSince1970: 1_714_555_800.75),
        ]
        for _ in 0..<2000 {
            times.append(Date(timeIntervalSince1970: Double(Int.random(in: 0..<253_402_300_800, using: &random))))
        }
        var document = try Self.document(seed: 1)
        for time in times {
            document.createdAt = time
            let text = String(decoding: document.compactJSON(), as: UTF8.self)
            let expected = "\"created_at\":\"\(time.formatted(Date.ISO8601FormatStyle()))\""
            #expect(text.contains(expected), "\(time.timeIntervalSince1970)")
        }
    }
}
