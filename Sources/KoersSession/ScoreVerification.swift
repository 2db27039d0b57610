public import Foundation
import KoersExpression

/// A second person's check of a domain score, computed or overridden, as in the maturity scan
/// study, where one researcher scored and a second verified every score.
///
/// The check is of the value as it stood: the computed value and the override (if any) are
/// kept, so that a report can tell a verification that still holds from one made before the
/// answers or the override changed. In the file it is `score_verifications`, which older files
/// do not have:
///
/// ```json
/// "score_verifications" : {
///   "domain_user" : { "at" : "2026-09-14T10:00:00Z", "by" : "bert", "computed" : "3",
///                     "status" : "verified" },
///   "domain_legal" : { "at" : "2026-09-14T10:05:00Z", "by" : "bert", "computed" : "2",
///                      "override" : "4", "reason" : "DPIA is nog niet getekend",
///                      "status" : "disputed" }
/// }
/// ```
public struct ScoreVerification: Sendable, Hashable, Codable {
    /// What the second person concluded.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// The score stands.
        case verified
        /// The score does not stand, for the reason given.
        case disputed
    }

    /// Verified or disputed.
    public var status: Status
    /// Who checked the score.
    public var by: String
    /// When (to the second).
    public var at: Date
    /// Why the score is disputed (required then), or a remark with a verification.
    public var reason: String?
    /// The computed value that was checked; `nil` when it could not be computed.
    public var computed: Decimal?
    /// The override that was checked, if the score had one.
    public var override: Decimal?

    /// Creates a verification.
    ///
    /// - Parameters:
    ///   - status: Verified or disputed.
    ///   - by: Who.
    ///   - at: When (kept to the second).
    ///   - reason: Why, for a dispute.
    ///   - computed: The computed value checked.
    ///   - override: The override checked, if any.
    public init(status: Status, by: String, at: Date, reason: String? = nil, computed: Decimal?, override: Decimal?) {
        self.status = status
        self.by = by
        self.at = SessionClock.truncated(at)
        self.reason = reason
        self.computed = computed
        self.override = override
    }

    /// Whether the check is of the score as it is now: the same computed value and override.
    ///
    /// - Parameters:
    ///   - computed: The computed value now.
    ///   - override: The override now.
    public func holds(computed: Decimal?, override: Decimal?) -> Bool {
        self.computed == computed && self.override == override
    }

    private enum CodingKeys: String, CodingKey {
        case status, by, at, reason, computed, override
    }

    /// Reads a verification; values are decimal strings as in `score_overrides`.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` naming the key that is wrong.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try container.decode(Status.self, forKey: .status)
        by = try container.decode(String.self, forKey: .by)
        at = try container.decode(Date.self, forKey: .at)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
        func number(_ key: CodingKeys) throws -> Decimal? {
            guard let text = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
            guard let value = SessionValueCoding.decimal(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container, debugDescription: "'\(text)' is not a decimal number such as \"7\" or \"3.5\""
                )
            }
            return value.decimal
        }
        computed = try number(.computed)
        override = try number(.override)
        if status == .disputed, (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw DecodingError.keyNotFound(
                CodingKeys.reason, .init(codingPath: container.codingPath, debugDescription: "a disputed score needs a reason")
            )
        }
    }

    /// Writes the verification.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(by, forKey: .by)
        try container.encode(at, forKey: .at)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(
            computed.map { SessionValueCoding.decimalString(ExactNumber($0), minimumFractionDigits: 0) }, forKey: .computed
        )
        try container.encodeIfPresent(
            override.map { SessionValueCoding.decimalString(ExactNumber($0), minimumFractionDigits: 0) }, forKey: .override
        )
    }
}

/// Why a score cannot be verified or disputed.
public enum ScoreVerificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The person checking is the one who last changed what the score rests on.
    case verifiedByEditor(scoreID: String, person: String)
    /// No name was given for who checks.
    case missingVerifier(scoreID: String)
    /// A dispute without a reason.
    case missingReason(scoreID: String)

    /// The message: what is wrong, then how to fix it.
    public var description: String {
        switch self {
        case .verifiedByEditor(let scoreID, let person):
            "'\(person)' last changed what score '\(scoreID)' rests on (an answer or its override), and cannot also "
                + "verify it; a second person must verify or dispute it"
        case .missingVerifier(let scoreID):
            "the verification of score '\(scoreID)' needs the name of who verifies it"
        case .missingReason(let scoreID):
            "say why score '\(scoreID)' is disputed"
        }
    }
}

extension SessionFile {
    /// Who last changed what a score rests on: whoever set its override, if it has one, or
    /// else whoever gave the most recent of the answers it is computed from.
    ///
    /// - Parameters:
    ///   - scoreID: The score.
    ///   - inputs: The questions it is computed from.
    /// - Returns: The name, or `nil` when nobody changed anything it rests on.
    public func lastEditor(ofScore scoreID: String, inputs: [String]) -> String? {
        if let override = scoreOverrides[scoreID] { return override.by }
        return inputs.compactMap { answers[$0] }.max { $0.answeredAt < $1.answeredAt }?.answeredBy
    }

    /// Records that a second person verified or disputed a score as it stands, replacing an
    /// earlier check, and keeps it in the ``history``.
    ///
    /// The rule: the person must not be the one who last changed what the score rests on
    /// (``lastEditor(ofScore:inputs:)``), compared without surrounding spaces and case.
    ///
    /// - Parameters:
    ///   - status: Verified or disputed.
    ///   - scoreID: The score.
    ///   - inputs: The questions it is computed from.
    ///   - computed: Its computed value now.
    ///   - person: Who checks it.
    ///   - reason: Why, required for a dispute.
    ///   - time: When.
    /// - Returns: The verification.
    /// - Throws: ``ScoreVerificationError``; the session is then unchanged.
    @discardableResult
    public mutating func verifyScore(
        _ status: ScoreVerification.Status,
        scoreID: String,
        inputs: [String],
        computed: Decimal?,
        by person: String,
        reason: String? = nil,
        at time: Date = Date()
    ) throws(ScoreVerificationError) -> ScoreVerification {
        let name = person.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .missingVerifier(scoreID: scoreID) }
        let why = reason?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        if status == .disputed, why == nil { throw .missingReason(scoreID: scoreID) }
        if let editor = lastEditor(ofScore: scoreID, inputs: inputs), SessionOverride.samePerson(editor, name) {
            throw .verifiedByEditor(scoreID: scoreID, person: editor)
        }
        let verification = ScoreVerification(
            status: status, by: name, at: time, reason: why, computed: computed, override: scoreOverrides[scoreID]?.value
        )
        let old = scoreVerifications[scoreID].map { SessionChange.Content.text(Self.describe($0)) }
        scoreVerifications[scoreID] = verification
        log(
            status == .verified ? .scoreVerified : .scoreDisputed, scoreID, by: name, at: time,
            old: old, new: .text(Self.describe(verification))
        )
        updatedAt = SessionClock.truncated(time)
        return verification
    }

    /// A verification in one line, for the history: `verified 3` or `disputed 4 (override; computed 2): reason`.
    static func describe(_ verification: ScoreVerification) -> String {
        func number(_ value: Decimal?) -> String {
            value.map { SessionValueCoding.decimalString(ExactNumber($0), minimumFractionDigits: 0) } ?? "–"
        }
        var text = verification.status.rawValue + " "
        if let override = verification.override {
            text += "\(number(override)) (override; computed \(number(verification.computed)))"
        } else {
            text += number(verification.computed)
        }
        if let reason = verification.reason { text += ": " + reason }
        return text
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
