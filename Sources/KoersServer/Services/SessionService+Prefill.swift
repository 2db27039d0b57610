import Foundation
import KoersCore
import KoersInterview
import KoersSession
import KoersStorage

extension SessionService {
    /// Fills a new session of an organisation with the answers it already gave elsewhere, each
    /// marked where it came from and waiting for a coach to confirm or change it.
    ///
    /// The sources, in the order they count (an answer already taken over is kept):
    /// 1. the session chosen to start from (`startFrom`, such as the baseline of a follow-up);
    /// 2. for every other pack, the most recent session of the organisation with the same label
    ///    (the same measurement, such as `0-meting`), newest first.
    ///
    /// Which answers come along is the rule of `koers interview --from`,
    /// `SessionFile.takeOver(from:interview:by:at:)`: the same question id with the same meaning
    /// (fingerprint), accepted by this pack.
    ///
    /// - Returns: The changes made, for the session's history.
    /// - Throws: ``ServiceError/invalid(_:_:)`` when `startFrom` is no session of the organisation.
    func prefill(
        _ record: inout InterviewRecord,
        pack: LoadedPack,
        startFrom: String?,
        access: Access
    ) async throws(ServiceError) -> [SessionHistoryEntry] {
        guard let organisationID = record.organisationID else { return [] }
        let earlier: [InterviewRecord]
        do {
            earlier = try await store.sessions(ofOrganisation: organisationID)
        } catch {
            throw ServiceError(error)
        }
        var sources: [InterviewRecord] = []
        if let startFrom, !startFrom.isEmpty {
            guard let chosen = earlier.first(where: { $0.id == startFrom }) else {
                throw .invalid(
                    "the session to start from is not one of this organisation",
                    [
                        FieldProblem(
                            field: "startFrom", message: "choose an earlier session of this organisation to start from",
                            dutch: "Kies een eerdere sessie van deze organisatie om vanaf te beginnen."
                        )
                    ]
                )
            }
            sources.append(chosen)
        }
        var packsSeen: Set<String> = [record.packID]
        for candidate in earlier.reversed() where candidate.label == record.label && !packsSeen.contains(candidate.packID) {
            packsSeen.insert(candidate.packID)
            sources.append(candidate)
        }
        let person = Self.person(access)
        let now = settings.now()
        for source in sources {
            let title = (try? packs.pack(id: source.packID))?.pack.manifest.title.text(in: record.document.language)
            var prefill = PrefillSource(session: source.document, file: nil, packTitle: title)
            prefill.label = source.label
            record.document.takeOver(from: prefill, interview: pack.interview, by: person, at: now)
        }
        let changes = record.document.history.map { SessionHistoryEntry($0, accountID: access.coach?.id) }
        record.document.history = []
        return changes
    }
}
