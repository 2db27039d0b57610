public import Foundation
import KoersCore
import KoersInterview
import KoersPresentation
import KoersSession
import KoersStorage

/// One change of a session as the API and the history page show it.
public struct HistoryEntryView: Sendable, Hashable, Codable {
    /// Its place in the session's history, 1 for the first.
    public var position: Int
    /// What changed: `answer`, `note`, `taken_over`, `taken_over_confirmed`, `override`,
    /// `override_confirmed`, `score_verified` or `score_disputed`.
    public var kind: String
    /// The question or score it is about.
    public var subject: String
    /// The question's text or the score's name, in the language asked for, when the pack has it.
    public var subjectText: String?
    /// Who: the coach's display name, or `anonymous` for a visitor with a resume token.
    public var by: String
    /// The coach account, when a coach made the change.
    public var accountId: String?
    /// When.
    public var at: Date
    /// What it was, as text; `nil` when it was new.
    public var old: String?
    /// What it became, as text; `nil` when it was removed.
    public var new: String?
    /// For an answer taken over: where from.
    public var source: String?
}

/// A session's history as `GET /api/v1/sessions/{id}/history` returns it.
public struct SessionHistoryView: Sendable, Hashable, Codable {
    /// The session.
    public var sessionId: String
    /// Its changes, oldest first.
    public var entries: [HistoryEntryView]
}

extension SessionService {
    /// Every change of a session, oldest first: each answer, note, override, confirmation and
    /// verification, with who and when.
    ///
    /// - Parameters:
    ///   - id: The session.
    ///   - access: A coach of its organisation, or its resume token.
    ///   - language: `nl` or `en`; `nil` for the session's language.
    /// - Returns: The changes.
    public func history(id: String, access: Access, language: String? = nil) async throws(ServiceError)
        -> [HistoryEntryView]
    {
        let record = try await authorizedRecord(id: id, access: access)
        let pack = try packs.pack(id: record.packID)
        let language = language.flatMap { ["nl", "en"].contains($0) ? $0 : nil } ?? record.document.language
        let formatter = ValueFormatter(language: language)
        return try await historyEntries(of: record).map { entry in
            let change = entry.change
            let question = pack.pack.question(change.id)
            let score = pack.pack.scores.first { $0.id == change.id }
            func text(_ content: SessionChange.Content?) -> String? {
                switch content {
                case nil: nil
                case .text(let text): text
                case .override(let value, let justification): "\(value) (\(justification))"
                case .answer(let state): question.map { formatter.format(state, for: $0) } ?? "\(state)"
                }
            }
            return HistoryEntryView(
                position: entry.position,
                kind: change.kind.rawValue,
                subject: change.id,
                subjectText: question?.text.text(in: language) ?? score?.title.text(in: language),
                by: change.by,
                accountId: entry.accountID,
                at: change.at,
                old: text(change.old),
                new: text(change.new),
                source: change.source
            )
        }
    }

    /// The history of a session record: the table's entries, then any the document still
    /// carries (a session file imported and not changed since).
    func historyEntries(of record: InterviewRecord) async throws(ServiceError) -> [SessionHistoryEntry] {
        var entries: [SessionHistoryEntry]
        do {
            entries = try await store.history(ofSession: record.id)
        } catch {
            throw ServiceError(error)
        }
        for change in record.document.history {
            entries.append(SessionHistoryEntry(change, accountID: nil, position: entries.count + 1))
        }
        return entries
    }
}
