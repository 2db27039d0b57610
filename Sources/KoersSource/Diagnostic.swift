/// A problem found in user input (a rule pack, an expression, an answer), with where it is.
///
/// Messages follow compiler style: they start lowercase, have no trailing period, and quote
/// user-supplied names in single quotes. Extra context, such as "first defined here" or
/// "did you mean 'when'?", goes into ``notes``.
///
/// Each diagnostic the loader makes also carries a Dutch text (``dutchMessage``); a
/// ``DiagnosticRenderer`` shows it when asked for ``DiagnosticLanguage/dutch``. The English
/// ``message`` stays the default and the stable text for scripts and JSON output.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// The input cannot be used.
        case error
        /// The input can be used, but something is probably wrong.
        case warning
        /// Context attached to another diagnostic.
        case note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// How serious the problem is.
    public var severity: Severity
    /// Where the problem is, when it has a place.
    public var location: SourceLocation?
    /// What is wrong and, where it helps, how to fix it.
    public var message: String
    /// The same in Dutch, or `nil` when the site that made the diagnostic has no Dutch text
    /// (then the English message is shown in Dutch output too).
    public var dutchMessage: String?
    /// A stable identifier for the kind of problem, such as `unknown-key`, for docs and JSON output.
    public var code: String?
    /// Notes that add context, each with its own location.
    public var notes: [Diagnostic]

    /// Creates a diagnostic.
    ///
    /// - Parameters:
    ///   - severity: How serious the problem is.
    ///   - location: Where it is, if anywhere.
    ///   - message: What is wrong.
    ///   - dutchMessage: The same in Dutch.
    ///   - code: A stable identifier for the kind of problem.
    ///   - notes: Notes with further context.
    public init(
        _ severity: Severity,
        at location: SourceLocation?,
        _ message: String,
        nl dutchMessage: String? = nil,
        code: String? = nil,
        notes: [Diagnostic] = []
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.dutchMessage = dutchMessage
        self.code = code
        self.notes = notes
    }

    /// An error at a location.
    ///
    /// - Parameters:
    ///   - message: What is wrong.
    ///   - dutchMessage: The same in Dutch.
    ///   - location: Where it is.
    ///   - code: A stable identifier for the kind of problem.
    ///   - notes: Notes with further context.
    /// - Returns: The diagnostic.
    public static func error(
        _ message: String,
        nl dutchMessage: String? = nil,
        at location: SourceLocation?,
        code: String? = nil,
        notes: [Diagnostic] = []
    ) -> Diagnostic {
        Diagnostic(.error, at: location, message, nl: dutchMessage, code: code, notes: notes)
    }

    /// A warning at a location.
    ///
    /// - Parameters:
    ///   - message: What is probably wrong.
    ///   - dutchMessage: The same in Dutch.
    ///   - location: Where it is.
    ///   - code: A stable identifier for the kind of problem.
    ///   - notes: Notes with further context.
    /// - Returns: The diagnostic.
    public static func warning(
        _ message: String,
        nl dutchMessage: String? = nil,
        at location: SourceLocation?,
        code: String? = nil,
        notes: [Diagnostic] = []
    ) -> Diagnostic {
        Diagnostic(.warning, at: location, message, nl: dutchMessage, code: code, notes: notes)
    }

    /// A note at a location, to attach to another diagnostic.
    ///
    /// - Parameters:
    ///   - message: The added context.
    ///   - dutchMessage: The same in Dutch.
    ///   - location: Where it applies.
    /// - Returns: The note.
    public static func note(_ message: String, nl dutchMessage: String? = nil, at location: SourceLocation?)
        -> Diagnostic
    {
        Diagnostic(.note, at: location, message, nl: dutchMessage)
    }

    /// The message in a language: the Dutch text when Dutch is asked for and there is one,
    /// else the English message.
    ///
    /// - Parameter language: The language to show.
    /// - Returns: The message.
    public func message(in language: DiagnosticLanguage) -> String {
        language == .dutch ? dutchMessage ?? message : message
    }

    /// Whether this diagnostic and all its notes have a Dutch text.
    public var hasDutchText: Bool {
        dutchMessage != nil && notes.allSatisfy(\.hasDutchText)
    }

    /// The one-line form, `file:line:col: error: message`, without notes or snippet.
    ///
    /// Control characters in the message and path (which may quote a stranger's input) are
    /// shown as escapes, so printing a diagnostic cannot drive the terminal.
    public var description: String { description(in: .english) }

    /// The one-line form in a language: `file:line:col: error: bericht`.
    ///
    /// The severity keyword stays English in Dutch too (as `error:` in `swiftc` and `clang`
    /// output), because editors, CI problem matchers and scripts find diagnostics by it; only
    /// the message is translated.
    ///
    /// - Parameter language: The language of the message.
    /// - Returns: The line, with control characters shown as escapes.
    public func description(in language: DiagnosticLanguage) -> String {
        let message = message(in: language)
        if let location {
            return terminalSafe("\(location): \(severity.rawValue): \(message)")
        }
        return terminalSafe("\(severity.rawValue): \(message)")
    }
}

extension Diagnostic: Comparable {
    /// Orders diagnostics the way they are printed: by place (placeless ones first), then
    /// severity, then message.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case (nil, .some): return true
        case (.some, nil): return false
        case (let left?, let right?) where left != right: return left < right
        default:
            if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
            return lhs.message < rhs.message
        }
    }
}

/// An error that carries one or more diagnostics; thrown at API boundaries.
public struct DiagnosticsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The diagnostics, sorted.
    public var diagnostics: [Diagnostic]

    /// Creates the error from diagnostics, which it sorts.
    ///
    /// - Parameter diagnostics: The problems found.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    /// Every diagnostic on its own line, in one-line form.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
