import Foundation
@testable import KoersBatch
import KoersCore
import KoersInterview
import Testing

/// The fast path of a batch row (``RowScanner``, ``ByteAnswerMemo``, ``DecisionWriter``) must
/// give, byte for byte, what the full path (``JSONRowParser``, ``BatchRowDecoder``, the typed
/// inputs and ``JSONWriter``) gives for the same rows, and hand every unusual row to the full path.
@Suite struct FastRowTests {
    /// Plain rows the fast path decides, in the forms people and exports write: text and JSON
    /// values, lists, spaces, numbers as ids, dates, "don't know", empty and null answers,
    /// text that is not ASCII, a knock-out, an undetermined outcome, missing score answers.
    static let plainRows = [
        #"{"_id":"a","scheme":"grant","is_provider":"ja","purchasers":"gemeente","costs":"€ 30.000","months":"24","vision":"3","support":"4"}"#,
        #"{"_id": 7, "scheme": "grant", "is_provider": true, "purchasers": ["gemeente", "zorgkantoor"], "costs": 30000.5, "months": 24, "vision": 3, "support": 4}"#,
        #"{"_id":"b","_date":"2019-06-01","scheme":"grant","is_provider":"nee","purchasers":"gemeente","costs":"?","months":"3","vision":"3","support":"3"}"#,
        #"{"_id":"c","_date":"","scheme":"grant","is_provider":null,"purchasers":"","costs":"weet niet","vision":5}"#,
        #"{"scheme":"scan","vision":"1","support":"2"}"#,
        #"{"_id":"é-ü","scheme":"grant","is_provider":"Ja","purchasers":["gemeente",null,"zorgverzekeraar"],"costs":"12.500,-","months":36,"vision":3,"support":4}"#,
        #"{"_id":null,"scheme":"grant","is_provider":false,"purchasers":"gemeente; zorgkantoor","costs":5000,"months":40}"#,
        "{ \"_id\" : \"d\" ,\t\"scheme\" : \"grant\" , \"costs\" : 1e3 }",
        #"{}"#,
        #"{"_id":"a","scheme":"grant","is_provider":"ja","purchasers":"gemeente","costs":"€ 30.000","months":"24","vision":"3","support":"4"}"#,
    ]

    /// Rows the fast path hands on: escapes, unknown and repeated keys, rejected answers, a
    /// failed validation, bad dates and ids, objects, syntax errors, bytes that are not UTF-8.
    static let unusualRows: [[UInt8]] = [
        #"{"_id":"e\"1","scheme":"grant","costs":"€ 30.000"}"#,
        #"{"_id":"f","scheme":"gr\u0061nt"}"#,
        #"{"_id":"g","schema":"grant"}"#,
        #"{"_id":"h","scheme":"grant","scheme":"scan"}"#,
        #"{"_id":"i","scheme":"grant","is_provider":"veel"}"#,
        #"{"_id":"j","scheme":"grant","purchasers":"geen, gemeente"}"#,
        #"{"_id":"k","_date":"1 oktober","scheme":"grant"}"#,
        #"{"_id":true,"scheme":"grant"}"#,
        #"{"_id":"l","scheme":{"a":1}}"#,
        #"{"_id":"m","scheme":"grant",}"#,
        #"{"_id":"n","costs":12345678901234567890123456789012345678901}"#,
        #"{"_id":"o","purchasers":[["gemeente"]]}"#,
        #"[1,2]"#,
        #"{"_id":"p","months":"-"}"#,
        #"{"_id":"q","costs":-5}"#,
    ].map { Array($0.utf8) } + [
        Array(#"{"_id":"r","scheme":""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8),
        Array(#"{"_id":""#.utf8) + [0xC3] + Array(#"","scheme":"grant"}"#.utf8),
    ]

    private static func records(_ lines: [[UInt8]]) -> [RawRecord] {
        lines.enumerated().map { offset, line in RawRecord(row: offset + 1, line: offset + 2, content: .json(line)) }
    }

    private static func evaluators(csv: Bool) throws -> (fast: BatchRowEvaluator, full: BatchRowEvaluator) {
        let interview = try BatchTestSupport.pack()
        let decoder = try BatchRowDecoder(pack: interview.pack, columns: nil)
        let fast = BatchRowEvaluator(
            interview: interview, decoder: decoder, date: BatchTestSupport.date, language: "en", inputName: "rows",
            csv: csv ? BatchCSVWriter(pack: interview.pack) : nil
        )
        var full = fast
        full.usesFastPath = false
        return (fast, full)
    }

    @Test("The fast path decides plain rows, and every row comes out as the full path writes it", arguments: [false, true])
    func sameOutputAsTheFullPath(csv: Bool) throws {
        let (fast, full) = try Self.evaluators(csv: csv)
        let lines = Self.plainRows.map { Array($0.utf8) } + Self.unusualRows
        let records = Self.records(lines)
        // Twice, so that the second round reads every value from the memo.
        for round in 1...2 {
            let fastChunk = fast.process(records, index: 0)
            let fullChunk = full.process(records, index: 0)
            #expect(
                String(decoding: fastChunk.output, as: UTF8.self) == String(decoding: fullChunk.output, as: UTF8.self),
                "round \(round)"
            )
            #expect(fastChunk.diagnostics == fullChunk.diagnostics)
            #expect(fastChunk.tally == fullChunk.tally)
        }
    }

    @Test("Plain rows take the fast path; unusual ones are left to the full path")
    func whichRowsTakeTheFastPath() throws {
        let (fast, _) = try Self.evaluators(csv: false)
        var workspace = RowWorkspace(questionCount: fast.interview.pack.questions.count)
        for line in Self.plainRows {
            let decided = Array(line.utf8).withUnsafeBufferPointer { fast.fastDecision(of: $0, workspace: &workspace) }
            #expect(decided != nil, "\(line)")
        }
        for line in Self.unusualRows {
            let decided = line.withUnsafeBufferPointer { fast.fastDecision(of: $0, workspace: &workspace) }
            #expect(decided == nil, "\(String(decoding: line, as: UTF8.self))")
        }
        #expect(workspace.readings.allSatisfy { $0 == nil })
    }

    @Test("The memo stops learning at its bounds and still reads every value")
    func memoIsBounded() throws {
        let (fast, full) = try Self.evaluators(csv: false)
        let count = ByteAnswerMemo.perQuestion + 50
        let lines = (0..<count).map { index in
            Array(#"{"_id":"\#(index)","scheme":"grant","is_provider":"ja","purchasers":"gemeente","costs":\#(10_000 + index),"months":24}"#.utf8)
        }
        let records = Self.records(lines)
        let fastChunk = fast.process(records, index: 0)
        let again = fast.process(records, index: 1)
        let fullChunk = full.process(records, index: 0)
        #expect(fastChunk.output == fullChunk.output)
        #expect(again.output == fullChunk.output)
        #expect(fastChunk.tally.evaluated == count)
    }
}
