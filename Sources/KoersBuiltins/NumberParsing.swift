import Foundation
import KoersCore
import KoersExpression

/// Reads numbers as people type them in Dutch and English: `125.000,50`, `125000.50`,
/// `125,000.50`, `€ 1.250`, `12,5`, `30 maanden`, `380.000 euro`.
///
/// The number policy (see "Numbers" in the expression-language document): an answer is read
/// exactly or refused with a reason, never rounded. At most 38 significant digits are kept
/// (what `Decimal` holds exactly); amounts have at most two decimals.
enum NumberParsing {
    /// The most significant digits an answer may have: `Decimal` keeps 38 exactly.
    static let maximumSignificantDigits = 38
    /// The most characters a number answer may have, so a stranger cannot make the parser
    /// work on megabytes.
    static let maximumLength = 100

    /// Why a text is not a number Koers can hold.
    enum Problem: Error, Equatable {
        /// Not a number at all.
        case notANumber
        /// More significant digits than `Decimal` keeps; rounding would change the answer.
        case tooManyDigits
    }

    /// Parses a number, accepting Dutch or English grouping and decimal marks.
    ///
    /// - Returns: The number, or `nil` when the text is not a number or has more digits than
    ///   Koers can hold exactly.
    static func decimal(_ input: String) -> Decimal? {
        try? parse(input).get().decimal
    }

    /// Parses a number, accepting Dutch or English grouping and decimal marks.
    ///
    /// Rules: with both `.` and `,`, the last one is the decimal mark. With only one kind of
    /// mark: several of it means grouping (`1.000.000`); a single one followed by exactly three
    /// digits is grouping (`125.000` is one hundred and twenty-five thousand, as Dutch writes it)
    /// unless the digits before it are `0` or start with `0` (`0.001` is one thousandth);
    /// otherwise it is the decimal mark (`12,5`, `125000.50`).
    ///
    /// - Parameter input: The text as typed.
    /// - Returns: The exact number, or why it is refused.
    static func parse(_ input: String) -> Result<ExactNumber, Problem> {
        guard input.utf8.count <= maximumLength * 4 else { return .failure(.notANumber) }
        // Read on bytes: after dropping spaces and separators people type, a number is ASCII.
        var text: [UInt8] = []
        text.reserveCapacity(input.utf8.count)
        if input.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in input.utf8 where !isDropped(byte) { text.append(byte) }
        } else {
            let kept = input.filter { !$0.isWhitespace && $0 != "_" && $0 != "\u{00A0}" && $0 != "'" }
            text.append(contentsOf: kept.utf8)
        }
        guard text.count <= maximumLength else { return .failure(.notANumber) }
        var negative = false
        var start = 0
        if text.first == minus {
            negative = true
            start = 1
        }
        let body = text[start...]
        guard !body.isEmpty, body.allSatisfy({ isDigit($0) || $0 == dot || $0 == comma }) else {
            return .failure(.notANumber)
        }
        let dots = body.count { $0 == dot }
        let commas = body.count { $0 == comma }
        var decimalMark: UInt8?
        if dots > 0, commas > 0 {
            decimalMark = (body.lastIndex(of: comma) ?? 0) > (body.lastIndex(of: dot) ?? 0) ? comma : dot
        } else if dots + commas == 1 {
            let mark = dots == 1 ? dot : comma
            let markIndex = body.firstIndex(of: mark) ?? body.endIndex
            let before = body[..<markIndex]
            let after = body[body.index(after: markIndex)...]
            let looksGrouped = after.count == 3 && !before.isEmpty && before.first != zero
            decimalMark = looksGrouped ? nil : mark
        }
        let grouping: UInt8 = decimalMark == dot ? comma : decimalMark == comma ? dot : (dots > 0 ? dot : comma)
        let parts = body.split(separator: decimalMark ?? 0, omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first else { return .failure(.notANumber) }
        let groups = whole.split(separator: grouping, omittingEmptySubsequences: false)
        if groups.count > 1 {
            // Grouped digits: the first group has 1–3 digits, the others exactly 3.
            guard let first = groups.first, (1...3).contains(first.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return .failure(.notANumber) }
        }
        let digits = groups.joined()
        let fraction = parts.count == 2 ? parts[1] : []
        guard !digits.isEmpty || !fraction.isEmpty, digits.allSatisfy(isDigit), fraction.allSatisfy(isDigit)
        else { return .failure(.notANumber) }
        if parts.count == 2, fraction.isEmpty { return .failure(.notANumber) }
        // Significant digits: from the first non-zero digit to the last non-zero digit.
        let all = Array(digits) + fraction
        guard let first = all.firstIndex(where: { $0 != zero }), let last = all.lastIndex(where: { $0 != zero }) else {
            return .success(.zero)
        }
        let integerDigits = digits.drop { $0 == zero }.count
        // Trailing zeros of the whole part are significant for the size of the number.
        let significant = max(last - first + 1, integerDigits)
        guard significant <= maximumSignificantDigits else { return .failure(.tooManyDigits) }
        let sign: FloatingPointSign = negative ? .minus : .plus
        // The digits up to the last non-zero one make the significand; at most 38 of them.
        let exponent = all.count - fraction.count - (last + 1)
        if last - first < 18 {
            let significand = all[first...last].reduce(Int64(0)) { $0 * 10 + Int64($1 - zero) }
            if let number = ExactNumber(significand: negative ? -significand : significand, exponent: exponent) {
                return .success(number)
            }
        }
        let canonical = String(decoding: all[first...last], as: UTF8.self)
        guard let significand = Decimal(string: canonical, locale: Locale(identifier: "en_US_POSIX")), !significand.isNaN else {
            return .failure(.notANumber)
        }
        return .success(ExactNumber(Decimal(sign: sign, exponent: exponent, significand: significand)))
    }

