import Foundation
import KoersExpression
import KoersInterview
import KoersPresentation
import Testing

/// What the front ends show, without a pack: formatted values and the overall verdict.
@Suite struct ValueFormatterTests {
    @Test func valuesAndAnswersAreFormattedForPeople() {
        let dutch = ValueFormatter(language: "nl")
        let english = ValueFormatter(language: "en")
        #expect(dutch.format(.money(Decimal(string: "125000.5") ?? 0)) == "€ 125.000,50")
        #expect(english.format(.money(Decimal(string: "125000.5") ?? 0)) == "€125,000.50")
        #expect(dutch.format(.money(60_000)) == "€ 60.000")
        #expect(english.format(.money(-1_250)) == "-€1,250")
        #expect(dutch.format(.money(Decimal(string: "0.005") ?? 0)) == "€ 0,01")
        #expect(dutch.format(.percentage(Decimal(string: "0.125") ?? 0)) == "12,5%")
        #expect(english.format(.percentage(Decimal(string: "0.125") ?? 0)) == "12.5%")
        #expect(dutch.format(.number(1_234_567)) == "1.234.567")
        #expect(dutch.format(.boolean(true)) == "ja")
        #expect(english.format(.date(CalendarDate(year: 2022, month: 12, day: 31) ?? .minimum)) == "31 December 2022")
        #expect(dutch.format(AnswerState.unknown) == "weet ik niet")
    }

    @Test func theOverallVerdictIgnoresNotRequestedOutcomes() {
        typealias Overall = EvaluationDocument.OverallVerdict
        #expect(Overall([.notRequested, .eligible]) == .eligible)
        #expect(Overall([.notRequested, .ineligible]) == .ineligible)
        #expect(Overall([.undetermined, .notRequested, .ineligible]) == .undetermined)
        // Nothing requested: nothing to report as missing or rejected.
        #expect(Overall([.notRequested, .notRequested]) == .noOutcomes)
    }
}
