import Foundation
import KoersExpression

/// A JSON request body of the API.
///
/// Its fields are its coding keys, so ``APIIO`` can refuse a field the body does not have (a typo would otherwise lose data silently), the same set the
/// OpenAPI document lists with `additionalProperties: false`.
protocol APIRequestBody: Decodable {
    /// The coding keys: every field the body may have.
    associatedtype Field: CodingKey & CaseIterable

    /// The body read from a plain JSON object (``FlatJSONObject``) without `JSONDecoder`, for
    /// a body sent often; `nil` (the default) has ``APIIO`` read it the general way, which also
    /// words every problem. A body given here must be the one the general way reads.
    static func read(_ object: FlatJSONObject) -> Self?

    /// Whether ``read(_:)`` reads bodies at all (the default: no, so none is parsed twice).
    static var readsFlatObjects: Bool { get }
}

extension APIRequestBody {
    /// The names of the fields, in the order they are declared.
    static var fieldNames: [String] { Field.allCases.map(\.stringValue) }

    /// None: the general way.
    static func read(_ object: FlatJSONObject) -> Self? { nil }

    /// No.
    static var readsFlatObjects: Bool { false }
}

/// `POST /api/v1/login`.
struct LoginBody: APIRequestBody {
    typealias Field = CodingKeys
    var email: String
    var password: String

    enum CodingKeys: String, CodingKey, CaseIterable { case email, password }
}

/// `POST /api/v1/organisations`.
struct OrganisationBody: APIRequestBody {
    typealias Field = CodingKeys
    var name: String

    enum CodingKeys: String, CodingKey, CaseIterable { case name }
}

/// `POST /api/v1/organisations/{organisationId}/coaches`.
struct AddCoachBody: APIRequestBody {
    typealias Field = CodingKeys
    var email: String

    enum CodingKeys: String, CodingKey, CaseIterable { case email }
}

/// `POST /api/v1/sessions` and `POST /api/v1/organisations/{organisationId}/sessions`.
struct SessionBody: APIRequestBody {
    typealias Field = CodingKeys
    var pack: String
    var label: String?
    var date: String?
    var language: String?
    var startFrom: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case pack, label, date, language, startFrom }
}

/// `PUT /api/v1/sessions/{sessionId}/answers/{questionId}`: exactly one of `value`,
/// `dontKnow: true` and `skip: true`, and an optional note.
struct AnswerBody: APIRequestBody {
    typealias Field = CodingKeys
    var value: JSONValue?
    var dontKnow: Bool?
    var skip: Bool?
    var note: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case value, dontKnow, skip, note
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // A present `"value": null` is kept as .null, so it can be told apart from no value.
        value = container.contains(.value) ? try container.decode(JSONValue.self, forKey: .value) : nil
        dontKnow = try container.decodeIfPresent(Bool.self, forKey: .dontKnow)
        skip = try container.decodeIfPresent(Bool.self, forKey: .skip)
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }

    private init() {}

    /// Yes: an answer is the request sent most, and its body is always a plain object.
    static var readsFlatObjects: Bool { true }

    /// The body as `init(from:)` reads it from the same JSON, when every field is known and of
    /// its type; else `nil`, for the general way to name the problem.
    static func read(_ object: FlatJSONObject) -> AnswerBody? {
        var body = AnswerBody()
        for (name, value) in object.fields {
            switch (name, value) {
            case ("value", _): body.value = value
            case ("dontKnow", .boolean(let flag)): body.dontKnow = flag
            case ("skip", .boolean(let flag)): body.skip = flag
            case ("note", .string(let text)): body.note = text
            default: return nil
            }
        }
        return body
    }
}

/// `PUT /api/v1/sessions/{sessionId}/overrides/{scoreId}`.
struct OverrideBody: APIRequestBody {
    typealias Field = CodingKeys
    var value: JSONValue
    var justification: String

    enum CodingKeys: String, CodingKey, CaseIterable { case value, justification }
}

