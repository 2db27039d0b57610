public import Foundation

/// Where an answer that was taken over from another session or answers file comes from, and
/// whether a coach confirmed it in this session.
///
/// A new session can start from an earlier one (`koers interview PACK --from baseline.json`):
/// every answer to a question with the same id and the same meaning (``QuestionFingerprint``)
/// is taken over, marked with its origin, and stays "to be confirmed" until a coach confirms it
/// or gives another answer (which drops the origin). In the file it is the answer's
/// `taken_over`, which older files do not have:
///
/// ```json
/// "bc_calculate" : {
///   "answered_at" : "2026-03-02T10:15:00Z", "answered_by" : "anna",
///   "state" : "answered", "type" : "boolean", "value" : true,
///   "taken_over" : {
///     "answered_at" : "2026-03-02T10:15:00Z", "answered_by" : "anna",
///     "confirmed_at" : "2026-09-14T09:00:00Z", "confirmed_by" : "bert",
///     "file" : "scan-0.json", "label" : "0-meting",
///     "pack_id" : "maturity-scan", "pack_title" : "Maturity scan"
///   }
/// }
/// ```
public struct AnswerOrigin: Sendable, Hashable, Codable {
    /// The pack of the session or file the answer comes from.
    public var packID: String
    /// That pack's title when the answer was taken over, in the session's language, if known.
    public var packTitle: String?
    /// The label of the session it comes from (a measurement such as `0-meting`), if any.
    public var label: String?
    /// The file it was read from, as given.
    public var file: String?
    /// When the answer was given there; for an answers file, its date or its modification time.
    public var answeredAt: Date?
    /// Who gave it there, when known.
    public var answeredBy: String?
    /// Who confirmed the answer in this session; `nil` while it still has to be confirmed.
    public var confirmedBy: String?
    /// When it was confirmed.
    public var confirmedAt: Date?

    /// Creates an origin that is not confirmed yet.
    ///
    /// - Parameters:
    ///   - packID: The source's pack.
    ///   - packTitle: Its title, if known.
    ///   - label: The source session's label, if any.
    ///   - file: The file, as given.
    ///   - answeredAt: When the answer was given there.
    ///   - answeredBy: Who gave it there.
    public init(
        packID: String,
        packTitle: String? = nil,
        label: String? = nil,
        file: String? = nil,
        answeredAt: Date? = nil,
        answeredBy: String? = nil
    ) {
        self.packID = packID
        self.packTitle = packTitle
        self.label = label
        self.file = file
        self.answeredAt = answeredAt.map(SessionClock.truncated)
        self.answeredBy = answeredBy
        self.confirmedBy = nil
        self.confirmedAt = nil
    }

    /// Whether a coach confirmed the answer in this session.
    public var isConfirmed: Bool { confirmedBy != nil }

    /// The source as a person names it: the pack's title (or id) and the label, such as
    /// `Maturity scan 0-meting`.
    public var sourceName: String {
        [packTitle ?? packID, label].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    private enum CodingKeys: String, CodingKey {
        case packID = "pack_id"
        case packTitle = "pack_title"
        case label
        case file
        case answeredAt = "answered_at"
        case answeredBy = "answered_by"
        case confirmedBy = "confirmed_by"
        case confirmedAt = "confirmed_at"
    }
}
