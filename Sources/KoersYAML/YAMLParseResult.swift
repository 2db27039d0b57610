public import KoersSource

/// What ``YAMLParser`` found in one file: the document's root node and every problem.
///
/// The root is `nil` when the file holds no document (it is empty or has only comments and
/// blank lines) and when a fatal problem stopped the tree from being built: a syntax error, a
/// file that is too large or not text, nesting that is too deep, or too many nodes. Problems
/// that do not stop the tree, such as duplicate keys or aliases, are reported in
/// ``diagnostics`` next to a root; callers should not use a root whose diagnostics contain
/// errors.
public struct YAMLParseResult: Sendable, Hashable {
    /// The document's root node, or `nil` for an empty document or a fatal problem.
    public var root: YAMLNode?
    /// Every problem found, sorted by place.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - root: The document's root node, if any.
    ///   - diagnostics: The problems found; they are sorted.
    public init(root: YAMLNode?, diagnostics: [Diagnostic]) {
        self.root = root
        self.diagnostics = diagnostics.sorted()
    }
}
