import Foundation
import KoersExpression
import KoersSession

/// Times as both stores keep them: UTC ISO 8601 text with milliseconds.
///
/// For example `2024-05-01T09:30:00.123Z`: fixed width, so text order is time order in either
/// database, and readable in `sqlite3` and `psql` alike. Foundation's ISO 8601 format does the
/// calendar; the milliseconds are rounded here, because a `Date` made from a whole number of
/// milliseconds is often a hair below it, and formatting would cut it off.
enum StoreTime {
    private static let seconds = Date.ISO8601FormatStyle(timeZone: .gmt)

    /// A time as stored; rounded to the nearest millisecond.
    ///
    /// The whole seconds are written by ``JSONTime`` (digit by digit, as the session documents
    /// are; by `Date.ISO8601FormatStyle` outside 1970 to 9999), which writes what ``seconds``
    /// formats: every save writes one or more times, and the format style was the larger part
    /// of building a save's statements.
    static func text(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (whole, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let second = fraction < 0 ? whole - 1 : whole
        let millisecond = Int(fraction < 0 ? fraction + 1000 : fraction)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(26)
        JSONTime.appendQuoted(Date(timeIntervalSince1970: Double(second)), to: &bytes)
        // `"2024-05-01T09:30:00Z"`: the quotes and the `Z` go, the milliseconds and a `Z` come.
        bytes.removeLast(2)
        bytes.removeFirst()
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + UInt8(millisecond / 100))
        bytes.append(UInt8(ascii: "0") + UInt8(millisecond / 10 % 10))
        bytes.append(UInt8(ascii: "0") + UInt8(millisecond % 10))
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A time as ``text(_:)`` writes it.
    ///
    /// - Throws: ``StoreError/corrupt(_:)`` naming the column when the text is not such a time.
    static func date(_ text: String, column: String) throws(StoreError) -> Date {
        if let date = quickDate(text) { return date }
        let utf8 = Array(text.utf8)
        guard utf8.count == 24, utf8[19] == UInt8(ascii: "."), utf8[23] == UInt8(ascii: "Z"),
            let millisecond = Int(text.dropFirst(20).dropLast()),
            let whole = try? seconds.parse(String(text.prefix(19)) + "Z")
        else {
            throw .corrupt("column \(column) holds '\(text)', not a time such as 2024-05-01T09:30:00.000Z")
        }
        let milliseconds = Int64(whole.timeIntervalSince1970.rounded()) * 1000 + Int64(millisecond)
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// The time a stored text such as `2024-05-01T09:30:00.123Z` names, read digit by digit
    /// (every save reads its row's two times back), or `nil` for any text not exactly of that
    /// form with a real date and time from 1970 to 9999, which ``date(_:column:)`` then reads
    /// with the format style as before, or refuses. (The years are those ``JSONTime`` writes
    /// digit by digit; the format style counts days before 1582 by the Julian calendar.)
    private static func quickDate(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 24, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
                bytes[19] == UInt8(ascii: "."), bytes[23] == UInt8(ascii: "Z")
            else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
                let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
                let millisecond = number(20..<23), year >= 1970, hour < 24, minute < 60, second < 60,
                let date = CalendarDate(year: year, month: month, day: day)
            else { return nil }
            let days = epoch.days(until: date)
            let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
            return Date(timeIntervalSince1970: Double(seconds * 1000 + Int64(millisecond)) / 1000)
        }
    }

    /// 1970-01-01, from which the days of a stored time are counted.
    private static let epoch = CalendarDate(dayNumber: 0)
}
