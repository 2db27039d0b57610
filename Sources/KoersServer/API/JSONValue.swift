import Foundation
import KoersExpression

/// Any JSON value, as a request gives it (an answer's `value` may be a string, a number, a
/// boolean or a list).
///
/// A number is read from its literal text with ``DecimalLiteral`` when the decoder's
/// `userInfo` has the body's literals (``numberLiteralsKey``, as ``APIIO`` sets it), so that
/// `125000.10` is exactly that and `1e300` or `1e-200` is ``unrepresentableNumber`` rather than
/// rounded or mistaken for another kind of value.
enum JSONValue: Sendable, Hashable, Decodable {
    case string(String)
    case number(ExactNumber)
    case boolean(Bool)
    case array([JSONValue])
    case object
    case null
    /// A number Koers cannot hold exactly (see ``limitDescription``).
    case unrepresentableNumber

    /// The `userInfo` key of the body's number literals by field path (``JSONShape/numbers``);
    /// never `nil` (the initializer is failable only in its signature).
    static let numberLiteralsKey = CodingUserInfoKey(rawValue: "koers.numberLiterals")

    /// The numbers Koers holds, in words for a problem's message.
    static var limitDescription: String {
        "Koers holds numbers exactly, with at most \(DecimalLiteral.maximumDigits) significant digits and a decimal "
            + "exponent from \(DecimalLiteral.exponentRange.lowerBound) to \(DecimalLiteral.exponentRange.upperBound) "
            + "(1e127 is the largest power of ten, 1e-128 the smallest)"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // A body read by the API comes with its number literals, read exactly from the text as
        // sent; without them (a decoder of its own), numbers go through Foundation.
        let literals = Self.numberLiteralsKey.flatMap { decoder.userInfo[$0] as? [String: String] }
        if let literal = literals?[APIIO.fieldPath(decoder.codingPath)] {
            self = DecimalLiteral.number(literal).map(JSONValue.number) ?? .unrepresentableNumber
            return
        }
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .boolean(flag)
        } else if literals == nil, let number = try? container.decode(Decimal.self), number.isFinite,
            number != 0 || (try? container.decode(Double.self)) == 0
        {
            self = .number(ExactNumber(number))
        } else if literals == nil, (try? container.decode(Double.self)) != nil {
            // Too large, or so small that it would read as 0: refused rather than rounded.
            self = .unrepresentableNumber
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
        case .unrepresentableNumber: "a number Koers cannot hold exactly"
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
            var text = number.description
            if let dot = text.firstIndex(of: "."), text[text.index(after: dot)...].count == 3 { text += "0" }
            return text
        case .array, .object, .null, .unrepresentableNumber: return nil
        }
    }
}
