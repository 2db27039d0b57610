public import Foundation
import KoersExpression
public import KoersCore

/// A coach's override of a computed score, with who set it and when, and who confirmed it.
///
/// The value is written as an exact decimal string (`"7"`, `"3.5"`). The computed score is not
/// stored: the evaluation recomputes it and a report shows both.
///
/// A second person may confirm the override (as in the maturity scan study, where one
/// researcher scored and a second verified); the confirmation is kept in `confirmed_by` and
/// `confirmed_at`, which older files do not have:
///
/// ```json
/// "domain_user" : {
///   "at" : "2024-05-01T09:30:00Z",
///   "by" : "anna",
///   "confirmed_at" : "2024-05-02T14:00:00Z",
///   "confirmed_by" : "bert",
///   "justification" : "Gebruikerspanel loopt sinds maart",
///   "value" : "4"
/// }
/// ```
///
/// The record keeps its confirmation honest: changing ``value`` clears it, and so does making
/// the confirmer the one who set it (``by``). Only ``confirm(by:at:scoreID:)`` sets it, and only
/// for a person other than ``by``.
public struct SessionOverride: Sendable, Hashable, Codable {
    /// The value that counts instead of the computed one.
    ///
    /// Changing it clears the confirmation.
    public var value: Decimal {
        didSet { if value != oldValue { clearConfirmation() } }
    }
    /// Why the computed value does not fit.
    public var justification: String
    /// Who set it.
    ///
    /// Making it the confirmer clears the confirmation.
    public var by: String {
        didSet { if let confirmedBy, Self.samePerson(confirmedBy, by) { clearConfirmation() } }
    }
    /// When it was set.
    public var at: Date
    /// Who confirmed it, a person other than ``by``; `nil` while it is not confirmed.
    public private(set) var confirmedBy: String?
    /// When it was confirmed; `nil` while it is not confirmed.
    public private(set) var confirmedAt: Date?

    /// Creates an override that is not confirmed yet.
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - justification: Why.
    ///   - by: Who.
    ///   - at: When (kept to the second).
    public init(value: Decimal, justification: String, by: String, at: Date) {
        self.value = value
        self.justification = justification
        self.by = by
        self.at = SessionClock.truncated(at)
        self.confirmedBy = nil
        self.confirmedAt = nil
    }

    /// The override as the engine takes it (the engine does not need who set or confirmed it).
    public var scoreOverride: ScoreOverride { ScoreOverride(value: value, justification: justification) }

    /// Whether a second person confirmed the override.
    public var isConfirmed: Bool { confirmedBy != nil }

