import Foundation
import KoersExpression

/// How a session file writes values and their types.
///
/// | type | JSON |
/// | --- | --- |
/// | `boolean` | `true` / `false` |
/// | `text` (also single choice) | `"gemeente"` |
/// | `money`, `number` | `"125000.50"`, `"24"`: exact decimal strings, never binary floats |
/// | `percentage` | the fraction as a decimal string: 12,5% is `"0.125"` |
/// | `date` | `"2021-10-01"` |
/// | `list of text` (multiple choice) | `["zorgverzekeraar", "gemeente"]` |
enum SessionValueCoding {
    /// The name of a type as a session file writes it: `money`, `list of text`.
    static func name(of type: ValueType) -> String { type.description }

    /// The type a name stands for, or `nil` when it is not a type name.
    static func type(named name: String) -> ValueType? {
        switch name {
        case "number": return .number
        case "money": return .money
        case "percentage": return .percentage
        case "boolean": return .boolean
        case "text": return .text
        case "date": return .date
        default:
            let prefix = "list of "
            guard name.hasPrefix(prefix) else { return nil }
            return type(named: String(name.dropFirst(prefix.count))).map { .list($0) }
        }
    }

    /// A value as JSON.
    static func encode(_ value: Value) -> StoredAnswerJSON {
        switch value {
        case .boolean(let flag): .boolean(flag)
        case .text(let text): .string(text)
        case .money(let amount): .string(decimalString(amount, minimumFractionDigits: 2))
        case .number(let number), .percentage(let number): .string(decimalString(number, minimumFractionDigits: 0))
        case .date(let date): .string(date.description)
        case .list(let elements, _): .array(elements.map(encode))
        }
    }

    /// A value read back from JSON, or why it does not fit the type.
    static func decode(_ json: StoredAnswerJSON, as type: ValueType) -> Result<Value, ValueCodingProblem> {
        switch (type, json) {
        case (.boolean, .boolean(let flag)):
            return .success(.boolean(flag))
        case (.text, .string(let text)):
            return .success(.text(text))
        case (.number, .string(let text)), (.money, .string(let text)), (.percentage, .string(let text)):
            guard let number = decimal(text) else {
                return .failure(ValueCodingProblem("'\(text)' is not a decimal number such as \"125000.50\""))
            }
            switch type {
            case .money: return .success(.money(number))
            case .percentage: return .success(.percentage(number))
            default: return .success(.number(number))
            }
        case (.date, .string(let text)):
            guard let date = CalendarDate(iso: text) else {
                return .failure(ValueCodingProblem("'\(text)' is not a date in the form YYYY-MM-DD"))
            }
            return .success(.date(date))
        case (.list(let elementType), .array(let elements)):
            var values: [Value] = []
            for element in elements {
                switch decode(element, as: elementType) {
                case .success(let value): values.append(value)
                case .failure(let problem): return .failure(problem)
                }
            }
            return .success(.list(values, elementType: elementType))
        default:
            return .failure(ValueCodingProblem("the value does not fit the type '\(name(of: type))'"))
        }
    }

    /// `-?digits(.digits)?` as an exact decimal; anything else (exponents, spaces, commas) is
    /// refused so that no value is read differently from how it is written.
    static func decimal(_ text: String) -> ExactNumber? {
        var digits = Substring(text)
        if digits.hasPrefix("-") { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        }
        return DecimalLiteral.number(text)
    }

    /// A decimal written plainly with `.` as the decimal mark and at least some fraction
    /// digits: `125000.50`, `0.10`, `24`.
    static func decimalString(_ value: ExactNumber, minimumFractionDigits: Int) -> String {
        let (negative, whole, fraction) = Value.decimalParts(value, minimumFractionDigits: minimumFractionDigits)
        return (negative ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }
}

/// Why a stored value cannot be read.
struct ValueCodingProblem: Error, Sendable, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
