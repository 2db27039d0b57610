internal import CLibYAML
public import KoersSource

/// Parses rule-pack YAML with the system libyaml into a ``YAMLNode`` tree with source ranges.
///
/// This is the only type that talks to libyaml. It reads libyaml's event stream and hands each
/// event, copied into Swift values, to a composer that builds the tree. No libyaml pointer
/// outlives a call. The parser makes these decisions for rule packs, and reports each
/// violation as a `Diagnostic` with a `file:line:column` location:
///
/// - **Positions.** libyaml's marks are 0-based; locations are 1-based, with columns counted in
///   Unicode scalars. Every location carries the `SourceFile.path` it came from. Each node's
///   ``YAMLNode/range`` runs from its first character (its tag or anchor, when it has one) to
///   just after its last one. A block collection ends where its last item ends; a flow
///   collection ends after its closing bracket; a block scalar ends after its last line break.
/// - **One document per file.** A second document is an error at its start; parsing stops
///   there, and the root is the first document.
/// - **No anchors, aliases or merge keys.** Each is an error at its place. Because aliases are
///   never expanded, "billion laughs" documents cost nothing to reject.
/// - **Unique keys.** A repeated key is an error at the second occurrence, with a note at the
///   first; the tree keeps the first. A key that is a list or mapping is an error.
/// - **Limits.** Input that exceeds a ``Limits`` value (file size, nesting depth, node count)
///   is an error, and the tree is not built. The tree is built without recursion, so deep
///   nesting cannot overflow the stack.
/// - **Input checks before libyaml.** A file that contains a NUL byte or is not valid UTF-8 is
///   reported as not being text, at its first bad byte. A UTF-8 byte-order mark is accepted.
///   An empty file, or one with only blank lines and comments, gives a `nil` root and no
///   diagnostic; the caller decides whether that is acceptable.
/// - **Syntax errors** keep libyaml's own wording (`did not find expected key`) at libyaml's
///   problem position. libyaml's context (`while parsing a block mapping`) completes the
///   message, and a note points at where that construct starts. A tab at the error position
///   adds a note that indentation must use spaces.
/// - **Scalars are not typed.** Each scalar keeps its text, its ``YAMLScalar/Style`` and its
///   tag (`tag:yaml.org,2002:` is shortened to `!!`); the rule-pack schema decides what it means.
///
/// ```swift
/// let file = SourceFile(path: "Rules/demo/pack.yaml", text: "id: demo\n")
/// let result = YAMLParser.parse(file)
/// if result.diagnostics.containsErrors {
///     print(DiagnosticRenderer(sources: [file]).render(result.diagnostics))
/// }
/// ```
public enum YAMLParser {
    /// Bounds on the input, so a hostile or broken file fails fast with a clear message.
    ///
    /// The defaults are far above what a rule pack needs: a large pack is tens of kilobytes,
    /// nested a handful of levels deep.
    public struct Limits: Sendable, Hashable {
        /// The largest accepted file, in bytes; 2 MiB by default.
        public var maximumFileSize: Int
        /// The deepest accepted nesting of lists and mappings; 64 by default.
        public var maximumDepth: Int
        /// The most nodes (scalars, lists, mappings and aliases) a document may have; 200,000
        /// by default.
        public var maximumNodes: Int
        /// The longest scalar, in Unicode scalars, that gets a character map; 4,096 by default.
        ///
        /// Longer scalars get empty ``YAMLScalar/characterLocations``, to keep memory bounded.
        public var maximumMappedScalarLength: Int

        /// The default limits.
        public static let `default` = Limits()

        /// Creates limits.
        ///
        /// - Parameters:
        ///   - maximumFileSize: The largest accepted file, in bytes.
        ///   - maximumDepth: The deepest accepted nesting of lists and mappings.
        ///   - maximumNodes: The most nodes a document may have.
        ///   - maximumMappedScalarLength: The longest scalar, in Unicode scalars, that gets a
        ///     character map.
        public init(
            maximumFileSize: Int = 2 * 1024 * 1024,
            maximumDepth: Int = 64,
            maximumNodes: Int = 200_000,
            maximumMappedScalarLength: Int = 4096
        ) {
            self.maximumFileSize = maximumFileSize
            self.maximumDepth = maximumDepth
            self.maximumNodes = maximumNodes
            self.maximumMappedScalarLength = maximumMappedScalarLength
        }
    }

