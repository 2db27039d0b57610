import Foundation

/// Reads numbers as people type them in Dutch and English: `125.000,50`, `125000.50`,
/// `125,000.50`, `€ 1.250`, `12,5`.
enum NumberParsing {
    /// Parses a number, accepting Dutch or English grouping and decimal marks.
    ///
    /// Rules: with both `.` and `,`, the last one is the decimal mark. With only one kind of
    /// mark: several of it means grouping (`1.000.000`); a single one followed by exactly three
    /// digits is grouping (`125.000` is one hundred and twenty-five thousand, as Dutch writes it);
    /// otherwise it is the decimal mark (`12,5`, `125000.50`).
    static func decimal(_ input: String) -> Decimal? {
        var text = input.filter { !$0.isWhitespace && $0 != "_" && $0 != "\u{00A0}" && $0 != "'" }
        var negative = false
        if text.hasPrefix("-") {
            negative = true
            text.removeFirst()
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else {
            return nil
        }
        let dots = text.filter { $0 == "." }.count
        let commas = text.filter { $0 == "," }.count
        var decimalMark: Character?
        if dots > 0, commas > 0 {
            decimalMark = text.lastIndex(of: ".").map { dotIndex in
                text.lastIndex(of: ",").map { $0 > dotIndex ? "," : "." } ?? "."
            }
        } else if dots + commas == 1 {
            let mark: Character = dots == 1 ? "." : ","
            let after = text.split(separator: mark, omittingEmptySubsequences: false).last ?? ""
            decimalMark = after.count == 3 ? nil : mark
        }
        let grouping: Character? = decimalMark == "." ? "," : decimalMark == "," ? "." : (dots > 0 ? "." : ",")
        var parts = text.split(separator: decimalMark ?? "#", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let whole = parts.removeFirst()
        let groups = whole.split(separator: grouping ?? "#", omittingEmptySubsequences: false)
        if groups.count > 1 {
            // Grouped digits: the first group has 1–3 digits, the others exactly 3.
            guard let first = groups.first, (1...3).contains(first.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return nil }
        }
        let digits = groups.joined()
        let fraction = parts.first.map(String.init) ?? ""
        guard !digits.isEmpty || !fraction.isEmpty, digits.allSatisfy(\.isNumber), fraction.allSatisfy(\.isNumber)
        else { return nil }
        if parts.first != nil, fraction.isEmpty { return nil }
        let canonical = (negative ? "-" : "") + (digits.isEmpty ? "0" : digits) + (fraction.isEmpty ? "" : "." + fraction)
        return Decimal(string: canonical, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Formats a number plainly, with `.` as decimal mark and no grouping.
    static func plain(_ value: Decimal) -> String {
        NSDecimalNumber(decimal: value).stringValue
    }
}
