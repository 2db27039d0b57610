import Foundation

/// Times as both stores keep them: UTC ISO 8601 text with milliseconds.
///
/// For example `2024-05-01T09:30:00.123Z`: fixed width, so text order is time order in either
/// database, and readable in `sqlite3` and `psql` alike. Foundation's ISO 8601 format does the
/// calendar; the milliseconds are rounded here, because a `Date` made from a whole number of
/// milliseconds is often a hair below it, and formatting would cut it off.
enum StoreTime {
    private static let seconds = Date.ISO8601FormatStyle(timeZone: .gmt)

    /// A time as stored; rounded to the nearest millisecond.
    static func text(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (whole, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let second = fraction < 0 ? whole - 1 : whole
        let millisecond = fraction < 0 ? fraction + 1000 : fraction
        let text = seconds.format(Date(timeIntervalSince1970: Double(second)))
        let digits = String(millisecond)
        return text.dropLast() + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    /// A time as ``text(_:)`` writes it.
    ///
    /// - Throws: ``StoreError/corrupt(_:)`` naming the column when the text is not such a time.
    static func date(_ text: String, column: String) throws(StoreError) -> Date {
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
}
