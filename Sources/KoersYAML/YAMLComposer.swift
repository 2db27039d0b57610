internal import KoersSource

/// Builds a ``YAMLNode`` tree from libyaml's events and checks the rule-pack policies.
///
/// The composer keeps an explicit stack of open collections instead of recursing, so the
/// depth of the input cannot overflow the call stack, and it refuses to go deeper than
/// ``YAMLParser/Limits/maximumDepth``. The policies it enforces are listed on ``YAMLParser``.
struct YAMLComposer {
    /// The path used in every location.
    let path: String
    private let limits: YAMLParser.Limits
    private let locator: ScalarLocator

    private var diagnostics: [Diagnostic] = []
    /// The innermost open collection; kept out of ``parents`` so that updating it does not
    /// copy it.
    private var current: Frame?
    /// The open collections around ``current``, outermost first.
    private var parents: [Frame] = []
    private var root: YAMLNode?
    private var documentCount = 0
    private var nodeCount = 0
    private var anchors: [String: SourceLocation] = [:]
    private var isBroken = false

    /// A list or mapping whose end has not been seen yet.
    private struct Frame {
        var isMapping: Bool
        var isFlow: Bool
        var start: SourceLocation
        var tag: String?
        var items: [YAMLNode] = []
        var entries: [YAMLMappingEntry] = []
        /// A key whose value has not been seen yet.
        var pendingKey: YAMLNode?
        /// Whether the pending key repeats an earlier key, so its entry is left out.
        var dropsPendingEntry = false
        /// Whether the pending key is the merge key `<<`.
        var pendingKeyIsMerge = false
        /// The first location of each scalar key.
        var keyLocations: [String: SourceLocation] = [:]
        /// Where the last item or value ends.
        var lastEnd: SourceLocation?
    }

    init(file: SourceFile, limits: YAMLParser.Limits) {
        self.path = file.path
        self.limits = limits
        self.locator = ScalarLocator(file: file, maximumLength: limits.maximumMappedScalarLength)
    }

    // MARK: Positions

    /// The 1-based location of a libyaml mark.
    func location(_ mark: YAMLMark) -> SourceLocation {
        SourceLocation(file: path, line: mark.line + 1, column: mark.column + 1)
    }

    /// The Unicode scalar of the file at a libyaml mark, if there is one.
    func sourceScalar(at mark: YAMLMark) -> Unicode.Scalar? {
        locator.scalar(at: mark.index)
    }

    private func range(_ event: YAMLEvent) -> SourceRange {
        SourceRange(start: location(event.start), end: location(event.end))
    }

    // MARK: Events

    /// Takes one event.
    ///
    /// - Returns: Whether to go on; `false` after a fatal problem.
    mutating func handle(_ event: YAMLEvent) -> Bool {
        switch event.kind {
        case .streamStart, .streamEnd, .documentEnd:
            return true
        case .documentStart:
            documentCount += 1
            guard documentCount == 1 else {
                diagnostics.append(
                    .error(
                        "a rule-pack file holds one YAML document; move the document that starts here "
                            + "into a file of its own",
                        nl: "een bestand van een regelpakket bevat één YAML-document; zet het document dat hier "
                            + "begint in een eigen bestand",
                        at: location(event.start),
                        code: "yaml-multiple-documents"
                    )
                )
                return false
            }
            return true
        case .alias(let anchor):
            guard countNode(event) else { return false }
            if current?.pendingKeyIsMerge != true {
                var notes: [Diagnostic] = []
                if let defined = anchors[anchor] {
                    notes.append(.note("anchor '&\(anchor)' is defined here",
                                       nl: "anker '&\(anchor)' wordt hier gedefinieerd", at: defined))
                }
                diagnostics.append(
                    .error(
                        "alias '*\(anchor)' is not supported in rule packs; repeat the value instead",
                        nl: "alias '*\(anchor)' wordt in regelpakketten niet ondersteund; herhaal de waarde",
                        at: location(event.start),
                        code: "yaml-alias",
                        notes: notes
                    )
                )
            }
            // Stand in an empty value so the rest of the document can still be checked; as a key,
            // it is not checked again.
            add(YAMLNode(.scalar(YAMLScalar(value: "", style: .plain)), range: range(event)), checksKey: false)
            return true
        case .scalar(let value, let style, let tag, let anchor):
            guard countNode(event) else { return false }
            checkAnchor(anchor, at: event)
            let hasProperties = tag != nil || anchor != nil
            let scalar: YAMLScalar
            if let place = ScalarPlace(locator: locator, start: event.start, end: event.end, hasProperties: hasProperties) {
                scalar = YAMLScalar(value: value, style: style, place: place)
            } else {
                let locations = locator.locations(
                    of: value, style: style, start: event.start, end: event.end, hasProperties: hasProperties
                )
                scalar = YAMLScalar(value: value, style: style, characterLocations: locations)
            }
            add(YAMLNode(.scalar(scalar), range: range(event), tag: Self.shortTag(tag)))
            return true
        case .sequenceStart(let tag, let anchor, let isFlow):
            return open(event, isMapping: false, tag: tag, anchor: anchor, isFlow: isFlow)
        case .mappingStart(let tag, let anchor, let isFlow):
            return open(event, isMapping: true, tag: tag, anchor: anchor, isFlow: isFlow)
        case .sequenceEnd, .mappingEnd:
            close(event)
            return true
        }
    }

    /// Records a syntax error; the tree is not built.
    mutating func fail(with diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        isBroken = true
    }

    /// The root (unless a fatal problem occurred) and the diagnostics, sorted.
    func result() -> YAMLParseResult {
        YAMLParseResult(root: isBroken ? nil : root, diagnostics: diagnostics)
    }

