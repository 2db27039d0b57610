import KoersCore
import KoersExpression
import KoersInterview
import KoersPresentation
import KoersSession
import Testing

/// The shared catalogue covers every case the front ends ask it for, in both languages.
@Suite struct FrontEndTextTests {
    @Test func everyKindOfChangeInASessionFileHasWordsInBothLanguages() throws {
        // A kind without words would show up as its raw file name ("taken_over") in a report.
        for kind in SessionChange.Kind.allCases {
            let text = try #require(FrontEndText.changeKind(kind.rawValue), "no words for \(kind)")
            #expect(!text.nl.isEmpty && !text.en.isEmpty && text.nl != kind.rawValue)
        }
        #expect(FrontEndText.changeKind("taken_over") == .takenOver)
        #expect(FrontEndText.changeKind("something_new") == nil)
    }

    @Test func verdictsAndPrioritiesAreWordedOnceForEveryCase() {
        let verdicts = Verdict.allCases.map(FrontEndText.verdict)
        #expect(Set(verdicts).count == Verdict.allCases.count)
        #expect(FrontEndText.verdict(.eligible) == FrontEndText(nl: "komt in aanmerking", en: "eligible"))
        let priorities = Recommendation.Priority.allCases.map(FrontEndText.priority)
        #expect(priorities.map(\.nl) == ["hoog", "middel", "laag"])
    }

    @Test func monthsRunFromJanuaryToDecember() {
        #expect(FrontEndText.months.count == 12)
        #expect(FrontEndText.months.first == FrontEndText(nl: "januari", en: "January"))
        #expect(FrontEndText.months.last == FrontEndText(nl: "december", en: "December"))
        let date = CalendarDate(year: 2021, month: 10, day: 1) ?? .minimum
        #expect(ValueFormatter(language: "nl").format(date) == "1 oktober 2021")
    }
}
