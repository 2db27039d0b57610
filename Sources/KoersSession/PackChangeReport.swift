/// What changed in a pack since a session was saved, and which answers were set aside because
/// of it.
public struct PackChangeReport: Sendable, Hashable {
    /// A question whose type changed.
    public struct TypeChange: Sendable, Hashable {
        /// The question.
        public var questionID: String
        /// The type it had: question type id and value type, such as `money (money)`.
        public var old: QuestionFingerprint
        /// The type it has now.
        public var new: QuestionFingerprint
    }

    /// A choice question that lost options.
    public struct RemovedOptions: Sendable, Hashable {
        /// The question.
        public var questionID: String
        /// The ids of the options that no longer exist, in their old order.
        public var optionIDs: [String]
    }

    /// The pack version the session was saved with.
    public var oldVersion: String
    /// The pack version it is opened with.
    public var newVersion: String
    /// Questions that were in the pack (or answered) and no longer exist, sorted.
    public var removedQuestions: [String]
    /// Questions whose type changed, sorted by question id.
    public var typeChanges: [TypeChange]
    /// Questions that lost options, sorted by question id.
    public var removedOptions: [RemovedOptions]
    /// The answers set aside now because they no longer fit, sorted by question id.
    public var setAside: [SetAsideAnswer]

    /// Whether the pack version differs.
    public var versionChanged: Bool { oldVersion != newVersion }

    /// Whether there is nothing to report: same version and every answer still fits.
    public var isEmpty: Bool {
        !versionChanged && removedQuestions.isEmpty && typeChanges.isEmpty && removedOptions.isEmpty && setAside.isEmpty
    }
}