    // MARK: Building

    private mutating func countNode(_ event: YAMLEvent) -> Bool {
        nodeCount += 1
        guard nodeCount <= limits.maximumNodes else {
            fail(
                with: .error(
                    "the document has more than \(limits.maximumNodes) values; split it into smaller files",
                    nl: "het document heeft meer dan \(limits.maximumNodes) waarden; verdeel het over kleinere bestanden",
                    at: location(event.start),
                    code: "yaml-too-many-nodes"
                )
            )
            return false
        }
        return true
    }

    private mutating func checkAnchor(_ anchor: String?, at event: YAMLEvent) {
        guard let anchor else { return }
        let place = location(event.start)
        if anchors[anchor] == nil { anchors[anchor] = place }
        diagnostics.append(
            .error(
                "anchor '&\(anchor)' is not supported in rule packs; write the value out where it is needed",
                nl: "anker '&\(anchor)' wordt in regelpakketten niet ondersteund; schrijf de waarde uit waar ze nodig is",
                at: place,
                code: "yaml-anchor"
            )
        )
    }

    private mutating func open(_ event: YAMLEvent, isMapping: Bool, tag: String?, anchor: String?, isFlow: Bool) -> Bool
    {
        guard countNode(event) else { return false }
        guard depth < limits.maximumDepth else {
            fail(
                with: .error(
                    "lists and mappings are nested more than \(limits.maximumDepth) levels deep; "
                        + "flatten the structure (rule packs need only a few levels)",
                    nl: "lijsten en mappings zijn meer dan \(limits.maximumDepth) lagen diep genest; "
                        + "maak de structuur platter (regelpakketten hebben maar een paar lagen nodig)",
                    at: location(event.start),
                    code: "yaml-too-deep"
                )
            )
            return false
        }
        checkAnchor(anchor, at: event)
        // Swapped rather than copied: a copy of the open frame would retain each of its arrays.
        var outer: Frame? = Frame(isMapping: isMapping, isFlow: isFlow, start: location(event.start), tag: Self.shortTag(tag))
        swap(&current, &outer)
        if let outer { parents.append(outer) }
        return true
    }

    /// How many collections are open.
    private var depth: Int { current == nil ? 0 : parents.count + 1 }

    private mutating func close(_ event: YAMLEvent) {
        guard current != nil else { return }
        var closed = parents.popLast()
        swap(&current, &closed)
        guard let frame = closed else { return }
        // A block collection ends with its last item; libyaml's end event sits at whatever
        // comes next, possibly after comments and blank lines.
        let end = frame.isFlow ? location(event.end) : frame.lastEnd ?? location(event.end)
        let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.entries) : .sequence(frame.items)
        add(YAMLNode(content, range: SourceRange(start: frame.start, end: end), tag: frame.tag))
    }

    private mutating func add(_ node: YAMLNode, checksKey: Bool = true) {
        guard current != nil else {
            root = node
            return
        }
        current?.lastEnd = node.range.end
        if current?.isMapping != true {
            current?.items.append(node)
        } else if let key = current?.pendingKey.take() {
            if current?.dropsPendingEntry != true {
                current?.entries.append(YAMLMappingEntry(key: key, value: node))
            }
            current?.dropsPendingEntry = false
            current?.pendingKeyIsMerge = false
        } else {
            current?.pendingKey = node
            if checksKey { checkKey(node) }
        }
    }

    /// Checks a key of the current mapping.
    private mutating func checkKey(_ key: YAMLNode) {
        guard let scalar = key.scalar else {
            diagnostics.append(
                .error(
                    "mapping keys must be plain text, not \(key.kindDescription)",
                    nl: "sleutels van een mapping moeten gewone tekst zijn, niet \(key.dutchKindDescription)",
                    at: key.location,
                    code: "yaml-complex-key"
                )
            )
            return
        }
        if scalar.style == .plain, scalar.value == "<<" {
            current?.pendingKeyIsMerge = true
            diagnostics.append(
                .error(
                    "merge key '<<' is not supported in rule packs; write the keys out instead",
                    nl: "de samenvoegsleutel '<<' wordt in regelpakketten niet ondersteund; schrijf de sleutels uit",
                    at: key.location,
                    code: "yaml-merge-key"
                )
            )
            return
        }
        if let first = current?.keyLocations[scalar.value] {
            current?.dropsPendingEntry = true
            diagnostics.append(
                .error(
                    "duplicate key \(Self.quoted(scalar.value))",
                    nl: "sleutel \(Self.quoted(scalar.value)) komt twee keer voor",
                    at: key.location,
                    code: "yaml-duplicate-key",
                    notes: [.note("first used here", nl: "hier voor het eerst gebruikt", at: first)]
                )
            )
        } else {
            current?.keyLocations[scalar.value] = key.location
        }
    }

    // MARK: Text

    /// libyaml expands `!!str` to `tag:yaml.org,2002:str`; give it back in the short form.
    static func shortTag(_ tag: String?) -> String? {
        guard let tag else { return nil }
        let prefix = "tag:yaml.org,2002:"
        return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }

    /// A key for a message: in single quotes, on one line, and at most 40 Unicode scalars.
    static func quoted(_ text: String) -> String {
        var shown = String.UnicodeScalarView()
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            guard offset < 40 else {
                shown.append("…")
                break
            }
            switch scalar {
            case "\n": shown.append(contentsOf: "\\n".unicodeScalars)
            case "\r": shown.append(contentsOf: "\\r".unicodeScalars)
            case "\t": shown.append(contentsOf: "\\t".unicodeScalars)
            default: shown.append(scalar)
            }
        }
        return "'\(String(shown))'"
    }
}
