import Foundation
@testable import KoersServer
import Testing

/// Dates on the pages are written out for a person: "31 december 2022", "31 December 2022".
@Suite struct PageDatesTests {
    @Test func daysAreWrittenOutPerLanguage() {
        #expect(PageDates.day("2022-12-31", language: "nl") == "31 december 2022")
        #expect(PageDates.day("2022-12-31", language: "en") == "31 December 2022")
        #expect(PageDates.day("2021-03-01", language: "nl") == "1 maart 2021")
        #expect(PageDates.day("2021-03-01", language: "en") == "1 March 2021")
        // What is not a date is shown as it is.
        #expect(PageDates.day("soon", language: "nl") == "soon")
        #expect(PageDates.day("2021-13-01", language: "nl") == "2021-13-01")
    }

    @Test func momentsShowTheDayInWordsAndTheTimeInUTC() {
        let moment = Date(timeIntervalSince1970: 1_795_442_700)  // 2026-11-23 14:05 UTC
        #expect(PageDates.moment(moment, language: "nl") == "23 november 2026 14:05")
        #expect(PageDates.moment(moment, language: "en") == "23 November 2026 14:05")
    }
}
