import KoersSession
import Synchronization

/// One version of a session row: its revision and its times as stored. A revision only grows
/// and every save sets a new `updated_at`, so a row at this version holds one document; the
/// creation time tells a session apart from a later one with the same id.
struct SessionVersion: Sendable, Hashable {
    /// The revision.
    var revision: Int
    /// `created_at` as the row holds it (``StoreTime`` text).
    var createdAt: String
    /// `updated_at` as the row holds it.
    var updatedAt: String

    init(revision: Int, createdAt: String, updatedAt: String) {
        self.revision = revision
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The version of a session row.
    init(_ row: StoreRow) throws(StoreError) {
        revision = try row.integer("revision")
        createdAt = try row.text("created_at")
        updatedAt = try row.text("updated_at")
    }
}

/// The documents of the sessions used last, each with the record and the version of the row it
/// belongs to.
///
/// Reading a session's JSON document and decoding it is most of the work of an answer; a web
/// app answers the same sessions again and again. The store asks the database for a session's
/// row with the document left out when the row is still at the version held here
/// (``StoreStatements/session(id:unlessStill:)``), so the database decides, in the same query,
/// whether the document held is the current one: another process that saved the session in
/// between (several servers on one PostgreSQL database) makes it a miss, never a stale read.
/// After a save the document written is held at the row's new version. So a change to a
/// document made outside Koers (by hand, in `psql`) must raise the revision, as every save
/// does, to be seen by a running server (it needs that anyway, or a save would overwrite it).
///
/// At most ``capacity`` documents are held; the one used longest ago goes first.
final class SessionDocumentCache: Sendable {
    private struct Entry {
        var version: SessionVersion
        var record: InterviewRecord
    }

    /// The most documents held (a few tens of kilobytes each).
    let capacity: Int
    private let entries: Mutex<RecentTable<String, Entry>>

    init(capacity: Int = 512) {
        self.capacity = capacity
        entries = Mutex(RecentTable(capacity: capacity))
    }

    /// The version of the document held for a session, if any (not counted as a use).
    func version(of id: String) -> SessionVersion? {
        entries.withLock { $0.peek(id)?.version }
    }

    /// The document held for a session at exactly this version, if any.
    func document(of id: String, at version: SessionVersion) -> SessionFile? {
        entries.withLock { entries in
            guard let entry = entries.peek(id), entry.version == version else { return nil }
            _ = entries.use(id)
            return entry.record.document
        }
    }

    /// The record held for a session, whatever the database holds now, with its version.
    func held(_ id: String) -> (record: InterviewRecord, version: SessionVersion)? {
        entries.withLock { entries in entries.use(id).map { ($0.record, $0.version) } }
    }

    /// Holds a session's record (with its document) at a version, in place of any other one of
    /// it; when the table is full, the document used longest ago goes.
    func keep(_ record: InterviewRecord, at version: SessionVersion) {
        entries.withLock { entries in _ = entries.put(Entry(version: version, record: record), for: record.id) }
    }

    /// Forgets a session's document (the session was removed).
    func forget(_ id: String) {
        entries.withLock { entries in _ = entries.take(id) }
    }
}
