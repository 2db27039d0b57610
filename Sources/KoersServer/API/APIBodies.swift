import Foundation

/// `POST /api/v1/login`.
struct LoginBody: Decodable {
    var email: String
    var password: String
}

/// `POST /api/v1/organisations`.
struct OrganisationBody: Decodable {
    var name: String
}

/// `POST /api/v1/organisations/{organisationId}/coaches`.
struct AddCoachBody: Decodable {
    var email: String
}

/// `POST /api/v1/sessions` and `POST /api/v1/organisations/{organisationId}/sessions`.
struct SessionBody: Decodable {
    var pack: String
    var label: String?
    var date: String?
    var language: String?
}

/// `PUT /api/v1/sessions/{sessionId}/answers/{questionId}`: exactly one of `value`,
/// `dontKnow: true` and `skip: true`, and an optional note.
struct AnswerBody: Decodable {
    var value: JSONValue?
    var dontKnow: Bool?
    var skip: Bool?
    var note: String?

    private enum CodingKeys: String, CodingKey {
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
}

/// `PUT /api/v1/sessions/{sessionId}/overrides/{scoreId}`.
struct OverrideBody: Decodable {
    var value: JSONValue
    var justification: String
}

/// `POST /api/v1/share-links`.
struct ShareLinkBody: Decodable {
    var sessionIds: [String]
    /// An ISO 8601 time such as `2030-01-31T12:00:00Z`, read by ``expiry()``.
    var expiresAt: String?

    /// The expiry time.
    ///
    /// - Throws: ``ServiceError/badRequest(_:_:)`` naming `expiresAt` when it is not a time.
    func expiry() throws(ServiceError) -> Date? {
        guard let expiresAt else { return nil }
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = plain.date(from: expiresAt) ?? fractional.date(from: expiresAt) else {
            throw .badRequest(
                "the field 'expiresAt' cannot be read",
                [FieldProblem(field: "expiresAt", message: "expected a time such as 2030-01-31T12:00:00Z")]
            )
        }
        return date
    }
}