    /// Parses the one YAML document in a source file.
    ///
    /// The file's text is checked before libyaml sees it: text larger than
    /// ``Limits/maximumFileSize`` (counted in UTF-8 bytes) or containing a NUL character is
    /// rejected without parsing. See ``YAMLParser`` for every decision the parser makes.
    ///
    /// - Parameters:
    ///   - file: The file; its path is used in every location.
    ///   - limits: Bounds on the input.
    /// - Returns: The root node (`nil` for an empty document or when a fatal problem stopped
    ///   the tree from being built) and every diagnostic, sorted.
    public static func parse(_ file: SourceFile, limits: Limits = .default) -> YAMLParseResult {
        if let problem = InputCheck.sizeProblem(byteCount: file.text.utf8.count, path: file.path, limits: limits) {
            return YAMLParseResult(root: nil, diagnostics: [problem])
        }
        let bytes = Array(file.text.utf8)
        if let problem = InputCheck.textProblem(in: bytes, path: file.path) {
            return YAMLParseResult(root: nil, diagnostics: [problem])
        }
        return parseChecked(file, utf8: bytes, limits: limits)
    }

    /// Parses the one YAML document in a file's raw bytes, as read from disk.
    ///
    /// Use this entry point for files, so that a binary or wrongly encoded file gets a clear
    /// error instead of being decoded into replacement characters. The checks, in order:
    ///
    /// 1. More than ``Limits/maximumFileSize`` bytes: an error at 1:1 giving the size and the
    ///    limit, and no source file.
    /// 2. A leading UTF-8 byte-order mark is dropped; the source file's text starts after it.
    /// 3. A NUL byte or a byte sequence that is not UTF-8: `file is not UTF-8 text (binary?)` at
    ///    the first bad byte, and no source file.
    ///
    /// Otherwise the text is parsed as ``parse(_:limits:)`` does.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - path: The path to use in the source file and in every location, as the user gave it.
    ///   - limits: Bounds on the input.
    /// - Returns: The source file, when the bytes are text within the size limit (pass it to a
    ///   `DiagnosticRenderer` to show snippets), and the parse result.
    public static func parse(
        bytes: [UInt8],
        path: String,
        limits: Limits = .default
    ) -> (file: SourceFile?, result: YAMLParseResult) {
        if let problem = InputCheck.sizeProblem(byteCount: bytes.count, path: path, limits: limits) {
            return (nil, YAMLParseResult(root: nil, diagnostics: [problem]))
        }
        let body = bytes.starts(with: InputCheck.byteOrderMark) ? Array(bytes.dropFirst(3)) : bytes
        if let problem = InputCheck.textProblem(in: body, path: path) {
            return (nil, YAMLParseResult(root: nil, diagnostics: [problem]))
        }
        let file = SourceFile(path: path, text: String(decoding: body, as: UTF8.self))
        return (file, parseChecked(file, utf8: body, limits: limits))
    }

    /// Parses text that passed the input checks.
    private static func parseChecked(_ file: SourceFile, utf8 bytes: [UInt8], limits: Limits) -> YAMLParseResult {
        guard !bytes.isEmpty else { return YAMLParseResult(root: nil, diagnostics: []) }
        var composer = YAMLComposer(file: file, limits: limits)
        let failure = LibYAML.parse(bytes) { event in composer.handle(event) }
        if let failure {
            composer.fail(with: syntaxError(failure, bytes: bytes, composer: composer))
        }
        return composer.result()
    }

