import Foundation
public import KoersSession

/// One change of a web session, as the history table keeps it: the `SessionChange` (what,
/// who by name, when, old → new) and the account that made it.
///
/// The web app writes a session's changes here, in the same transaction as the session itself,
/// instead of into the session document it rewrites on every answer; a history that grows with
/// every change would make every answer slower.
public struct SessionHistoryEntry: Sendable, Hashable {
    /// The change: kind, question or score id, the person's name (`anonymous` for a resume
    /// token), the time, and the old and new content.
    public var change: SessionChange
    /// The coach account that made it; `nil` for an anonymous session's visitor, and for
    /// changes that came with an imported session file.
    public var accountID: String?
    /// The change's place in the session's history, 1 for the first; set by the store (the
    /// value given to a write is ignored).
    public var position: Int

    /// Creates an entry.
    ///
    /// - Parameters:
    ///   - change: The change.
    ///   - accountID: The account that made it, if any.
    ///   - position: Its place in the history; the store sets it when it writes.
    public init(_ change: SessionChange, accountID: String?, position: Int = 0) {
        self.change = change
        self.accountID = accountID
        self.position = position
    }
}
