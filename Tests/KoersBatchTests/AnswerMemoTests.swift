import Foundation
import KoersBatch
import KoersCore
import KoersInterview
import Testing

/// The rows of a chunk share what their typed answers read as (`AnswerMemo`): a chunk must
/// give exactly what its rows give when each is evaluated alone.
@Suite struct AnswerMemoTests {
    @Test("Rows of one chunk read repeated answers once, with the same results as rows read alone")
    func chunkGivesWhatRowsGiveAlone() throws {
        let interview = try BatchTestSupport.pack()
        let decoder = try BatchRowDecoder(pack: interview.pack, columns: nil)
        let evaluator = BatchRowEvaluator(
            interview: interview, decoder: decoder, date: BatchTestSupport.date, language: "en", inputName: "rows"
        )
        // The same texts for different questions (`3`, `nee`, `?`), rejected answers repeated,
        // a validation that fails on a remembered answer, and the first row again.
        let lines = [
            #"{"_id":"a","scheme":"grant","is_provider":"ja","purchasers":"gemeente","costs":"€ 30.000","months":"24","vision":"3","support":"4"}"#,
            #"{"_id":"b","scheme":"grant","is_provider":"nee","purchasers":"gemeente","costs":"?","months":"3","vision":"3","support":"3"}"#,
            #"{"_id":"c","scheme":"nee","is_provider":"ja","purchasers":"gemeente","costs":"€ 30.000","months":"24","vision":"3","support":"4"}"#,
            #"{"_id":"d","scheme":"grant","is_provider":"veel","purchasers":"geen, gemeente","costs":"?","months":"?","vision":"3","support":"4"}"#,
            #"{"_id":"e","scheme":"grant","is_provider":"veel","purchasers":"geen, gemeente","costs":"€ 30.000","months":"24","vision":"3","support":"4"}"#,
            #"{"_id":"f","scheme":"grant","is_provider":"ja","purchasers":"gemeente","costs":"€ 30.000","months":"24","vision":"3","support":"4"}"#,
        ]
        let records = lines.enumerated().map { offset, line in
            RawRecord(row: offset + 1, line: offset + 1, content: .json(Array(line.utf8)))
        }
        let together = evaluator.process(records, index: 0)
        var alone: [UInt8] = []
        var diagnostics = ""
        for record in records {
            let chunk = evaluator.process([record], index: 0)
            alone += chunk.output
            diagnostics += chunk.diagnostics
        }
        #expect(String(decoding: together.output, as: UTF8.self) == String(decoding: alone, as: UTF8.self))
        #expect(together.diagnostics == diagnostics)
        #expect(together.tally.evaluated >= 2 && together.tally.skipped >= 2, "\(together.tally)")
    }
}
