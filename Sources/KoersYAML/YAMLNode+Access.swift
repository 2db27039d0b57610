public import KoersSource

extension YAMLNode {
    /// The scalar, when this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The scalar's value, when this node is a scalar.
    public var scalarValue: String? { scalar?.value }

    /// The items, when this node is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The entries, when this node is a mapping.
    public var mapping: [YAMLMappingEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// Whether this node is YAML's null (an empty plain scalar, `~` or `null`).
    public var isNull: Bool { scalar?.isNull ?? false }

    /// A word for this node's kind, for messages: "a scalar", "a list" or "a mapping".
    public var kindDescription: String {
        switch content {
        case .scalar(let scalar): scalar.isNull ? "nothing" : "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// The same word in Dutch, for Dutch messages: "een enkele waarde", "een lijst" or "een mapping".
    public var dutchKindDescription: String {
        switch content {
        case .scalar(let scalar): scalar.isNull ? "niets" : "een enkele waarde"
        case .sequence: "een lijst"
        case .mapping: "een mapping"
        }
    }

    /// The value for a key, when this node is a mapping that has it.
    ///
    /// - Parameter key: The key's text.
    /// - Returns: The value node, or `nil`.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalarValue == key }?.value
    }

    /// The file location of the Unicode scalar at `offset` in this scalar's value.
    ///
    /// Falls back to the node's start when the scalar has no character map (for example after
    /// escape sequences or folding) or the offset is past its end.
    ///
    /// - Parameter offset: A 0-based offset in Unicode scalars into ``YAMLScalar/value``.
    /// - Returns: The location in the file.
    public func location(atValueOffset offset: Int) -> SourceLocation {
        guard let scalar, !scalar.characterLocations.isEmpty else { return location }
        if offset < scalar.characterLocations.count, offset >= 0 {
            return scalar.characterLocations[offset]
        }
        if let last = scalar.characterLocations.last, offset == scalar.characterLocations.count {
            return last.advanced(byColumns: 1)
        }
        return location
    }
}