    /// Turns libyaml's error into a diagnostic with libyaml's own wording.
    private static func syntaxError(_ failure: LibYAMLFailure, bytes: [UInt8], composer: YAMLComposer) -> Diagnostic {
        let path = composer.path
        switch failure.kind {
        case .memory:
            return .error("libyaml ran out of memory while reading the file",
                          nl: "libyaml had niet genoeg geheugen om het bestand te lezen", at: nil, code: "yaml-syntax")
        case .reader:
            var message = failure.problem
            var dutchMessage = LibYAMLDutch.message(problem: failure.problem, context: nil)
            if message == "control characters are not allowed", failure.problemValue >= 0 {
                let code = " (U+\(InputCheck.hex(failure.problemValue, digits: 4)))"
                message += code
                dutchMessage = dutchMessage.map { $0 + code }
            }
            let location = InputCheck.location(ofByte: failure.problemOffset, in: bytes, path: path)
            return .error(message, nl: dutchMessage, at: location, code: "yaml-syntax")
        case .scanner, .parser, .other:
            let location = composer.location(failure.problemMark)
            var message = failure.problem
            let dutchMessage = LibYAMLDutch.message(problem: failure.problem, context: failure.context)
            var notes: [Diagnostic] = []
            if let context = failure.context {
                message += " " + context
                if failure.contextMark.index != failure.problemMark.index {
                    notes.append(.note(contextNote(context), nl: LibYAMLDutch.contextNote(context),
                                       at: composer.location(failure.contextMark)))
                }
            }
            if composer.sourceScalar(at: failure.problemMark) == "\t" {
                notes.append(.note("YAML indentation must use spaces, not tabs",
                                   nl: "YAML springt in met spaties, niet met tabs", at: location))
            }
            return .error(message, nl: dutchMessage, at: location, code: "yaml-syntax", notes: notes)
        }
    }

    /// Turns libyaml's context, such as `while parsing a flow sequence`, into a note for where
    /// that construct starts: `the flow sequence starts here`.
    private static func contextNote(_ context: String) -> String {
        for prefix in ["while parsing a ", "while parsing an ", "while scanning a ", "while scanning an "]
        where context.hasPrefix(prefix) {
            return "the \(context.dropFirst(prefix.count)) starts here"
        }
        return "\(context) started here"
    }
}

// MARK: - libyaml interop

/// A position as libyaml reports it: 0-based, with `index` and `column` in Unicode scalars.
struct YAMLMark: Sendable, Hashable {
    var index: Int
    var line: Int
    var column: Int
}

/// One libyaml event, copied into Swift values.
struct YAMLEvent: Sendable {
    enum Kind: Sendable {
        case streamStart
        case streamEnd
        case documentStart
        case documentEnd
        case alias(anchor: String)
        case scalar(value: String, style: YAMLScalar.Style, tag: String?, anchor: String?)
        case sequenceStart(tag: String?, anchor: String?, isFlow: Bool)
        case sequenceEnd
        case mappingStart(tag: String?, anchor: String?, isFlow: Bool)
        case mappingEnd
    }

    var kind: Kind
    var start: YAMLMark
    var end: YAMLMark
}

/// libyaml's error state after a failed `yaml_parser_parse`, copied into Swift values.
struct LibYAMLFailure: Sendable {
    enum Kind: Sendable {
        case memory, reader, scanner, parser, other
    }

    var kind: Kind
    var problem: String
    var problemMark: YAMLMark
    var problemOffset: Int
    var problemValue: Int
    var context: String?
    var contextMark: YAMLMark
}

/// The libyaml event loop.
///
/// Everything that touches a libyaml pointer is in here.
private enum LibYAML {
    /// Runs libyaml over UTF-8 bytes and hands each event to `body` until the stream ends,
    /// `body` returns `false`, or libyaml fails.
    ///
    /// - Returns: libyaml's error, or `nil` when the stream ended or `body` stopped it.
    static func parse(_ bytes: [UInt8], _ body: (YAMLEvent) -> Bool) -> LibYAMLFailure? {
        // The parser holds a pointer to itself once it has input, so it must not move: keep it
        // on the heap rather than in a Swift variable that could be copied.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        defer {
            parser.deinitialize(count: 1)
            parser.deallocate()
        }
        guard yaml_parser_initialize(parser) == 1 else {
            return LibYAMLFailure(
                kind: .memory,
                problem: "cannot create a YAML parser",
                problemMark: YAMLMark(index: 0, line: 0, column: 0),
                problemOffset: 0,
                problemValue: -1,
                context: nil,
                contextMark: YAMLMark(index: 0, line: 0, column: 0)
            )
        }
        defer { yaml_parser_delete(parser) }

