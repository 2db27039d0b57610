import Foundation
import Testing

@testable import KoersStorage

/// Stored times: UTC ISO 8601 with milliseconds, as Foundation's format style writes the
/// seconds.
@Suite struct StoreTimeTests {
    /// The text as the format style alone writes it, for comparison.
    static func formatted(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (whole, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let second = fraction < 0 ? whole - 1 : whole
        let millisecond = fraction < 0 ? fraction + 1000 : fraction
        let text = Date.ISO8601FormatStyle(timeZone: .gmt).format(Date(timeIntervalSince1970: Double(second)))
        return text.dropLast() + "." + String(format: "%03d", Int(millisecond)) + "Z"
    }

    @Test(arguments: [
        0, 0.001, 0.0995, 0.9996, 59.999, 1_714_555_800.123, 1_714_555_800.1, 951_782_400.5, 4_102_444_799.999,
        253_402_300_799.999, 253_402_300_800.25, -0.001, -1.5, -2_208_988_800.75,
    ])
    func timesAreWrittenAsTheFormatStyleWritesThem(seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds)
        let text = StoreTime.text(date)
        #expect(text == Self.formatted(date))
        #expect(text.utf8.count == 24 || seconds < 0 || seconds >= 253_402_300_800)
        if text.utf8.count == 24 {
            let read = try StoreTime.date(text, column: "at")
            #expect(abs(read.timeIntervalSince1970 - (date.timeIntervalSince1970 * 1000).rounded() / 1000) < 0.0005)
        }
    }

    @Test func aTimeIsUTCWithMilliseconds() {
        #expect(StoreTime.text(Date(timeIntervalSince1970: 1_714_555_800.123)) == "2024-05-01T09:30:00.123Z")
        #expect(StoreTime.text(Date(timeIntervalSince1970: 1_714_555_800)) == "2024-05-01T09:30:00.000Z")
    }

    /// A stored text read with the format style alone, for comparison.
    static func parsed(_ text: String) -> Date? {
        let utf8 = Array(text.utf8)
        guard utf8.count == 24, utf8[19] == UInt8(ascii: "."), utf8[23] == UInt8(ascii: "Z"), let millisecond = Int(text.dropFirst(20).dropLast()),
            let whole = try? Date.ISO8601FormatStyle(timeZone: .gmt).parse(String(text.prefix(19)) + "Z")
        else { return nil }
        let milliseconds = Int64(whole.timeIntervalSince1970.rounded()) * 1000 + Int64(millisecond)
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    @Test(arguments: [
        "1970-01-01T00:00:00.000Z", "2024-05-01T09:30:00.123Z", "2024-02-29T23:59:59.999Z", "2000-02-29T12:00:00.001Z",
        "1900-03-01T00:00:00.500Z", "1582-10-15T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z",
    ])
    func storedTimesAreReadAsTheFormatStyleReadsThem(text: String) throws {
        let read = try StoreTime.date(text, column: "at")
        #expect(read == Self.parsed(text))
        #expect(StoreTime.text(read) == text)
    }

    @Test(arguments: [
        "", "2024-05-01T09:30:00Z", "2024-05-01 09:30:00.123Z", "2024-13-01T09:30:00.123Z", "2023-02-29T09:30:00.123Z",
        "2024-05-01T24:00:00.000Z", "2024-05-01T09:60:00.000Z", "2024-05-01T09:30:00.12xZ", "2024-05-01T09:30:00.123+",
        "abcd-05-01T09:30:00.123Z", "0001-01-01T00:00:00.000Z", "1000-06-01T12:00:00.000Z",
    ])
    func otherTextsAreRefusedOrReadAsBefore(text: String) {
        let read = try? StoreTime.date(text, column: "at")
        #expect(read == Self.parsed(text))
    }
}
