import Foundation
import KoersSession

/// The statements of the session history table (`session_history`, migration
/// `3-session-history`).
extension StoreStatements {
    /// Saves a document and appends its changes to the history, all or nothing.
    ///
    /// The first statement locks the session row when it is at the expected revision (a no-op
    /// update; PostgreSQL then holds the row until the commit, SQLite writes one transaction at
    /// a time anyway), so the history rows are added only when the document is saved too: a
    /// revision only grows, so once it is not the expected one it never is again. The last
    /// statement saves the document and returns the row (no row: a conflict or no such session,
    /// and then no history row was added either).
    static func updateSession(
        id: String,
        expectedRevision: Int,
        document: SessionFile,
        changes: [SessionHistoryEntry],
        version: SessionVersion? = nil
    ) throws(StoreError) -> StoreWrite {
        var write = try updateSession(id: id, expectedRevision: expectedRevision, document: document, version: version)
        guard !changes.isEmpty else { return write }
        let row = sessionCondition(id: id, expectedRevision: expectedRevision, version: version)
        let lock = StoreStatement("UPDATE interview_sessions SET revision = revision WHERE \(row.sql)", row.binds)
        let condition = StoreStatement("SELECT 1 FROM interview_sessions WHERE \(row.sql)", row.binds)
        var statements = [lock]
        for change in changes { statements.append(try insertHistory(change, sessionID: id, when: condition)) }
        write.statements = statements + write.statements
        return write
    }

    /// Adds a session with the changes made while starting it (answers taken over).
    static func insert(_ session: InterviewRecord, changes: [SessionHistoryEntry]) throws(StoreError) -> StoreWrite {
        var write = try insert(session)
        for change in changes { write.statements.append(try insertHistory(change, sessionID: session.id, when: nil)) }
        return write
    }

    /// One history row, at the next position of the session's history; with `condition`, only
    /// when that query has a row.
    private static func insertHistory(
        _ entry: SessionHistoryEntry,
        sessionID: String,
        when condition: StoreStatement?
    ) throws(StoreError) -> StoreStatement {
        let change = entry.change
        let values: KeyValuePairs<String, StoreValue> = [
            "session_id": .text(sessionID),
            "at": .time(change.at),
            "account_id": .optional(entry.accountID),
            "by_name": .text(change.by),
            "kind": .text(change.kind.rawValue),
            "subject": .text(change.id),
            "old_value": .optional(contentText(change.old)),
            "new_value": .optional(contentText(change.new)),
            "source": .optional(change.source),
        ]
        let columns = values.map(\.key).joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: values.count).joined(separator: ", ")
        var sql = """
            INSERT INTO session_history (position, \(columns))
            SELECT (SELECT COALESCE(MAX(position), 0) + 1 FROM session_history WHERE session_id = ?), \(placeholders)
            """
        var binds: [StoreValue] = [.text(sessionID)] + values.map(\.value)
        if let condition {
            sql += " WHERE EXISTS (\(condition.sql))"
            binds += condition.binds
        }
        return StoreStatement(sql, binds, table: "session_history")
    }

    /// The history of a session, oldest first.
    static func history(ofSession id: String) -> StoreStatement {
        select("session_history", where: "session_id", id, then: " ORDER BY position")
    }

    static func historyEntry(_ row: StoreRow) throws(StoreError) -> SessionHistoryEntry {
        let sessionID = try row.text("session_id")
        let position = try row.integer("position")
        let kindName = try row.text("kind")
        guard let kind = SessionChange.Kind(rawValue: kindName) else {
            throw .corrupt("change \(position) of session '\(sessionID)' is of kind '\(kindName)', which Koers does not know")
        }
        let change = SessionChange(
            kind: kind,
            id: try row.text("subject"),
            by: try row.text("by_name"),
            at: try row.time("at"),
            old: try content(row.optionalText("old_value"), sessionID: sessionID, position: position),
            new: try content(row.optionalText("new_value"), sessionID: sessionID, position: position),
            source: try row.optionalText("source")
        )
        return SessionHistoryEntry(change, accountID: try row.optionalText("account_id"), position: position)
    }

    /// What a change was or became, as JSON text with sorted keys (an answer as in a session
    /// file's `answers`), by the format's own writer (`SessionChange.Content.compactJSON()`).
    private static func contentText(_ content: SessionChange.Content?) -> String? {
        content.map { String(decoding: $0.compactJSON(), as: UTF8.self) }
    }

    private static func content(_ text: String?, sessionID: String, position: Int) throws(StoreError)
        -> SessionChange.Content?
    {
        guard let text else { return nil }
        do {
            return try JSONDecoder().decode(SessionChange.Content.self, from: Data(text.utf8))
        } catch {
            throw .corrupt("change \(position) of session '\(sessionID)' holds '\(text)', which cannot be read: \(error)")
        }
    }
}
