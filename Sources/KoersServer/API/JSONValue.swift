import Foundation

/// Any JSON value, as a request gives it (an answer's `value` may be a string, a number, a
/// boolean or a list).
enum JSONValue: Sendable, Hashable, Decodable {
    case string(String)
    case number(Decimal)
    case boolean(Bool)
    case array([JSONValue])
    case object
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .boolean(flag)
        } else if let number = try? container.decode(Decimal.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let list = try? container.decode([JSONValue].self) {
            self = .array(list)
        } else {
            self = .object
        }
    }

    /// What the value is, for messages.
    var kind: String {
        switch self {
        case .string: "a string"
        case .number: "a number"
        case .boolean: "a boolean"
        case .array: "a list"
        case .object: "an object"
        case .null: "null"
        }
    }

    /// The value as text a question type reads: a number in plain notation with `.` as the
    /// decimal mark (never three decimals alone, which Dutch reading would take for grouping),
    /// a boolean as `true`/`false`.
    var scalarText: String? {
        switch self {
        case .string(let text): return text
        case .boolean(let flag): return flag ? "true" : "false"
        case .number(let number):
            var text = NSDecimalNumber(decimal: number).stringValue
            if let dot = text.firstIndex(of: "."), text[text.index(after: dot)...].count == 3 { text += "0" }
            return text
        case .array, .object, .null: return nil
        }
    }
}
