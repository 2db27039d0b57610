public import KoersSource

/// A node of a parsed YAML document: a scalar, a sequence or a mapping, with where it stands.
///
/// The tree is built by ``YAMLParser`` from libyaml's events. It keeps mapping order and each
/// scalar's style, and it never guesses types: `no` stays the string `no`, and the rule-pack
/// schema decides what a scalar means.
public struct YAMLNode: Sendable, Hashable {
    /// What the node holds.
    public enum Content: Sendable, Hashable {
        /// A scalar with its text and style.
        case scalar(YAMLScalar)
        /// A sequence of nodes, in order.
        case sequence([YAMLNode])
        /// A mapping, in source order; keys are unique.
        case mapping([YAMLMappingEntry])
    }

    /// What the node holds.
    public var content: Content
    /// Where the node starts and ends.
    ///
    /// For a block scalar, `start` is at its `|` or `>` indicator.
    public var range: SourceRange
    /// The explicit tag, such as `!!str`, when the document gave one.
    public var tag: String?

    /// Creates a node.
    ///
    /// - Parameters:
    ///   - content: What the node holds.
    ///   - range: Where it starts and ends.
    ///   - tag: The explicit tag, if any.
    public init(_ content: Content, range: SourceRange, tag: String? = nil) {
        self.content = content
        self.range = range
        self.tag = tag
    }

    /// Where the node starts.
    public var location: SourceLocation { range.start }
}

/// One key and its value in a YAML mapping.
public struct YAMLMappingEntry: Sendable, Hashable {
    /// The key node; rule packs use scalar keys only.
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Creates an entry.
    ///
    /// - Parameters:
    ///   - key: The key node.
    ///   - value: The value node.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A scalar's text, how it was written, and how to find a character of it in the file.
public struct YAMLScalar: Sendable, Hashable {
    /// How a scalar was written.
    public enum Style: String, Sendable, Hashable {
        /// `value`
        case plain
        /// `'value'`
        case singleQuoted
        /// `"value"`
        case doubleQuoted
        /// `|` block
        case literal
        /// `>` block
        case folded
    }

    /// The scalar's value after YAML's unescaping and folding.
    public var value: String
    /// How the scalar was written.
    public var style: Style
    /// The file location of each Unicode scalar of ``value``, when it can be mapped.
    ///
    /// Used to point inside a scalar, for example at a column of an expression. A character
    /// written as-is maps to its own column; one produced by an escape (`\t`) or a doubled
    /// quote (`''`) maps to the escape's first character; a line break kept in the value, or a
    /// space a line break was folded into, maps to the end of that source line. Empty when no
    /// exact mapping could be made, and for scalars longer than
    /// ``YAMLParser/Limits/maximumMappedScalarLength``, to keep memory bounded.
    public var characterLocations: [SourceLocation]

    /// Creates a scalar.
    ///
    /// - Parameters:
    ///   - value: The value after unescaping and folding.
    ///   - style: How it was written.
    ///   - characterLocations: The location of each Unicode scalar of `value`, or empty.
    public init(value: String, style: Style, characterLocations: [SourceLocation] = []) {
        self.value = value
        self.style = style
        self.characterLocations = characterLocations
    }

    /// Whether the scalar was quoted, which makes it a string whatever it says.
    public var isQuoted: Bool { style == .singleQuoted || style == .doubleQuoted }

    /// Whether the scalar is YAML's null: an empty plain scalar, `~` or `null`.
    public var isNull: Bool { style == .plain && ["", "~", "null", "Null", "NULL"].contains(value) }
}