        // The input buffer must outlive every call into the parser: keep all of them inside.
        return bytes.withUnsafeBufferPointer { buffer -> LibYAMLFailure? in
            guard let base = buffer.baseAddress else { return nil }
            yaml_parser_set_input_string(parser, base, buffer.count)
            while true {
                var event = yaml_event_t()
                defer { yaml_event_delete(&event) }
                guard yaml_parser_parse(parser, &event) == 1 else {
                    return failure(of: parser.pointee)
                }
                let isEnd = event.type.rawValue == YAML_STREAM_END_EVENT.rawValue
                if let converted = convert(event), !body(converted) { return nil }
                if isEnd { return nil }
            }
        }
    }

    private static func mark(_ mark: yaml_mark_t) -> YAMLMark {
        YAMLMark(index: Int(mark.index), line: Int(mark.line), column: Int(mark.column))
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func convert(_ event: yaml_event_t) -> YAMLEvent? {
        let kind: YAMLEvent.Kind
        // Compared as raw values: matching the imported C enum goes through generic `~=`,
        // which is slow in debug builds, and this runs once per event.
        switch event.type.rawValue {
        case YAML_STREAM_START_EVENT.rawValue:
            kind = .streamStart
        case YAML_STREAM_END_EVENT.rawValue:
            kind = .streamEnd
        case YAML_DOCUMENT_START_EVENT.rawValue:
            kind = .documentStart
        case YAML_DOCUMENT_END_EVENT.rawValue:
            kind = .documentEnd
        case YAML_ALIAS_EVENT.rawValue:
            kind = .alias(anchor: string(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT.rawValue:
            let scalar = event.data.scalar
            let value =
                scalar.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
                }
                ?? ""
            kind = .scalar(
                value: value,
                style: style(scalar.style),
                tag: string(scalar.tag),
                anchor: string(scalar.anchor)
            )
        case YAML_SEQUENCE_START_EVENT.rawValue:
            let sequence = event.data.sequence_start
            kind = .sequenceStart(
                tag: string(sequence.tag),
                anchor: string(sequence.anchor),
                isFlow: sequence.style == YAML_FLOW_SEQUENCE_STYLE
            )
        case YAML_SEQUENCE_END_EVENT.rawValue:
            kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT.rawValue:
            let mapping = event.data.mapping_start
            kind = .mappingStart(
                tag: string(mapping.tag),
                anchor: string(mapping.anchor),
                isFlow: mapping.style == YAML_FLOW_MAPPING_STYLE
            )
        case YAML_MAPPING_END_EVENT.rawValue:
            kind = .mappingEnd
        default:
            return nil
        }
        return YAMLEvent(kind: kind, start: mark(event.start_mark), end: mark(event.end_mark))
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private static func failure(of parser: yaml_parser_t) -> LibYAMLFailure {
        let kind: LibYAMLFailure.Kind
        switch parser.error {
        case YAML_MEMORY_ERROR: kind = .memory
        case YAML_READER_ERROR: kind = .reader
        case YAML_SCANNER_ERROR: kind = .scanner
        case YAML_PARSER_ERROR: kind = .parser
        default: kind = .other
        }
        return LibYAMLFailure(
            kind: kind,
            problem: string(parser.problem) ?? "invalid YAML",
            problemMark: mark(parser.problem_mark),
            problemOffset: Int(parser.problem_offset),
            problemValue: Int(parser.problem_value),
            context: string(parser.context),
            contextMark: mark(parser.context_mark)
        )
    }
}
