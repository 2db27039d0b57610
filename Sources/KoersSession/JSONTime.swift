public import Foundation
import KoersExpression
public import KoersSource

/// Times in JSON as Koers writes them: `"2024-05-01T09:30:00Z"`, as `JSONEncoder` writes them
/// with `.iso8601` and as `Date.ISO8601FormatStyle` formats them.
///
/// The writers of session documents and of the web API's session state call it for every time
/// they write. A time in whole seconds from 1970 to 9999 (as a session keeps them) is written
/// digit by digit; any other time by `Date.ISO8601FormatStyle` itself.
///
/// ```swift
/// var bytes: [UInt8] = []
/// JSONTime.appendQuoted(Date(timeIntervalSince1970: 1_714_555_800), to: &bytes)
/// String(decoding: bytes, as: UTF8.self)  // "2024-05-01T09:30:00Z" in quotes
/// ```
public enum JSONTime {
    /// Appends a time as a JSON string.
    ///
    /// - Parameters:
    ///   - time: The time.
    ///   - bytes: The buffer to append to.
    public static func appendQuoted(_ time: Date, to bytes: inout [UInt8]) {
        let seconds = time.timeIntervalSince1970
        guard seconds >= 0, seconds < year10000, seconds == seconds.rounded(.down) else {
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: time.formatted(iso8601).utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        let total = Int(seconds)
        let date = CalendarDate(dayNumber: total / 86_400)
        let second = total % 86_400
        bytes.append(UInt8(ascii: "\""))
        digits(date.year, 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        digits(date.month, 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        digits(date.day, 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        digits(second / 3600, 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        digits(second / 60 % 60, 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        digits(second % 60, 2, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
        bytes.append(UInt8(ascii: "\""))
    }

    private static let iso8601 = Date.ISO8601FormatStyle()

    /// 10000-01-01T00:00:00Z in seconds since 1970.
    private static let year10000: Double = 253_402_300_800

    /// A non-negative number in exactly `width` decimal digits.
    private static func digits(_ number: Int, _ width: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = number
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}

extension JSONWriter {
    /// Writes a time as ``JSONTime`` writes it.
    ///
    /// - Parameter time: The time.
    public mutating func time(_ time: Date) {
        appendValue { bytes in JSONTime.appendQuoted(time, to: &bytes) }
    }
}