/// `POST /api/v1/sessions/{sessionId}/scores/{scoreId}/verification`: `verified`, or
/// `disputed` with a reason.
struct VerificationBody: APIRequestBody {
    typealias Field = CodingKeys
    var status: String
    var reason: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case status, reason }
}

/// `POST /api/v1/share-links`.
struct ShareLinkBody: APIRequestBody {
    typealias Field = CodingKeys
    var sessionIds: [String]
    /// An ISO 8601 time such as `2030-01-31T12:00:00Z`, read by ``expiry()``.
    var expiresAt: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case sessionIds, expiresAt }

    /// Checks `sessionIds` as the document's schema states it (one or two ids, no id twice)
    /// before any session is looked up.
    ///
    /// - Throws: ``ServiceError/invalid(_:_:)`` naming `sessionIds`.
    func checkSessionIDs() throws(ServiceError) {
        guard (1...2).contains(sessionIds.count), Set(sessionIds).count == sessionIds.count else {
            throw .invalid(
                "a share link is of one session, or of two different sessions compared",
                [
                    FieldProblem(
                        field: "sessionIds",
                        message: "give one session id, or two different ones (baseline, then follow-up)"
                    )
                ]
            )
        }
    }

    /// The expiry time: an RFC 3339 date-time (the document's `format: date-time`), such as
    /// `2030-01-31T12:00:00Z`, `2030-01-31t13:00:00.5+01:00`.
    ///
    /// - Throws: ``ServiceError/badRequest(_:_:)`` naming `expiresAt` when it is not a time.
    func expiry() throws(ServiceError) -> Date? {
        guard let expiresAt else { return nil }
        guard let date = Self.internetDateTime(expiresAt) else {
            throw .badRequest(
                "the field 'expiresAt' cannot be read",
                [FieldProblem(field: "expiresAt", message: "expected a time such as 2030-01-31T12:00:00Z")]
            )
        }
        return date
    }

    /// An RFC 3339 `date-time`: `YYYY-MM-DDTHH:MM:SS`, an optional fraction of a second, then
    /// `Z` or an offset `±HH:MM`; `T` and `Z` in either case; a leap second (`:60`) counts as
    /// the second before it.
    static func internetDateTime(_ text: String) -> Date? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func number(_ width: Int) -> Int? {
            guard index + width <= scalars.count else { return nil }
            var value = 0
            for scalar in scalars[index..<(index + width)] {
                guard (48...57).contains(scalar.value) else { return nil }
                value = value * 10 + Int(scalar.value) - 48
            }
            index += width
            return value
        }
        func skip(_ allowed: String) -> Bool {
            guard index < scalars.count, allowed.unicodeScalars.contains(scalars[index]) else { return false }
            index += 1
            return true
        }
        guard let year = number(4), skip("-"), let month = number(2), skip("-"), let day = number(2),
            skip("Tt"), let hour = number(2), skip(":"), let minute = number(2), skip(":"), let second = number(2),
            CalendarDate(year: year, month: month, day: day) != nil, hour <= 23, minute <= 59, second <= 60
        else { return nil }
        var fraction = 0.0
        if skip(".") {
            var scale = 0.1
            let start = index
            while index < scalars.count, (48...57).contains(scalars[index].value) {
                fraction += Double(scalars[index].value - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        var offset = 0
        if skip("Zz") {
            offset = 0
        } else {
            guard index < scalars.count else { return nil }
            let sign = scalars[index] == "-" ? -1 : 1
            guard skip("+-"), let hours = number(2), skip(":"), let minutes = number(2), hours <= 23, minutes <= 59
            else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard index == scalars.count else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let components = DateComponents(
            year: year, month: month, day: day, hour: hour, minute: minute, second: min(second, 59)
        )
        guard let base = calendar.date(from: components) else { return nil }
        return base.addingTimeInterval(fraction - Double(offset))
    }
}
