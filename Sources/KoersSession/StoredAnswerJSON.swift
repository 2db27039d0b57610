import Foundation

/// A JSON value as a session file stores an answer: a boolean, a string or an array of them.
/// (A batch row's values are `JSONScalar`s of KoersBatch, which also hold numbers and `null`.)
///
/// Numbers are stored as strings (`"125000.50"`) so that no JSON reader turns them into a
/// binary floating-point number on the way.
enum StoredAnswerJSON: Sendable, Hashable, Codable {
    case boolean(Bool)
    case string(String)
    case array([StoredAnswerJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .boolean(flag)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let elements = try? container.decode([StoredAnswerJSON].self) {
            self = .array(elements)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription:
                    "expected true, false, a string or an array (numbers are written as strings, such as \"125000.50\")"
            )
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .boolean(let flag): try container.encode(flag)
        case .string(let text): try container.encode(text)
        case .array(let elements): try container.encode(elements)
        }
    }
}
