/// The language a person reads diagnostics in: English (the default) or Dutch.
///
/// Koers's pack authors are often Dutch, so every diagnostic the loader makes carries a Dutch
/// text beside its English one, and a renderer shows the one asked for. English stays the
/// default and the form tools and scripts rely on; the severity keyword (`error:`, `warning:`,
/// `note:`) stays English in both, because editors and CI problem matchers look for it.
public enum DiagnosticLanguage: String, Sendable, Hashable, CaseIterable {
    /// English, the default.
    case english = "en"
    /// Dutch.
    case dutch = "nl"

    /// The environment variable that sets the default language of the command line: `KOERS_LANG=nl`.
    public static let environmentVariable = "KOERS_LANG"

    /// Reads a language code: `nl` or `en`, also written as a locale such as `nl_NL.UTF-8`,
    /// `nl-BE` or `EN`.
    ///
    /// - Parameter code: The code.
    /// - Returns: The language, or `nil` for a code that is neither Dutch nor English.
    public init?(code: String) {
        let language = code.prefix { $0.isLetter }.lowercased()
        switch language {
        case "nl", "dutch", "nederlands": self = .dutch
        case "en", "english", "engels": self = .english
        default: return nil
        }
    }

    /// The language `KOERS_LANG` asks for; English when it is unset, empty or not understood,
    /// so a stray value never changes what scripts read.
    ///
    /// - Parameter environment: The process environment (`ProcessInfo.processInfo.environment`).
    /// - Returns: The language.
    public static func fromEnvironment(_ environment: [String: String]) -> DiagnosticLanguage {
        environment[environmentVariable].flatMap { DiagnosticLanguage(code: $0) } ?? .english
    }
}

/// A piece of a message in English and Dutch, such as `rule 'consent'` and `regel 'consent'`.
///
/// Messages are built from such pieces (what a key belongs to, what a value is for), so the
/// pieces need both languages too. Both texts are required: a phrase cannot be left
/// untranslated by accident. Its `description` is the English text, so interpolating a phrase
/// into an English message reads exactly as a plain string did.
public struct Phrase: Sendable, Hashable, CustomStringConvertible {
    /// The English text.
    public var en: String
    /// The Dutch text.
    public var nl: String

    /// Creates a phrase.
    ///
    /// - Parameters:
    ///   - en: The English text.
    ///   - nl: The Dutch text.
    public init(_ en: String, nl: String) {
        self.en = en
        self.nl = nl
    }

    /// The text in a language.
    ///
    /// - Parameter language: The language.
    /// - Returns: The English or the Dutch text.
    public func text(in language: DiagnosticLanguage) -> String {
        language == .dutch ? nl : en
    }

    /// The English text.
    public var description: String { en }
}

extension Phrase {
    /// The "did you mean" hint for a likely misspelling, in both languages.
    ///
    /// - Parameter suggestion: The name that was probably meant.
    /// - Returns: `did you mean 'x'?` and `bedoelde u 'x'?`.
    public static func didYouMean(_ suggestion: String) -> Phrase {
        Phrase("did you mean '\(suggestion)'?", nl: "bedoelde u '\(suggestion)'?")
    }
}

extension Diagnostic {
    /// A note in both languages.
    ///
    /// - Parameters:
    ///   - phrase: The added context, in English and Dutch.
    ///   - location: Where it applies.
    /// - Returns: The note.
    public static func note(_ phrase: Phrase, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.note, at: location, phrase.en, nl: phrase.nl)
    }
}
