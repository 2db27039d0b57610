public import KoersCore

/// What a question looked like when a session was saved: enough to tell later whether an
/// answer still fits.
///
/// ```json
/// "scheme" : { "options" : ["set", "preset", "both"], "type" : "single_choice", "value_type" : "text" }
/// ```
public struct QuestionFingerprint: Sendable, Hashable, Codable {
    /// The question type's id, such as `money`.
    public var typeID: String
    /// The answer's value type, as a session file names it (`money`, `list of text`).
    public var valueType: String
    /// The ids of the options, in order; empty for questions without options.
    public var options: [String]

    /// The fingerprint of a question as the pack defines it now.
    ///
    /// - Parameter question: The question.
    public init(_ question: Question) {
        self.typeID = question.typeID
        self.valueType = SessionValueCoding.name(of: question.valueType)
        self.options = question.options.map(\.id)
    }

    private enum CodingKeys: String, CodingKey {
        case typeID = "type"
        case valueType = "value_type"
        case options
    }

    /// Reads a fingerprint.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when a key is missing or has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        typeID = try container.decode(String.self, forKey: .typeID)
        valueType = try container.decode(String.self, forKey: .valueType)
        options = try container.decodeIfPresent([String].self, forKey: .options) ?? []
    }

    /// Writes the fingerprint; `options` only when there are some.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(typeID, forKey: .typeID)
        try container.encode(valueType, forKey: .valueType)
        if !options.isEmpty { try container.encode(options, forKey: .options) }
    }
}