    /// Records that a second person confirmed the override, replacing an earlier confirmation.
    ///
    /// - Parameters:
    ///   - person: Who confirms it; must not be empty, and must be someone other than ``by``
    ///     (compared without surrounding spaces and case).
    ///   - time: When (kept to the second).
    ///   - scoreID: The score the override is for, for the error.
    /// - Throws: ``ScoreOverrideError/missingConfirmer(scoreID:)`` for an empty name, and
    ///   ``ScoreOverrideError/confirmedBySetter(scoreID:person:)`` when `person` set the override.
    public mutating func confirm(by person: String, at time: Date, scoreID: String) throws(ScoreOverrideError) {
        let name = person.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .missingConfirmer(scoreID: scoreID) }
        guard !Self.samePerson(name, by) else { throw .confirmedBySetter(scoreID: scoreID, person: by) }
        confirmedBy = name
        confirmedAt = SessionClock.truncated(time)
    }

    /// Removes the confirmation, if any.
    public mutating func clearConfirmation() {
        confirmedBy = nil
        confirmedAt = nil
    }

    /// Whether two names stand for the same person: equal without surrounding spaces and case.
    ///
    /// - Parameters:
    ///   - first: A name.
    ///   - second: Another name.
    /// - Returns: Whether they are the same person.
    public static func samePerson(_ first: String, _ second: String) -> Bool {
        func normalized(_ name: String) -> String { name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
        return normalized(first) == normalized(second)
    }

    private enum CodingKeys: String, CodingKey {
        case value, justification, by, at
        case confirmedBy = "confirmed_by"
        case confirmedAt = "confirmed_at"
    }

    /// Reads an override; `confirmed_by` and `confirmed_at` are optional, but go together.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when the value is not a decimal string, when only one of
    ///   `confirmed_by` and `confirmed_at` is there, or when the override is confirmed by the
    ///   person who set it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .value)
        guard let value = SessionValueCoding.decimal(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: .value,
                in: container,
                debugDescription: "'\(text)' is not a decimal number such as \"7\" or \"3.5\""
            )
        }
        self.value = value.decimal
        justification = try container.decode(String.self, forKey: .justification)
        by = try container.decodeIfPresent(String.self, forKey: .by) ?? "unknown"
        at = try container.decode(Date.self, forKey: .at)
        let confirmer = try container.decodeIfPresent(String.self, forKey: .confirmedBy)
        let confirmedTime = try container.decodeIfPresent(Date.self, forKey: .confirmedAt)
        switch (confirmer, confirmedTime) {
        case (nil, nil):
            confirmedBy = nil
            confirmedAt = nil
        case (let confirmer?, let confirmedTime?):
            guard !confirmer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw DecodingError.dataCorruptedError(
                    forKey: .confirmedBy,
                    in: container,
                    debugDescription: "the name of who confirmed the override is empty"
                )
            }
            guard !Self.samePerson(confirmer, by) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .confirmedBy,
                    in: container,
                    debugDescription:
                        "'\(confirmer)' both set and confirmed the override; a confirmation must come from a second person"
                )
            }
            confirmedBy = confirmer
            confirmedAt = confirmedTime
        case (nil, _?):
            throw DecodingError.keyNotFound(
                CodingKeys.confirmedBy,
                .init(codingPath: container.codingPath, debugDescription: "'confirmed_at' needs 'confirmed_by'")
            )
        case (_?, nil):
            throw DecodingError.keyNotFound(
                CodingKeys.confirmedAt,
                .init(codingPath: container.codingPath, debugDescription: "'confirmed_by' needs 'confirmed_at'")
            )
        }
    }

    /// Writes the override; `confirmed_by` and `confirmed_at` only when it is confirmed.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(SessionValueCoding.decimalString(ExactNumber(value), minimumFractionDigits: 0), forKey: .value)
        try container.encode(justification, forKey: .justification)
        try container.encode(by, forKey: .by)
        try container.encode(at, forKey: .at)
        try container.encodeIfPresent(confirmedBy, forKey: .confirmedBy)
        try container.encodeIfPresent(confirmedAt, forKey: .confirmedAt)
    }
}

/// Why a score override cannot be confirmed or removed.
public enum ScoreOverrideError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The score has no override (to confirm or remove).
    case noOverride(scoreID: String)
    /// The person confirming the override is the one who set it.
    case confirmedBySetter(scoreID: String, person: String)
    /// No name was given for who confirms the override.
    case missingConfirmer(scoreID: String)

    /// The score the error is about.
    public var scoreID: String {
        switch self {
        case .noOverride(let scoreID), .confirmedBySetter(let scoreID, _), .missingConfirmer(let scoreID): scoreID
        }
    }

    /// The message: what is wrong, then how to fix it.
    public var description: String {
        switch self {
        case .noOverride(let scoreID):
            "score '\(scoreID)' has no override; set one first, with a value and a justification"
        case .confirmedBySetter(let scoreID, let person):
            "the override of '\(scoreID)' was set by '\(person)', who cannot also confirm it; "
                + "a second person must confirm it"
        case .missingConfirmer(let scoreID):
            "the confirmation of the override of '\(scoreID)' needs the name of who confirms it"
        }
    }
}
