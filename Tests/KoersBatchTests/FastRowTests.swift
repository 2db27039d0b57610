import Foundation
@testable import KoersBatch
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersInterview
import KoersTestSupport
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
        var workspace = RowWorkspace(
            copying: fast.interview, language: "en", levelMinimums: BatchTally.levelMinimums(of: fast.interview.pack)
        )
        let decider = AnswerSetDecider(interview: fast.interview, on: BatchTestSupport.date)
        for line in Self.plainRows {
            let decided = Array(line.utf8).withUnsafeBufferPointer {
                fast.fastDecision(of: $0, workspace: &workspace, decider: decider)
            }
            #expect(decided != nil, "\(line)")
        }
        for line in Self.unusualRows {
            let decided = line.withUnsafeBufferPointer {
                fast.fastDecision(of: $0, workspace: &workspace, decider: decider)
            }
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

    // MARK: One run for many rows

    /// Rows that differ from the row before in one answer or in the date, across the validity
    /// boundary of both outcomes (`old_grant` until 2019, `grant` from 2020), and rows the fast
    /// path hands on in between.
    static let alternatingRows: [String] = [
        #"{"_id":"1","scheme":"grant","is_provider":"ja","purchasers":"gemeente","costs":30000,"months":24,"vision":3,"support":4}"#,
        #"{"_id":"2","scheme":"grant","is_provider":"nee","purchasers":"gemeente","costs":30000,"months":24,"vision":3,"support":4}"#,
        #"{"_id":"3","_date":"2019-06-01","scheme":"grant","is_provider":"ja","purchasers":"gemeente","costs":30000,"months":24,"vision":3,"support":4}"#,
        #"{"_id":"4","scheme":"grant","is_provider":"ja","purchasers":"gemeente","costs":30000,"months":24,"vision":3,"support":4}"#,
        #"{"_id":"5","_date":"2019-06-01","scheme":"grant","is_provider":"ja","purchasers":"gemeente","costs":30000,"months":24,"vision":3,"support":4}"#,
        #"{"_id":"6","_date":"2019-06-01","scheme":"grant","is_provider":"ja","purchasers":"gemeente","costs":30000,"months":24}"#,
        #"{"_id":"7","_date":"2019-06-01","scheme":"grant","is_provider":"ja","purchasers":"geen, gemeente","costs":30000,"months":24}"#,
        #"{"_id":"8","_date":"2019-06-01","scheme":"grant","is_provider":"ja","purchasers":"gemeente","costs":30000,"months":24}"#,
        #"{"_id":"9","scheme":"grant","is_provider":"ja","costs":"?","months":24,"vision":3,"support":4}"#,
        #"{"_id":"10","scheme":"grant","is_provider":"ja","purchasers":"gemeente","costs":5000,"months":40,"vision":3,"support":4}"#,
        #"{"_id":"11","scheme":"scan","is_provider":"ja","purchasers":"gemeente","costs":5000,"months":40,"vision":3}"#,
        #"{"_id":"12","scheme":"grant","is_provider":"ja","purchasers":"gemeente","costs":5000,"months":40,"vision":3}"#,
        #"{"_id":"13","_date":"2020-01-01","scheme":"grant","is_provider":"ja","purchasers":"gemeente","costs":5000,"months":40}"#,
        #"{"_id":"14","_date":"2019-12-31","scheme":"grant","is_provider":"ja","purchasers":"gemeente","costs":5000,"months":40}"#,
        #"{"_id":"15","_date":"2020-01-01","scheme":"grant","is_provider":"ja","purchasers":"gemeente","costs":5000,"months":40}"#,
        #"{"_id":"16","scheme":"grant","is_provider":"ja","purchasers":"gemeente","costs":"x","months":40}"#,
        #"{"_id":"17","scheme":"grant","is_provider":"ja","purchasers":"gemeente","costs":5000,"months":40}"#,
    ]

    @Test("A chunk's rows decide on one run exactly as each row decides alone", arguments: [false, true])
    func reusedRunDecidesEachRowAsAlone(csv: Bool) throws {
        let (fast, full) = try Self.evaluators(csv: csv)
        let lines = Self.alternatingRows.map { Array($0.utf8) }
        // Every row alone, on the full path (a fresh run per row) and as a chunk of one.
        var alone: [UInt8] = []
        var aloneDiagnostics = ""
        for (offset, line) in lines.enumerated() {
            let record = RawRecord(row: offset + 1, line: offset + 2, content: .json(line))
            let single = fast.process([record], index: offset)
            let fresh = full.process([record], index: offset)
            #expect(single.output == fresh.output, "row \(offset + 1)")
            alone += fresh.output
            aloneDiagnostics += fresh.diagnostics
        }
        // All rows as one chunk, forwards and then again, so the run carries every row's
        // answers and date into the next.
        let records = Self.records(lines)
        for round in 1...2 {
            let chunk = fast.process(records, index: 0)
            #expect(String(decoding: chunk.output, as: UTF8.self) == String(decoding: alone, as: UTF8.self), "round \(round)")
            #expect(chunk.diagnostics == aloneDiagnostics)
            #expect(chunk.tally == full.process(records, index: 0).tally)
        }
        // In reverse, and each pair of rows in both orders.
        let reversed = Self.records(lines.reversed())
        #expect(fast.process(reversed, index: 0).output == full.process(reversed, index: 0).output)
        for first in lines.indices {
            for second in lines.indices where second != first {
                let pair = Self.records([lines[first], lines[second]])
                #expect(
                    fast.process(pair, index: 0).output == full.process(pair, index: 0).output,
                    "rows \(first + 1), \(second + 1)"
                )
            }
        }
    }

    /// A pack whose validations read a later question (seen unanswered when checked in pack
    /// order) and the evaluation date, with an outcome, a value and a relevance that change at
    /// a date.
    static let validationPack = """
        id: reuse-test
        version: 1.0.0
        engine: ">= 0.1"
        languages: [nl, en]
        title: {nl: Hergebruik, en: Reuse}
        valid_from: 2019-01-01
        valid_until: 2030-12-31
        sources:
          - {id: regeling, title: {nl: Regeling, en: Regulation}, url: "https://example.org/r", year: 2021}
        questions:
          - id: budget
            type: integer
            text: {nl: Budget?, en: Budget?}
            min: 0
            validations:
              - rule: budget >= spent
                message: {nl: Te weinig budget., en: Too little budget.}
            source: regeling
          - id: spent
            type: integer
            text: {nl: Uitgegeven?, en: Spent?}
            min: 0
            validations:
              - rule: spent <= budget
                message: {nl: Meer uitgegeven dan het budget., en: More spent than the budget.}
            source: regeling
          - id: deadline
            type: date
            text: {nl: Uiterste datum?, en: Deadline?}
            relevant_if: evaluation_date >= 2021-01-01
            validations:
              - rule: deadline >= evaluation_date
                message: {nl: De datum is voorbij., en: The date has passed.}
            source: regeling
        values:
          - id: cap
            type: number
            expr: if evaluation_date < 2021-01-01 then 100 else 50
            source: regeling
        outcomes:
          - id: new_grant
            title: {nl: Nieuw, en: New}
            valid_from: 2021-01-01
            source: regeling
            requirements:
              - id: within_cap
                condition: spent <= cap
                reason: {nl: Binnen het plafond., en: Within the cap.}
                source: regeling
              - id: on_time
                condition: deadline >= evaluation_date
                reason: {nl: Op tijd., en: On time.}
                source: regeling
            amounts:
              - id: rest
                label: {nl: Rest, en: Rest}
                expr: budget - spent
                source: regeling
          - id: old_grant
            title: {nl: Oud, en: Old}
            valid_until: 2020-12-31
            source: regeling
            requirements:
              - id: within_cap
                condition: spent <= cap
                reason: {nl: Binnen het plafond., en: Within the cap.}
                source: regeling
        """

    @Test("A reused run forgets the answers and the date of the set before")
    func deciderMatchesAFreshRun() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.validationPack.write(to: directory.appendingPathComponent("pack.yaml"), atomically: true, encoding: .utf8)
        let registry = try BuiltinPlugins.registry()
        let loaded = RulePackLoader(registry: registry).load(directory: directory.path)
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        let interview = Interview(pack: pack, registry: registry)
        let before = try #require(CalendarDate(iso: "2020-06-01"))
        let after = try #require(CalendarDate(iso: "2021-06-01"))

        func readings(_ budget: String?, _ spent: String?, _ deadline: String?) throws -> [AnswerState?] {
            try [budget, spent, deadline].enumerated().map { position, text in
                guard let text else { return nil }
                return try interview.reading(of: .text(text), at: position).get()
            }
        }
        // Sets that differ from the one before in one answer or in the date: a later answer
        // that an earlier validation would see if it were left over, a deadline valid on one
        // date and not on the other, the value and outcomes that change at a date.
        let sets: [(readings: [AnswerState?], date: CalendarDate)] = [
            (try readings("10", "90", "2021-03-01"), after),
            (try readings("10", "90", "2021-03-01"), before),
            (try readings("100", "90", "2021-03-01"), after),
            (try readings("10", "5", "2021-03-01"), after),
            (try readings("10", "5", "2021-12-01"), after),
            (try readings("10", nil, "2021-12-01"), after),
            (try readings("10", "60", nil), before),
            (try readings("10", "60", nil), after),
            (try readings("70", "60", "2021-12-01"), after),
            (try readings("70", "60", "2020-12-01"), after),
            (try readings("70", "60", "2020-12-01"), before),
            (try readings(nil, "60", "2020-12-01"), before),
            (try readings("70", "60", "2020-12-01"), before),
        ]
        func fresh(_ set: (readings: [AnswerState?], date: CalendarDate)) -> String {
            String(describing: interview.decide(readings: set.readings, on: set.date))
        }
        // The sets differ in what they decide, so a leftover answer or date would show.
        #expect(Set(sets.map(fresh)).count > sets.count / 2)
        var orders: [[Int]] = [Array(sets.indices), Array(sets.indices.reversed())]
        for first in sets.indices {
            for second in sets.indices where second != first {
                orders.append([first, second, first])
            }
        }
        for order in orders {
            let decider = AnswerSetDecider(interview: interview, on: before)
            for index in order {
                let reused = String(describing: decider.decide(readings: sets[index].readings, on: sets[index].date))
                #expect(reused == fresh(sets[index]), "set \(index) in order \(order)")
            }
        }
        // Every set on twelve dates in turn (July 2020 to June 2021, across the pack's change
        // at 2021 and the deadlines), more dates than the decider keeps runs for (eight), twice
        // round: runs are taken over for other dates and dates come back.
        let months = try ["2020-07", "2020-08", "2020-09", "2020-10", "2020-11", "2020-12",
                          "2021-01", "2021-02", "2021-03", "2021-04", "2021-05", "2021-06"].map { month in
            try #require(CalendarDate(iso: month + "-15"))
        }
        let decider = AnswerSetDecider(interview: interview, on: before)
        for round in 0..<2 {
            for (index, set) in sets.enumerated() {
                for offset in months.indices {
                    let dated = (readings: set.readings, date: months[(offset + index + round) % months.count])
                    let reused = String(describing: decider.decide(readings: dated.readings, on: dated.date))
                    #expect(reused == fresh(dated), "set \(index) on \(dated.date), round \(round)")
                }
            }
        }
        // The decider refills its last decision in place; a decision the caller keeps is a
        // value and stays as it was given.
        let keeping = AnswerSetDecider(interview: interview, on: before)
        var kept: [(decision: Result<Decision, AnswerIssues>, text: String)] = []
        for set in sets + sets.reversed() {
            let decision = keeping.decide(readings: set.readings, on: set.date)
            kept.append((decision, String(describing: decision)))
        }
        for (index, entry) in kept.enumerated() {
            #expect(String(describing: entry.decision) == entry.text, "kept decision \(index)")
        }
    }

    /// Three rows of the synthetic set-eligibility answers (`koers-bench --write-answers`).
    static let eligibilityRows: [String] = [
        #"{"_id":"p-000001","scheme":"set","is_care_provider":"ja","is_youth_care_provider":"ja","purchaser_partners":["zorgverzekeraar","zorgkantoor","gemeente"],"proven_ehealth":true,"home_target_group":"Ja","aim_more_clients":"nee","aim_structural_embedding":"ja","aim_sustainable_financing":"Ja","duration_months":20,"stated_total_costs":346500,"pm_costs":"€ 63.000","implementation_costs":"€ 77.000","ehealth_costs":57500,"training_costs":"€ 149.000","preset_aim_vision":true,"preset_plan_involves_purchaser":"Ja","vision_wage_costs":"4.500,-","vision_external_hire":"ja","covid1_continuity":true,"covid1_open_application":false,"covid2_sector":"jeugdhulp","covid2_active_clients":35,"covid2_ehealth_users":312,"covid_grants_received":418,"covid2_same_category":"ja","covid2_costs":2000,"covid2_ehealth_costs":"€ 3.000","eherkenning_level":"eh2_plus","submission_deadline":"2023-12-31","set_documents_ready":["garantstelling","samenwerkingsverklaring"],"preset_documents_ready":"offerte","crit_quality":"nee","crit_partnership":"nee","crit_involvement":"deels","crit_technology":["standards"]}"#,
        #"{"_id":"p-000002","scheme":"covid19","is_care_provider":"ja","is_youth_care_provider":"ja","purchaser_partners":"zorgkantoor, gemeente","proven_ehealth":"ja","home_target_group":"Ja","aim_more_clients":"Ja","aim_structural_embedding":"Ja","aim_sustainable_financing":true,"duration_months":40,"stated_total_costs":730500,"pm_costs":"€ 69.000","implementation_costs":"€ 424.000","ehealth_costs":121500,"training_costs":116000,"preset_aim_vision":true,"preset_plan_involves_purchaser":"ja","vision_wage_costs":"60.000,-","vision_external_hire":"nee","covid1_continuity":"ja","covid1_open_application":"Ja","covid2_sector":"wmo","covid2_active_clients":415,"covid2_ehealth_users":416,"covid_grants_received":392,"covid2_same_category":"Ja","covid2_costs":20000,"covid2_ehealth_costs":"€ 3.000","eherkenning_level":"eh3","submission_deadline":"2023-12-31","set_documents_ready":"activiteitenplan, begroting, garantstelling, samenwerkingsverklaring","preset_documents_ready":"plan_van_aanpak","crit_quality":"deels","crit_partnership":"ja","crit_involvement":"nee","crit_technology":"ict_infrastructure, scalable"}"#,
        #"{"_id":"p-000021","scheme":"set","is_care_provider":"ja","is_youth_care_provider":"ja","purchaser_partners":"zorgverzekeraar","proven_ehealth":"ja","home_target_group":"ja","aim_more_clients":"Ja","aim_structural_embedding":"Ja","aim_sustainable_financing":"ja","duration_months":15,"stated_total_costs":"€ 722.000","pm_costs":"€ 66.000","implementation_costs":"402000","ehealth_costs":"€ 130.000","training_costs":"€ 124.000","preset_aim_vision":"ja","preset_plan_involves_purchaser":"ja","vision_wage_costs":"€ 37.000","vision_external_hire":true,"covid1_continuity":"ja","covid1_open_application":true,"covid2_sector":"wijkverpleging","covid2_active_clients":433,"covid2_ehealth_users":365,"covid_grants_received":36,"covid2_same_category":"Ja","covid2_costs":14000,"covid2_ehealth_costs":"€ 3.000","eherkenning_level":"eh2_plus","submission_deadline":"2023-12-31","set_documents_ready":"activiteitenplan","preset_documents_ready":["plan_van_aanpak","de_minimisverklaring"],"crit_quality":"deels","crit_partnership":"deels","crit_involvement":"nee","crit_technology":"scalable"}"#,
    ]

    @Test("set-eligibility rows whose dates alternate across 2020-02-01 decide as each row alone", arguments: [false, true])
    func reusedRunForgetsTheDate(csv: Bool) throws {
        let registry = try BuiltinPlugins.registry()
        let directory = Fixtures.rulesDirectory.appendingPathComponent("set-eligibility").path
        let loaded = RulePackLoader(registry: registry).load(directory: directory)
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        let interview = Interview(pack: pack, registry: registry)
        let fast = BatchRowEvaluator(
            interview: interview, decoder: try BatchRowDecoder(pack: pack, columns: nil), date: BatchTestSupport.date,
            language: "en", inputName: "rows", csv: csv ? BatchCSVWriter(pack: pack) : nil
        )
        var full = fast
        full.usesFastPath = false
        // Each row on dates before and after the change of 2020-02-01 (relevance, ceilings)
        // and after the outcomes close, one row after another and each row twice in a row.
        let dates = ["2020-01-15", "2021-10-01", "2020-01-31", "2023-03-01", "2020-02-01"]
        var lines: [[UInt8]] = []
        for date in dates {
            for row in Self.eligibilityRows {
                lines.append(Array(#"{"_date":"\#(date)","#.utf8) + Array(row.utf8.dropFirst()))
            }
        }
        for row in Self.eligibilityRows {
            for date in dates {
                lines.append(Array(#"{"_date":"\#(date)","#.utf8) + Array(row.utf8.dropFirst()))
            }
        }
        var alone: [UInt8] = []
        var decidedAlone: [[UInt8]] = []
        for (offset, line) in lines.enumerated() {
            let record = RawRecord(row: offset + 1, line: offset + 2, content: .json(line))
            let fresh = full.process([record], index: offset)
            #expect(fast.process([record], index: offset).output == fresh.output, "row \(offset + 1)")
            alone += fresh.output
            decidedAlone.append(fresh.output)
        }
        // The dates change what the rows decide, so a result kept from another date would show.
        // (The first row on each date: what it decides, written after the date.)
        let firstRowOnEachDate = dates.indices.map { offset -> String in
            let text = String(decoding: decidedAlone[dates.count * Self.eligibilityRows.count + offset], as: UTF8.self)
            return text.components(separatedBy: dates[offset]).last ?? text
        }
        #expect(Set(firstRowOnEachDate).count >= 3)
        let chunk = fast.process(Self.records(lines), index: 0)
        #expect(String(decoding: chunk.output, as: UTF8.self) == String(decoding: alone, as: UTF8.self))
    }
}
