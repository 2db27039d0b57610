/// Text in one or more languages, such as a question in Dutch and English.
///
/// Rule packs write Dutch first, with English translations:
///
/// ```yaml
/// text:
///   nl: Is uw organisatie een aanbieder van zorg of ondersteuning?
///   en: Is your organisation a provider of care or support?
/// ```
public struct LocalizedText: Sendable, Hashable {
    /// The translations in the order the pack gave them, as language code and text.
    public var translations: [(language: String, text: String)] {
        zip(languages, texts).map { ($0, $1) }
    }

    private var languages: [String]
    private var texts: [String]

    /// Creates a text from translations, in order.
    ///
    /// - Parameter translations: Language code and text pairs; the first is the fallback.
    public init(_ translations: [(language: String, text: String)]) {
        self.languages = translations.map(\.language)
        self.texts = translations.map(\.text)
    }

    /// Whether a translation exists for a language.
    ///
    /// - Parameter language: A language code such as `nl`.
    /// - Returns: `true` when the text has that language.
    public func has(_ language: String) -> Bool { languages.contains(language) }

    /// The text in a language, falling back to the first translation given.
    ///
    /// - Parameter language: A language code such as `en`.
    /// - Returns: The translation, or the first one when that language is missing.
    public func text(in language: String) -> String {
        if let index = languages.firstIndex(of: language) { return texts[index] }
        return texts.first ?? ""
    }
}
