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
    public var value: String {
        get { storedValue }
        set {
            settleLocations()
            storedValue = newValue
        }
    }
    /// How the scalar was written.
    public var style: Style {
        get { storedStyle }
        set {
            settleLocations()
            storedStyle = newValue
        }
    }
    /// The file location of each Unicode scalar of ``value``, when it can be mapped.
    ///
    /// Used to point inside a scalar, for example at a column of an expression. A character
    /// written as-is maps to its own column; one produced by an escape (`\t`) or a doubled
    /// quote (`''`) maps to the escape's first character; a line break kept in the value, or a
    /// space a line break was folded into, maps to the end of that source line. Empty when no
    /// exact mapping could be made, and for scalars longer than
    /// ``YAMLParser/Limits/maximumMappedScalarLength``, to keep memory bounded.
    ///
    /// A parsed scalar works the map out when it is first asked for, from the file's text: few
    /// scalars are ever asked, and making the map for all of them was a tenth of loading a pack.
    public var characterLocations: [SourceLocation] {
        get { place?.locations(of: storedValue, style: storedStyle) ?? givenLocations }
        set {
            givenLocations = newValue
            place = nil
        }
    }

    private var storedValue: String
    private var storedStyle: Style
    /// The map given to ``init(value:style:characterLocations:)`` or set; unused while ``place``
    /// is set.
    private var givenLocations: [SourceLocation]
    /// Where a parsed scalar was written, to work out ``characterLocations`` from.
    private var place: ScalarPlace?

    /// Creates a scalar.
    ///
    /// - Parameters:
    ///   - value: The value after unescaping and folding.
    ///   - style: How it was written.
    ///   - characterLocations: The location of each Unicode scalar of `value`, or empty.
    public init(value: String, style: Style, characterLocations: [SourceLocation] = []) {
        self.storedValue = value
        self.storedStyle = style
        self.givenLocations = characterLocations
        self.place = nil
    }

    /// Creates a parsed scalar whose character map is worked out from `place` when asked for.
    init(value: String, style: Style, place: ScalarPlace) {
        self.storedValue = value
        self.storedStyle = style
        self.givenLocations = []
        self.place = place
    }

    /// Fixes the character map before the value or style it was made for changes, so that
    /// changing them keeps the map as it was, as a scalar with a map given does.
    private mutating func settleLocations() {
        guard let place else { return }
        givenLocations = place.locations(of: storedValue, style: storedStyle)
        self.place = nil
    }

    public static func == (lhs: YAMLScalar, rhs: YAMLScalar) -> Bool {
        lhs.storedValue == rhs.storedValue && lhs.storedStyle == rhs.storedStyle
            && lhs.characterLocations == rhs.characterLocations
    }

    public func hash(into hasher: inout Hasher) {
        // The map follows from where the value was written; equal scalars have equal values
        // and styles, which is enough to hash.
        hasher.combine(storedValue)
        hasher.combine(storedStyle)
    }

    /// Whether the scalar was quoted, which makes it a string whatever it says.
    public var isQuoted: Bool { storedStyle == .singleQuoted || storedStyle == .doubleQuoted }

    /// Whether the scalar is YAML's null: an empty plain scalar, `~` or `null`.
    public var isNull: Bool {
        guard storedStyle == .plain else { return false }
        switch storedValue {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}

/// Where a parsed scalar was written: its file's ``ScalarLocator`` and libyaml's marks, held in
/// 32-bit fields to keep every scalar of a tree small.
struct ScalarPlace: Sendable {
    private let locator: ScalarLocator
    private let startIndex: UInt32
    private let startLine: UInt32
    private let startColumn: UInt32
    private let endIndex: UInt32
    private let endLine: UInt32
    private let endColumn: UInt32
    private let hasProperties: Bool

    /// Keeps a scalar's place, or `nil` when a mark does not fit in 32 bits (the caller then
    /// works the map out at once).
    init?(locator: ScalarLocator, start: YAMLMark, end: YAMLMark, hasProperties: Bool) {
        guard let startIndex = UInt32(exactly: start.index), let startLine = UInt32(exactly: start.line),
            let startColumn = UInt32(exactly: start.column), let endIndex = UInt32(exactly: end.index),
            let endLine = UInt32(exactly: end.line), let endColumn = UInt32(exactly: end.column)
        else { return nil }
        self.locator = locator
        self.startIndex = startIndex
        self.startLine = startLine
        self.startColumn = startColumn
        self.endIndex = endIndex
        self.endLine = endLine
        self.endColumn = endColumn
        self.hasProperties = hasProperties
    }

    /// The character map of the scalar written here, as ``ScalarLocator/locations`` makes it.
    func locations(of value: String, style: YAMLScalar.Style) -> [SourceLocation] {
        locator.locations(
            of: value,
            style: style,
            start: YAMLMark(index: Int(startIndex), line: Int(startLine), column: Int(startColumn)),
            end: YAMLMark(index: Int(endIndex), line: Int(endLine), column: Int(endColumn)),
            hasProperties: hasProperties
        )
    }
}