    private static let minus = UInt8(ascii: "-")
    private static let dot = UInt8(ascii: ".")
    private static let comma = UInt8(ascii: ",")
    private static let zero = UInt8(ascii: "0")

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= UInt8(ascii: "9") }

    /// Bytes people type inside a number that carry nothing: white space, `_` and `'`.
    private static func isDropped(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09...0x0D, 0x20, UInt8(ascii: "_"), UInt8(ascii: "'"): true
        default: false
        }
    }

    /// The text without a unit the field shows after the input (`30 maanden`, `380.000 euro`),
    /// so people may type what they read.
    ///
    /// - Parameters:
    ///   - text: The trimmed answer.
    ///   - units: The units to accept, compared without case.
    /// - Returns: The text before the unit, trimmed, or the text itself when it has none.
    static func removingUnit(from text: String, units: @autoclosure () -> [String]) -> String {
        // A unit is a word: text that ends in a digit has none.
        if let last = text.utf8.last, isDigit(last) { return text }
        let lowered = text.lowercased()
        for unit in units().map({ $0.trimmingWhitespace().lowercased() })
        where !unit.isEmpty && lowered.hasSuffix(unit) && lowered.count > unit.count {
            let rest = text.dropLast(unit.count)
            // Only a whole word: `30maanden` and `30 maanden` yes, `3m` for unit `am` no.
            guard let last = rest.last, last.isWhitespace || last.isNumber else { continue }
            return rest.trimmingWhitespace()
        }
        return text
    }

    /// The units a question's field shows, in every language, for ``removingUnit(from:units:)``.
    ///
    /// - Parameters:
    ///   - question: The question answered.
    ///   - isMoney: Whether the answer is an amount, which also accepts `euro` and `euros`.
    static func units(of question: Question, isMoney: Bool) -> [String] {
        var units = question.unit?.translations.map(\.text) ?? []
        if isMoney { units += ["euros", "euro"] }
        // Longest first, so `maanden` is tried before `maand`.
        return units.sorted { $0.count > $1.count }
    }

    /// The message for a refused number.
    static func message(for problem: Problem) -> AnswerProblem? {
        switch problem {
        case .notANumber:
            nil
        case .tooManyDigits:
            AnswerProblem(
                nl: "Dit getal heeft meer dan \(maximumSignificantDigits) cijfers; zo precies rekent Koers niet. Rond het zelf af.",
                en: "This number has more than \(maximumSignificantDigits) digits; Koers does not calculate that precisely. Please round it yourself."
            )
        }
    }

    /// Formats a number plainly, with `.` as decimal mark and no grouping.
    static func plain(_ value: Decimal) -> String {
        NSDecimalNumber(decimal: value).stringValue
    }
}
