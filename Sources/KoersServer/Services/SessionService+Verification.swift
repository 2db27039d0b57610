public import Foundation
import KoersCore
import KoersExpression
import KoersInterview
public import KoersSession
import KoersStorage

/// A second person's check of a score, as the API and the result page show it.
public struct VerificationView: Sendable, Hashable, Codable {
    /// The score.
    public var scoreId: String
    /// `verified` or `disputed`.
    public var status: String
    /// Who checked it.
    public var by: String
    /// When.
    public var at: Date
    /// Why it is disputed.
    public var reason: String?
    /// The computed value checked, as an exact decimal.
    public var computed: String?
    /// The override checked, if any.
    public var override: String?
    /// Whether the score is still as it was checked (no answer or override changed it since).
    public var current: Bool
}

extension SessionService {
    /// A second coach verifies or disputes a score, computed or overridden, as in the study the
    /// maturity scan comes from.
    ///
    /// The rule: the coach who checks must not be the account that last changed what the
    /// score rests on: the latest answer (given, taken over or confirmed) to one of the
    /// questions it is computed from, or its override, as the session's history table records
    /// it; nor, by name, the person the session document names for that change. Anyone else of
    /// the organisation's coaches may check it; a later check replaces an earlier one.
    ///
    /// - Parameters:
    ///   - scoreID: The score.
    ///   - sessionID: The session (of an organisation).
    ///   - status: Verified or disputed.
    ///   - reason: Why, required for a dispute (1 to 2000 characters).
    ///   - access: A coach of the organisation.
    /// - Returns: The new state.
    /// - Throws: ``ServiceError/conflict(_:)`` for the coach who made the last change,
    ///   ``ServiceError/invalid(_:_:)`` for a dispute without a reason.
    public func verifyScore(
        _ scoreID: String,
        in sessionID: String,
        status: ScoreVerification.Status,
        reason: String?,
        access: Access
    ) async throws(ServiceError) -> SessionState {
        let coach = try OrganisationService.requireCoach(access)
        let why = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if (status == .disputed && why?.isEmpty ?? true) || (reason?.unicodeScalars.count ?? 0) > 2000 {
            throw .invalid(
                "a dispute needs a reason",
                [
                    FieldProblem(
                        field: "reason", message: "say why the score does not stand (1 to 2000 characters)",
                        dutch: "Schrijf waarom de score niet klopt (1 tot 2000 tekens)."
                    )
                ]
            )
        }
        let record = try await authorizedRecord(id: sessionID, access: access)
        let pack = try packs.pack(id: record.packID)
        let score = try Self.score(scoreID, in: pack)
        let inputs = scoreInputs(score.id, record: record, pack: pack)
        let editors: Set<SessionChange.Kind> = [.answer, .takenOver, .takenOverConfirmed, .override]
        let last = try await historyEntries(of: record).last { entry in
            editors.contains(entry.change.kind) && (entry.change.id == score.id || inputs.contains(entry.change.id))
        }
        if let last, let account = last.accountID, account == coach.id {
            throw .conflict(
                "you made the last change to what score '\(score.id)' rests on (\(last.change.id)); "
                    + "another coach of the organisation must verify or dispute it"
            )
        }
        return try await change(sessionID, access: access) { (document: inout SessionFile, pack: LoadedPack) throws(ServiceError) in
            let result = interviewState(document, pack: pack).evaluation.scores.first { $0.score.id == score.id }
            do throws(ScoreVerificationError) {
                try document.verifyScore(
                    status, scoreID: score.id, inputs: result?.inputs ?? [],
                    computed: result?.computed.value?.decimalValue, by: coach.displayName,
                    reason: why, at: settings.now()
                )
            } catch {
                throw .conflict(error.description)
            }
        }
    }

    /// The questions a score is computed from.
    func scoreInputs(_ scoreID: String, record: InterviewRecord, pack: LoadedPack) -> Set<String> {
        let document = adapted(record.document, to: pack)
        let result = interviewState(document, pack: pack).evaluation.scores.first { $0.score.id == scoreID }
        return Set(result?.inputs ?? [])
    }

    /// The verifications of a session's scores, each with whether it still holds.
    func verifications(of document: SessionFile, pack: LoadedPack) -> [VerificationView] {
        let scores = interviewState(document, pack: pack).evaluation.scores
        return document.scoreVerifications.sorted { $0.key < $1.key }.map { id, entry in
            let result = scores.first { $0.score.id == id }
            func text(_ value: Decimal?) -> String? { value.map { "\($0)" } }
            return VerificationView(
                scoreId: id, status: entry.status.rawValue, by: entry.by, at: entry.at, reason: entry.reason,
                computed: text(entry.computed), override: text(entry.override),
                current: entry.holds(computed: result?.computed.value?.decimalValue, override: result?.override?.value)
            )
        }
    }
}
