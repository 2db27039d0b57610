import Foundation
@testable import KoersBatch
import KoersCore
import KoersExpression
import KoersInterview
import Testing

/// Turning rows into answers: JSON values, CSV cells, `_id` and `_date`, and the CSV header.
@Suite struct BatchRowDecoderTests {
    private func json(_ text: String, decoder: BatchRowDecoder) -> Result<DecodedRow, RowFailure> {
        decoder.decode(RawRecord(row: 1, line: 1, content: .json(Array(text.utf8))))
    }

    @Test func jsonValuesKeepTheirType() throws {
        let interview = try BatchTestSupport.pack()
        let decoder = try BatchRowDecoder(pack: interview.pack, columns: nil)
        let row = try json(
            #"{"_id": 12, "_date": "2019-10-01", "scheme": "grant", "is_provider": true, "costs": 1.125, "#
                + #""months": 2.4e1, "purchasers": ["gemeente", "zorgkantoor"], "vision": null, "support": ""}"#,
            decoder: decoder
        ).get()
        #expect(row.id == "12")
        #expect(row.date == CalendarDate(year: 2019, month: 10, day: 1))
        #expect(row.inputs == [
            "scheme": .text("grant"), "is_provider": .boolean(true), "costs": .number(Decimal(string: "1.125") ?? 0),
            "months": .number(24), "purchasers": .list(["gemeente", "zorgkantoor"]),
        ])
    }

    /// The decoder reads a pack's keys as positions straight from the line's bytes; the rows'
    /// meaning and every error must stay those of the plain parser.
    @Test func knownKeysReadAsTheirQuestionsWithThePlainParsersErrors() throws {
        let interview = try BatchTestSupport.pack()
        let decoder = try BatchRowDecoder(pack: interview.pack, columns: nil)
        // Escaped and non-ASCII spellings of a question id are that question.
        let escaped = try json(#"{"sch\u0065me": "grant", "_i\u0064": "x", "costs": 5, "k\u00e9y": 1}"#, decoder: decoder).get()
        #expect(escaped.inputs == ["scheme": .text("grant"), "costs": .number(5)])
        #expect(escaped.id == "x")
        #expect(escaped.unknownKeys == ["k\u{e9}y"])
        let lines = [
            #"{"scheme": "grant", "scheme": "grant"}"#,
            #"{"scheme": "grant", "sch\u0065me": "grant"}"#,
            #"{"_id": "a", "months": 3, "_id": "b"}"#,
            #"{"other": 1, "other": 2}"#,
            #"{"scheme": "grant" "costs": 5}"#,
            #"{"scheme" "grant"}"#,
            #"{"purchasers": [["gemeente"]]}"#,
            #"{"costs": {"a": 1}}"#,
            #"{"scheme: "grant"}"#,
            "{\"" + String(repeating: "k", count: JSONRowParser.maximumKeyLength + 1) + "\": 1}",
        ]
        for line in lines {
            let plain: String
            do {
                _ = try JSONRowParser.parse(Array(line.utf8))
                Issue.record("the plain parser accepted \(line)")
                continue
            } catch {
                plain = error.description
            }
            guard case .failure(let failure) = json(line, decoder: decoder) else {
                Issue.record("the decoder accepted \(line)")
                continue
            }
            #expect(failure.problems.map(\.message) == [plain], "\(line)")
        }
    }

    @Test(arguments: [
        ("1250.5", "1250.5"), ("125000", "125000"), ("1.5e3", "1500"), ("0.25", "0.25"), ("-3", "-3"),
        ("1.125", "1.125"), ("0.000", "0"), ("12345678901234567890123", "12345678901234567890123"),
    ])
    func jsonNumbersAreReadExactly(literal: String, exact: String) {
        #expect(DecimalLiteral.parse(literal) == Decimal(string: exact, locale: Locale(identifier: "en_US_POSIX")))
    }

    @Test(arguments: ["1e300", "1e-200", "123456789012345678901234567890123456789", "1.2.3", "", "-", "1e", "0x10"])
    func jsonNumbersKoersCannotHoldAreRefused(literal: String) {
        #expect(DecimalLiteral.parse(literal) == nil)
    }

    @Test func aRowWithANumberKoersCannotHoldIsSkippedWithTheField() throws {
        let decoder = try BatchRowDecoder(pack: try BatchTestSupport.pack().pack, columns: nil)
        guard case .failure(let failure) = json(#"{"costs": 1e300}"#, decoder: decoder) else {
            Issue.record("accepted 1e300")
            return
        }
        #expect(failure.problems.first?.questionID == "costs")
        #expect(failure.problems.first?.message.contains("38 significant digits") == true)
    }

    @Test func jsonNumbersReadBackAsTheSameNumber() throws {
        let interview = try BatchTestSupport.pack()
        let decoder = try BatchRowDecoder(pack: interview.pack, columns: nil)
        let row = try json(#"{"scheme":"grant","costs":1250.5,"months":0.125}"#, decoder: decoder).get()
        let (answers, issues) = interview.answers(from: row.inputs, on: BatchTestSupport.date)
        #expect(answers["costs"] == .given(.money(Decimal(string: "1250.5") ?? 0)))
        // 0.125 is a fraction, not 125 in grouped thousands: rejected as a whole number.
        #expect(issues.map(\.questionID) == ["months"])
    }

    @Test func badIdOrDateFailsTheRow() throws {
        let decoder = try BatchRowDecoder(pack: try BatchTestSupport.pack().pack, columns: nil)
        guard case .failure(let failure) = json(#"{"_id": "x", "_date": "1-10-2021"}"#, decoder: decoder) else {
            Issue.record("accepted a bad date")
            return
        }
        #expect(failure.id == "x")
        #expect(failure.problems.first?.questionID == "_date")
        guard case .failure = json(#"{"_id": [1]}"#, decoder: decoder) else {
            Issue.record("accepted a list as _id")
            return
        }
    }

    @Test func invalidJSONFailsWithTheParserMessage() throws {
        let decoder = try BatchRowDecoder(pack: try BatchTestSupport.pack().pack, columns: nil)
        guard case .failure(let failure) = json(#"{"scheme": }"#, decoder: decoder) else {
            Issue.record("accepted invalid JSON")
            return
        }
        #expect(failure.problems.map(\.message) == [
            "invalid JSON at column 12: expected a value (a string, number, true, false, null or a list)",
        ])
    }

    @Test func csvCellsEmptyMeansUnansweredAndSemicolonsSplitChoices() throws {
        let pack = try BatchTestSupport.pack().pack
        let decoder = try BatchRowDecoder(
            pack: pack, columns: ["_id", "_date", "scheme", "purchasers", "costs", "is_provider"]
        )
        let row = try decoder.decode(
            RawRecord(row: 1, line: 2, content: .fields([" p1 ", "2021-10-01", "grant", "gemeente; zorgkantoor", "€ 1.000", "  "]))
        ).get()
        #expect(row.id == "p1")
        #expect(row.date == BatchTestSupport.date)
        #expect(row.inputs == [
            "scheme": .text("grant"), "purchasers": .list(["gemeente", "zorgkantoor"]), "costs": .text("€ 1.000"),
        ])
        let commas = try decoder.decode(
            RawRecord(row: 2, line: 3, content: .fields(["", "", "", "gemeente, zorgkantoor", "", ""]))
        ).get()
        #expect(commas.inputs == ["purchasers": .text("gemeente, zorgkantoor")])
        let lines = try decoder.decode(
            RawRecord(row: 3, line: 4, content: .fields(["", "", "", "gemeente,\nzorgkantoor\r\n", "", ""]))
        ).get()
        #expect(lines.inputs == ["purchasers": .list(["gemeente", "zorgkantoor"])])
        // A semicolon in a question that is not multiple choice stays text.
        let single = try decoder.decode(RawRecord(row: 3, line: 4, content: .fields(["", "", "a;b", "", "", ""]))).get()
        #expect(single.inputs == ["scheme": .text("a;b")])
    }

    @Test func csvRowWithTheWrongNumberOfFieldsFails() throws {
        let decoder = try BatchRowDecoder(pack: try BatchTestSupport.pack().pack, columns: ["_id", "scheme"])
        guard case .failure(let failure) = decoder.decode(RawRecord(row: 1, line: 2, content: .fields(["p1", "grant", "x"]))) else {
            Issue.record("accepted three fields for two columns")
            return
        }
        #expect(failure.id == "p1")
        #expect(failure.problems.map(\.message) == ["the row has 3 fields, but the header has 2 columns"])
    }

    @Test func csvHeaderWithAnUnknownOrRepeatedColumnStopsTheRun() throws {
        let pack = try BatchTestSupport.pack().pack
        #expect(
            throws: BatchError.badHeader(
                path: "in.csv", line: 1,
                message: "the header names 'schme', which is not a question of pack 'batch-test'; did you mean 'scheme'?"
            )
        ) {
            try BatchRowDecoder(pack: pack, columns: ["_id", "schme"], inputName: "in.csv")
        }
        #expect(
            throws: BatchError.badHeader(path: "in.csv", line: 3, message: "the column 'scheme' appears twice in the header")
        ) {
            try BatchRowDecoder(pack: pack, columns: ["scheme", "scheme"], inputName: "in.csv", headerLine: 3)
        }
    }

    @Test func jsonStringWithSemicolonsIsAListForMultipleChoice() throws {
        let decoder = try BatchRowDecoder(pack: try BatchTestSupport.pack().pack, columns: nil)
        let row = try json(#"{"purchasers": "gemeente; zorgkantoor", "scheme": "a;b"}"#, decoder: decoder).get()
        #expect(row.inputs == ["purchasers": .list(["gemeente", "zorgkantoor"]), "scheme": .text("a;b")])
    }

    @Test func rejectedAnswersAreShownOnOneLine() {
        let problem = RowProblem(questionID: "q", answer: "a\nb\tc", message: "No.")
        #expect(problem.description == #"'a\nb\tc' is not an answer to 'q': No."#)
    }
}
