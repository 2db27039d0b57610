import Foundation
import Synchronization

/// The session versions this process saved itself, each adapted to its pack before the change.
///
/// Packs are loaded once at start-up, so a document this process adapted and then saved is still
/// adapted to the same pack when it is read back at that version; bringing it in line again
/// (``SessionService/adapted(_:to:)``: every question's fingerprint and every answer compared
/// with the pack) would change nothing and cost about a twentieth of an answer. A version is the
/// revision and the time of the save, so another process's save is never taken for one of these.
final class AdaptedDocuments: Sendable {
    private struct Version: Hashable {
        var revision: Int
        var updatedAt: Date
    }

    /// The most sessions remembered; past it the list starts again (a miss only adapts again).
    static let capacity = 4096

    private let versions = Mutex<[String: Version]>([:])

    /// Whether the session's record is one this process saved after adapting it.
    func contains(_ sessionID: String, revision: Int, updatedAt: Date) -> Bool {
        versions.withLock { $0[sessionID] == Version(revision: revision, updatedAt: updatedAt) }
    }

    /// Remembers a version this process saved after adapting the document to its pack.
    func insert(_ sessionID: String, revision: Int, updatedAt: Date) {
        versions.withLock { versions in
            if versions.count >= Self.capacity, versions[sessionID] == nil { versions.removeAll(keepingCapacity: true) }
            versions[sessionID] = Version(revision: revision, updatedAt: updatedAt)
        }
    }
}
