import Foundation
import KoersExpression
import Testing

@Suite struct CalendarDateTests {
    @Test(arguments: [
        (2024, 2, 29, true), (2023, 2, 29, false), (2000, 2, 29, true), (1900, 2, 29, false),
        (2024, 4, 30, true), (2024, 4, 31, false), (2024, 12, 31, true), (2024, 13, 1, false),
        (2024, 0, 1, false), (2024, 1, 0, false), (0, 1, 1, false), (1, 1, 1, true),
        (9999, 12, 31, true), (10_000, 1, 1, false),
    ])
    func validatesParts(year: Int, month: Int, day: Int, isValid: Bool) {
        let date = CalendarDate(year: year, month: month, day: day)
        #expect((date != nil) == isValid)
        if let date {
            #expect([date.year, date.month, date.day] as [Int] == [year, month, day])
        }
    }

    @Test(arguments: [
        ("2022-12-31", true), ("2024-02-29", true), ("2023-02-29", false), ("2022-1-5", false),
        ("20221231", false), ("2022-12-31T00:00", false), (" 2022-12-31", false), ("2022/12/31", false),
        ("２０２２-12-31", false),
    ])
    func readsOnlyISODates(text: String, isValid: Bool) {
        let date = CalendarDate(iso: text)
        #expect((date != nil) == isValid)
        if let date { #expect(date.description == text) }
    }

    @Test func printsFourDigitYears() throws {
        #expect(try #require(CalendarDate(year: 33, month: 4, day: 3)).description == "0033-04-03")
    }

    @Test(arguments: [
        ("2024-02-28", 1, "2024-02-29"), ("2024-02-28", 2, "2024-03-01"), ("2023-02-28", 1, "2023-03-01"),
        ("2024-01-01", -1, "2023-12-31"), ("2024-12-31", 1, "2025-01-01"), ("2000-01-01", 366, "2001-01-01"),
        ("2024-03-01", -366, "2023-03-01"),
    ])
    func addsDays(start: String, days: Int, result: String) {
        #expect(Fixtures.date(start).adding(days: days) == Fixtures.date(result))
        #expect(Fixtures.date(start).days(until: Fixtures.date(result)) == days)
    }

    @Test(arguments: [
        ("2024-01-31", 1, "2024-02-29"), ("2023-01-31", 1, "2023-02-28"), ("2024-03-31", -1, "2024-02-29"),
        ("2024-12-15", 1, "2025-01-15"), ("2024-01-15", -1, "2023-12-15"), ("2024-02-29", 12, "2025-02-28"),
        ("2024-05-31", 1, "2024-06-30"), ("2024-01-31", 0, "2024-01-31"), ("2024-02-29", -48, "2020-02-29"),
    ])
    func addsMonthsClampingTheDay(start: String, months: Int, result: String) {
        #expect(Fixtures.date(start).adding(months: months) == Fixtures.date(result))
    }

    @Test func agreesWithFoundationsCalendarOverFourYears() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let start = Fixtures.date("1999-11-15")
        let foundationStart = try #require(calendar.date(from: DateComponents(year: 1999, month: 11, day: 15)))
        for offset in stride(from: -800, through: 800, by: 7) {
            let moved = start.adding(days: offset)
            let reference = try #require(calendar.date(byAdding: .day, value: offset, to: foundationStart))
            let parts = calendar.dateComponents([.year, .month, .day], from: reference)
            #expect([moved.year, moved.month, moved.day] as [Int?] == [parts.year, parts.month, parts.day])
        }
    }

    @Test func countsDaysBetweenDates() {
        #expect(Fixtures.date("2000-01-01").days(until: Fixtures.date("2024-01-01")) == 8766)
        #expect(Fixtures.date("2024-01-01").days(until: Fixtures.date("2000-01-01")) == -8766)
        #expect(CalendarDate.minimum.days(until: .maximum) == 3_652_058)
    }

    @Test func staysWithinItsRange() {
        #expect(CalendarDate.maximum.addingIfInRange(days: 1) == nil)
        #expect(CalendarDate.minimum.addingIfInRange(days: -1) == nil)
        #expect(CalendarDate.maximum.addingIfInRange(months: 1) == nil)
        #expect(CalendarDate.maximum.addingIfInRange(days: Int.max) == nil)
        #expect(CalendarDate.maximum.adding(days: 10) == .maximum)
        #expect(CalendarDate.minimum.adding(months: -10) == .minimum)
        #expect(CalendarDate.minimum.addingIfInRange(months: -1) == nil)
    }

    @Test func ordersChronologically() {
        let dates = ["2024-01-02", "2023-12-31", "2024-01-01", "0999-05-05"].map { Fixtures.date($0) }
        #expect(dates.sorted().map(\.description) == ["0999-05-05", "2023-12-31", "2024-01-01", "2024-01-02"])
    }

    @Test func codesAsAnISOString() throws {
        let data = try JSONEncoder().encode([Fixtures.date("2022-12-31")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2022-12-31"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [Fixtures.date("2022-12-31")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2022-02-30"]"#.utf8))
        }
    }

    @Test func knowsToday() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        let today = CalendarDate.today(in: utc)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        let reference = try #require(CalendarDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0))
        // Allow for midnight passing between the two readings.
        #expect(abs(today.days(until: reference)) <= 1)
    }
}
