import KoersSource
import KoersYAML

/// Reads one YAML mapping of the rule-pack schema: checks its keys against the allowed ones,
/// reports missing required keys, and hands out values by key.
struct MappingReader {
    /// The mapping node.
    let node: YAMLNode
    /// What the mapping is, for messages: "question 'x'", "pack.yaml".
    let subject: Phrase
    private let entries: [YAMLMappingEntry]

    /// Checks `node` against the schema and records problems in `diagnostics`.
    ///
    /// Returns `nil` (after reporting) when the node is not a mapping at all.
    init?(
        _ node: YAMLNode,
        subject: Phrase,
        allowed: [String],
        required: [String],
        diagnostics: inout [Diagnostic]
    ) {
        guard let entries = node.mapping else {
            diagnostics.append(
                .error(
                    "\(subject) must be a mapping of keys (\(allowed.prefix(4).joined(separator: ", ")), …), "
                        + "but it is \(node.kindDescription)",
                    nl: "\(subject.nl) moet een mapping van sleutels zijn (\(allowed.prefix(4).joined(separator: ", ")), …), "
                        + "maar het is \(node.dutchKindDescription)",
                    at: node.location,
                    code: "wrong-kind"
                )
            )
            return nil
        }
        self.node = node
        self.subject = subject
        self.entries = entries
        for entry in entries {
            guard let key = entry.key.scalarValue, !allowed.contains(key) else { continue }
            var notes: [Diagnostic] = []
            if let suggestion = closestMatch(to: key, among: allowed) {
                notes.append(.note(.didYouMean(suggestion), at: entry.key.location))
            }
            diagnostics.append(
                .error(
                    "unknown key '\(key)' in \(subject)",
                    nl: "onbekende sleutel '\(key)' in \(subject.nl)",
                    at: entry.key.location,
                    code: "unknown-key",
                    notes: notes
                )
            )
        }
        for key in required where self[key] == nil {
            if let present = entries.first(where: { $0.key.scalarValue == key }) {
                // `version: null` or `version:` with nothing after it: the key is there, its
                // value is not.
                diagnostics.append(
                    .error(
                        "key '\(key)' in \(subject) has no value (it is null); give it a value",
                        nl: "sleutel '\(key)' in \(subject.nl) heeft geen waarde (hij is null); geef hem een waarde",
                        at: present.value.location,
                        code: "missing-key"
                    )
                )
            } else {
                diagnostics.append(
                    .error("\(subject) is missing required key '\(key)'",
                           nl: "in \(subject.nl) ontbreekt de verplichte sleutel '\(key)'",
                           at: node.location, code: "missing-key")
                )
            }
        }
    }

    /// The value for a key; `nil` when the key is absent or its value is null.
    subscript(key: String) -> YAMLNode? {
        guard let value = entries.first(where: { $0.key.scalarValue == key })?.value, !value.isNull else {
            return nil
        }
        return value
    }

    /// The key node for a key, for pointing at it.
    func keyNode(_ key: String) -> YAMLNode? {
        entries.first { $0.key.scalarValue == key }?.key
    }

    /// The value for a key of a mapping node without checking its keys; `nil` when the node is
    /// not a mapping, or the key is absent or null.
    static func value(of key: String, in node: YAMLNode) -> YAMLNode? {
        guard let value = node.mapping?.first(where: { $0.key.scalarValue == key })?.value, !value.isNull else {
            return nil
        }
        return value
    }
}
