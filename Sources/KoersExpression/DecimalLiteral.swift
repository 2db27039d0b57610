public import Foundation

/// Reads a number written in JSON or plain notation (`-12.5`, `125000`, `1.5e3`) into a
/// `Decimal` exactly, or not at all.
///
/// Koers holds numbers as `Decimal`: 38 significant digits and a decimal exponent from -128 to
/// 127. A literal with more significant digits, or outside that range, is refused rather than
/// rounded, so an answer is never silently a different number from the one sent.
///
/// ```swift
/// DecimalLiteral.parse("1250.50")      // 1250.5
/// DecimalLiteral.parse("1e300")        // nil: too large to hold
/// ```
public enum DecimalLiteral {
    /// The most significant digits a number may have: 38.
    public static let maximumDigits = 38
    /// The range of the decimal exponent of the last significant digit.
    public static let exponentRange = -128...127

    /// The number, or `nil` when the text is not a plain number or cannot be held exactly.
    ///
    /// - Parameter text: `-`, digits, an optional fraction and an optional exponent; no spaces,
    ///   grouping or currency signs (those are read by the question types from typed text).
    /// - Returns: The exact decimal, or `nil`.
    public static func parse(_ text: some StringProtocol) -> Decimal? {
        number(text)?.decimal
    }

    /// The number as an ``ExactNumber``, or `nil` when the text is not a plain number or cannot
    /// be held exactly; see ``parse(_:)``. Numbers of up to 18 digits are made from their digits
    /// without going through `Decimal`.
    public static func number(_ text: some StringProtocol) -> ExactNumber? {
        var string = String(text)
        if let number = string.withUTF8(shortNumber) { return number }
        return longNumber(text)
    }

    /// The common case on the bytes as they are: at most 18 digits and no exponent; `nil`
    /// for anything else, which ``longNumber(_:)`` then reads or refuses.
    private static func shortNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> ExactNumber? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var significand: Int64 = 0
        var digits = 0
        var exponent = 0
        var sawDigit = false
        var sawPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 48 && byte <= 57 {
                sawDigit = true
                if significand != 0 || byte != 48 {
                    digits += 1
                    guard digits <= 18 else { return nil }
                    significand = significand * 10 + Int64(byte - 48)
                }
                if sawPoint { exponent -= 1 }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                return nil
            }
            index += 1
        }
        guard sawDigit, exponentRange.contains(exponent) else { return nil }
        return ExactNumber(significand: negative ? -significand : significand, exponent: exponent)
    }

    private static func longNumber(_ text: some StringProtocol) -> ExactNumber? {
        var bytes = Array(text.utf8)[...]
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes = bytes.dropFirst()
        } else if bytes.first == UInt8(ascii: "+") {
            bytes = bytes.dropFirst()
        }
        var digits: [UInt8] = []
        var exponent = 0
        var sawDigit = false
        var sawPoint = false
        while let byte = bytes.first {
            if byte >= 48 && byte <= 57 {
                sawDigit = true
                if !(digits.isEmpty && byte == 48) { digits.append(byte - 48) }
                if sawPoint { exponent -= 1 }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            bytes = bytes.dropFirst()
        }
        guard sawDigit else { return nil }
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            var exponentNegative = false
            if bytes.first == UInt8(ascii: "-") {
                exponentNegative = true
                bytes = bytes.dropFirst()
            } else if bytes.first == UInt8(ascii: "+") {
                bytes = bytes.dropFirst()
            }
            guard !bytes.isEmpty else { return nil }
            var written = 0
            for byte in bytes {
                guard byte >= 48 && byte <= 57 else { return nil }
                written = written * 10 + Int(byte - 48)
                if written > 10_000 { return nil }
            }
            exponent += exponentNegative ? -written : written
            bytes = bytes[bytes.endIndex...]
        }
        guard bytes.isEmpty else { return nil }
        // Trailing zeros carry no precision: 1.500 is 15 × 10^-1.
        while digits.last == 0 {
            digits.removeLast()
            exponent += 1
        }
        if digits.isEmpty { return .zero }
        guard digits.count <= maximumDigits, exponentRange.contains(exponent) else { return nil }
        if digits.count <= 18 {
            var significand: Int64 = 0
            for digit in digits { significand = significand * 10 + Int64(digit) }
            return ExactNumber(significand: negative ? -significand : significand, exponent: exponent)
        }
        let written = String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
        guard let significand = Decimal(string: written, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        return ExactNumber(Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: significand))
    }
}
