import Foundation
public import KoersPresentation

/// A second person's check of a score, as a report shows it: verified or disputed, who, when,
/// why, and whether the score is still as it was checked.
public struct ReportVerification: Sendable, Hashable, Codable {
    /// `verified` or `disputed`.
    public var status: String
    /// Who checked the score.
    public var by: String
    /// When, as ISO 8601.
    public var at: String
    /// Why it was disputed, if it was.
    @Nullable public var reason: String?
    /// Whether the score is still as it was checked (same computed value and override).
    public var current: Bool

    /// Creates a verification.
    public init(status: String, by: String, at: String, reason: String?, current: Bool) {
        self.status = status
        self.by = by
        self.at = at
        self.reason = reason
        self.current = current
    }

    /// The check in one line of a report: `geverifieerd door Bert, 2026-09-14T10:00:00Z` or
    /// `betwist door Bert, …: reden`, with a remark when the score changed since.
    func text(_ texts: ReportTexts) -> String {
        var line = (status == "disputed" ? texts.pick(.disputedBy) : texts.pick(.verifiedBy))
            + " \(by), \(at)"
        if let reason { line += ": \(reason)" }
        if !current { line += " (" + texts.pick(.scoreChangedSince) + ")" }
        return line
    }
}
