internal import KoersSource

/// Maps each Unicode scalar of a YAML scalar's value back to where it was written.
///
/// For every style it re-reads the scalar's source text the way libyaml does (folding line
/// breaks, trimming indentation, decoding `''` and backslash escapes, applying block indentation
/// and chomping) and records, for every value character it produces, where that character came
/// from:
///
/// - A character written as-is maps to its own column.
/// - A character produced by an escape (`\n`, `\u00e9`) or by `''` maps to the escape's first
///   character.
/// - A line break kept in the value, and a space that a line break was folded into, map to
///   the end of the source line where that break is.
///
/// The produced characters are compared with libyaml's value; on any difference, or for a
/// value longer than the limit, the map is left empty rather than wrong.
///
/// One locator serves every scalar of a file, and ``YAMLScalar`` keeps a reference to it so
/// that the map is made only for the few scalars whose characters anyone asks about (the
/// expressions, when one of them has an error): making it for every scalar was a tenth of
/// loading a pack.
final class ScalarLocator: Sendable {
    private let source: [Unicode.Scalar]
    /// What to add to libyaml's `mark.index` to index ``source``: 1 when the text starts with
    /// a byte-order mark, which libyaml skips without counting.
    private let indexOffset: Int
    private let path: String
    private let maximumLength: Int

    init(file: SourceFile, maximumLength: Int) {
        self.source = Self.scalars(of: file.text)
        self.indexOffset = source.first == "\u{FEFF}" ? 1 : 0
        self.path = file.path
        self.maximumLength = maximumLength
    }

    /// The Unicode scalars of a text, decoded from its UTF-8 with a fast path for ASCII: this
    /// runs over every file of a pack as it loads, and `Array(text.unicodeScalars)` grows its
    /// storage as it goes.
    private static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            var scalars: [Unicode.Scalar] = []
            scalars.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    scalars.append(Unicode.Scalar(byte))
                    index += 1
                    continue
                }
                // A multi-byte sequence: the text is valid UTF-8, so decode it as such.
                var iterator = bytes[index...].makeIterator()
                var decoder = UTF8()
                guard case .scalarValue(let scalar) = decoder.decode(&iterator) else {
                    scalars.append("\u{FFFD}")
                    index += 1
                    continue
                }
                scalars.append(scalar)
                index += UTF8.width(scalar)
            }
            return scalars
        }
    }

    /// The file's Unicode scalar at a libyaml mark index, if there is one.
    func scalar(at markIndex: Int) -> Unicode.Scalar? {
        let index = markIndex + indexOffset
        return index >= 0 && index < source.count ? source[index] : nil
    }

    /// The location of each Unicode scalar of `value`, or an empty array when it cannot be
    /// mapped exactly.
    ///
    /// - Parameters:
    ///   - value: libyaml's value for the scalar.
    ///   - style: How the scalar was written.
    ///   - start: libyaml's start mark for the scalar event (at its tag or anchor, if any).
    ///   - end: libyaml's end mark for the scalar event.
    ///   - hasProperties: Whether a tag or anchor precedes the scalar's text.
    /// - Returns: One location per Unicode scalar of `value`, or an empty array.
    func locations(
        of value: String,
        style: YAMLScalar.Style,
        start: YAMLMark,
        end: YAMLMark,
        hasProperties: Bool
    ) -> [SourceLocation] {
        // A scalar takes at most 4 UTF-8 bytes: reject long values before copying them.
        guard !value.isEmpty, value.utf8.count / 4 <= maximumLength else { return [] }
        let expected = Array(value.unicodeScalars)
        guard expected.count <= maximumLength else { return [] }
        var cursor = Cursor(index: start.index + indexOffset, line: start.line, column: start.column)
        let regionEnd = end.index + indexOffset
        guard cursor.index >= 0, cursor.index <= regionEnd, regionEnd <= source.count else { return [] }
        if hasProperties { skipProperties(&cursor, before: regionEnd) }
        guard cursor.index < regionEnd else { return [] }
        if let direct = directLocations(of: expected, style: style, from: cursor, to: end) { return direct }

        switch style {
        case .plain, .singleQuoted, .doubleQuoted:
            var output = Output(expected: expected, path: path)
            readFlowScalar(style, from: cursor, to: regionEnd, into: &output)
            return output.result ?? []
        case .literal, .folded:
            return readBlockScalar(folded: style == .folded, from: cursor, to: regionEnd, expected: expected)
        }
    }

    /// The common case, kept fast: a one-line scalar written exactly as its value (no escapes,
    /// no doubled quotes), whose characters sit in consecutive columns.
    private func directLocations(
        of expected: [Unicode.Scalar],
        style: YAMLScalar.Style,
        from start: Cursor,
        to end: YAMLMark
    ) -> [SourceLocation]? {
        let quoted = style == .singleQuoted || style == .doubleQuoted
        guard style == .plain || quoted, start.line == end.line else { return nil }
        let first = start.index + (quoted ? 1 : 0)
        let count = expected.count
        guard end.index + indexOffset - first - (quoted ? 1 : 0) == count else { return nil }
        let matches = source.withUnsafeBufferPointer { source in
            expected.withUnsafeBufferPointer { expected in
                var offset = 0
                while offset < count {
                    if source[first + offset] != expected[offset] { return false }
                    offset += 1
                }
                return true
            }
        }
        guard matches else { return nil }
        let line = start.line + 1
        let column = start.column + (quoted ? 2 : 1)
        // Written with a plain loop into reserved storage: this runs for most scalars, and
        // must stay quick in debug builds too.
        return [SourceLocation](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < count {
                (base + offset).initialize(to: SourceLocation(file: path, line: line, column: column + offset))
                offset += 1
            }
            initialized = count
        }
    }

    // MARK: Reading the source

    /// A position in ``source`` with libyaml's 0-based line and column.
    private struct Cursor {
        var index: Int
        var line: Int
        var column: Int
    }

    /// Collects the produced characters and their locations, stopping at the first character
    /// that differs from libyaml's value.
    private struct Output {
        let expected: [Unicode.Scalar]
        let path: String
        var locations: [SourceLocation] = []
        var failed = false

        init(expected: [Unicode.Scalar], path: String) {
            self.expected = expected
            self.path = path
            locations.reserveCapacity(expected.count)
        }

        mutating func emit(_ scalar: Unicode.Scalar, at cursor: Cursor) {
            guard !failed, locations.count < expected.count, expected[locations.count] == scalar else {
                failed = true
                return
            }
            locations.append(SourceLocation(file: path, line: cursor.line + 1, column: cursor.column + 1))
        }

        /// Emits `count` characters of one line, written as-is from `cursor` on.
        mutating func emitRun(of source: [Unicode.Scalar], at cursor: Cursor, count: Int) {
            let first = locations.count
            guard !failed, first + count <= expected.count, cursor.index + count <= source.count else {
                failed = true
                return
            }
            // Compare through buffers: this is the inner loop for block scalars, and must stay
            // quick in debug builds too.
            let matches = source.withUnsafeBufferPointer { source in
                expected.withUnsafeBufferPointer { expected in
                    var offset = 0
                    while offset < count {
                        if source[cursor.index + offset] != expected[first + offset] { return false }
                        offset += 1
                    }
                    return true
                }
            }
            guard matches else {
                failed = true
                return
            }
            let line = cursor.line + 1
            var column = cursor.column + 1
            for _ in 0..<count {
                locations.append(SourceLocation(file: path, line: line, column: column))
                column += 1
            }
        }

        var result: [SourceLocation]? {
            !failed && locations.count == expected.count ? locations : nil
        }
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || isUnicodeBreak(scalar)
    }

    /// Line breaks that libyaml keeps as they are instead of folding; not mapped.
    private static func isUnicodeBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// Moves past one character; a line break (`\r\n` counts as one) starts a new line.
    private func advance(_ cursor: inout Cursor) {
        guard cursor.index < source.count else { return }
        let scalar = source[cursor.index]
        if scalar == "\r", cursor.index + 1 < source.count, source[cursor.index + 1] == "\n" {
            cursor.index += 2
        } else {
            cursor.index += 1
        }
        if Self.isBreak(scalar) {
            cursor.line += 1
            cursor.column = 0
        } else {
            cursor.column += 1
        }
    }

    /// Skips a node's tag and anchor, and the spaces, line breaks and comments after them.
    private func skipProperties(_ cursor: inout Cursor, before end: Int) {
        while cursor.index < end {
            let scalar = source[cursor.index]
            if scalar == "!" || scalar == "&" {
                let verbatim = scalar == "!" && cursor.index + 1 < end && source[cursor.index + 1] == "<"
                while cursor.index < end {
                    let current = source[cursor.index]
                    if verbatim ? current == ">" : Self.isBlank(current) || Self.isBreak(current) { break }
                    advance(&cursor)
                }
                if verbatim { advance(&cursor) }
            } else if Self.isBlank(scalar) || Self.isBreak(scalar) {
                advance(&cursor)
            } else if scalar == "#" {
                while cursor.index < end, !Self.isBreak(source[cursor.index]) { advance(&cursor) }
            } else {
                return
            }
        }
    }

    // MARK: Flow scalars

    /// The whitespace and line breaks between two pieces of a flow scalar, folded as libyaml
    /// folds them once the next piece starts.
    private struct Folder {
        /// Spaces and tabs seen since the last character, on the same line.
        var whitespace: [(Unicode.Scalar, Cursor)] = []
        /// Whether a line break has been seen since the last character.
        var inBreaks = false
        /// The first line break, or `nil` after an escaped line break, which folds to nothing.
        var leadingBreak: Cursor?
        /// The line breaks after the first, each kept as `\n`.
        var trailingBreaks: [Cursor] = []

        mutating func blank(_ scalar: Unicode.Scalar, at cursor: Cursor) {
            if !inBreaks { whitespace.append((scalar, cursor)) }
        }

        mutating func lineBreak(at cursor: Cursor) {
            if inBreaks {
                trailingBreaks.append(cursor)
            } else {
                whitespace = []
                inBreaks = true
                leadingBreak = cursor
            }
        }

        mutating func escapedLineBreak() {
            whitespace = []
            inBreaks = true
            leadingBreak = nil
            trailingBreaks = []
        }

        /// Emits what the whitespace or line breaks since the last character stand for.
        mutating func flush(into output: inout Output) {
            if inBreaks {
                if let leadingBreak, trailingBreaks.isEmpty {
                    output.emit(" ", at: leadingBreak)
                }
                for lineBreak in trailingBreaks { output.emit("\n", at: lineBreak) }
                inBreaks = false
                leadingBreak = nil
                trailingBreaks = []
            } else {
                for (scalar, cursor) in whitespace { output.emit(scalar, at: cursor) }
            }
            whitespace = []
        }
    }

    private func readFlowScalar(
        _ style: YAMLScalar.Style,
        from start: Cursor,
        to end: Int,
        into output: inout Output
    ) {
        var cursor = start
        var contentEnd = end
        if style != .plain {
            let quote: Unicode.Scalar = style == .singleQuoted ? "'" : "\""
            guard end - cursor.index >= 2, source[cursor.index] == quote, source[end - 1] == quote else {
                output.failed = true
                return
            }
            advance(&cursor)
            contentEnd = end - 1
        }
        var folder = Folder()
        while cursor.index < contentEnd, !output.failed {
            let scalar = source[cursor.index]
            if Self.isUnicodeBreak(scalar) {
                output.failed = true
            } else if Self.isBreak(scalar) {
                folder.lineBreak(at: cursor)
                advance(&cursor)
            } else if Self.isBlank(scalar) {
                folder.blank(scalar, at: cursor)
                advance(&cursor)
            } else if style == .singleQuoted, scalar == "'" {
                // Inside single quotes, a quote is written twice.
                guard cursor.index + 1 < contentEnd, source[cursor.index + 1] == "'" else {
                    output.failed = true
                    return
                }
                folder.flush(into: &output)
                output.emit("'", at: cursor)
                advance(&cursor)
                advance(&cursor)
            } else if style == .doubleQuoted, scalar == "\\" {
                guard cursor.index + 1 < contentEnd else {
                    output.failed = true
                    return
                }
                folder.flush(into: &output)
                if Self.isBreak(source[cursor.index + 1]) {
                    advance(&cursor)
                    advance(&cursor)
                    folder.escapedLineBreak()
                } else if let (decoded, length) = escape(at: cursor.index, before: contentEnd) {
                    output.emit(decoded, at: cursor)
                    for _ in 0..<length { advance(&cursor) }
                } else {
                    output.failed = true
                }
            } else {
                folder.flush(into: &output)
                output.emit(scalar, at: cursor)
                advance(&cursor)
            }
        }
        // Quoted scalars keep what comes before the closing quote; a plain scalar's text ends
        // at a character.
        if style != .plain { folder.flush(into: &output) }
    }

    /// The one-letter escapes of double-quoted scalars, as libyaml decodes them.
    private static let simpleEscapes: [Unicode.Scalar: UInt32] = [
        "0": 0x00, "a": 0x07, "b": 0x08, "t": 0x09, "\t": 0x09, "n": 0x0A, "v": 0x0B, "f": 0x0C,
        "r": 0x0D, "e": 0x1B, " ": 0x20, "\"": 0x22, "/": 0x2F, "'": 0x27, "\\": 0x5C, "N": 0x85,
        "_": 0xA0, "L": 0x2028, "P": 0x2029,
    ]

    /// Decodes the double-quoted escape sequence whose backslash is at `index`.
    ///
    /// - Returns: The character it stands for and its length in the source, or `nil`.
    private func escape(at index: Int, before end: Int) -> (Unicode.Scalar, Int)? {
        let letter = source[index + 1]
        if let value = Self.simpleEscapes[letter] {
            return Unicode.Scalar(value).map { ($0, 2) }
        }
        let digits: Int
        switch letter {
        case "x": digits = 2
        case "u": digits = 4
        case "U": digits = 8
        default: return nil
        }
        guard index + 2 + digits <= end else { return nil }
        var value: UInt32 = 0
        for digit in source[(index + 2)..<(index + 2 + digits)] {
            guard let number = Character(digit).hexDigitValue else { return nil }
            value = value * 16 + UInt32(number)
        }
        return Unicode.Scalar(value).map { ($0, 2 + digits) }
    }

    // MARK: Block scalars

    private enum Chomping {
        case strip, clip, keep
    }

    private func readBlockScalar(
        folded: Bool,
        from start: Cursor,
        to end: Int,
        expected: [Unicode.Scalar]
    ) -> [SourceLocation] {
        var cursor = start
        guard source[cursor.index] == (folded ? ">" : "|") else { return [] }
        advance(&cursor)
        // The header: chomping and indentation indicators in either order, then a comment.
        var chomping = Chomping.clip
        var explicitIndent: Int?
        for _ in 0..<2 where cursor.index < end {
            let scalar = source[cursor.index]
            if scalar == "+" || scalar == "-" {
                chomping = scalar == "+" ? .keep : .strip
            } else if let digit = Character(scalar).wholeNumberValue, (1...9).contains(digit), scalar.isASCII {
                explicitIndent = digit
            } else {
                break
            }
            advance(&cursor)
        }
        while cursor.index < end, Self.isBlank(source[cursor.index]) { advance(&cursor) }
        if cursor.index < end, source[cursor.index] == "#" {
            while cursor.index < end, !Self.isBreak(source[cursor.index]) { advance(&cursor) }
        }
        guard cursor.index < end, Self.isBreak(source[cursor.index]) else { return [] }
        advance(&cursor)

        // The indentation libyaml detects: the deepest of the leading empty lines and the first
        // line with text. An indentation indicator adds to the parent's indentation, which is
        // not known here, so try each indentation it allows (up to a bound; past it, no map).
        let detected = detectedIndentation(from: cursor, to: end)
        let candidates = explicitIndent.map { Array($0...max($0, min(detected, $0 + 63))) } ?? [max(detected, 1)]
        for indentation in candidates {
            var output = Output(expected: expected, path: path)
            readBlockBody(
                from: cursor,
                to: end,
                indentation: indentation,
                folded: folded,
                chomping: chomping,
                into: &output
            )
            if let result = output.result { return result }
        }
        return []
    }

    private func detectedIndentation(from start: Cursor, to end: Int) -> Int {
        var cursor = start
        var deepest = 0
        while cursor.index < end {
            while cursor.index < end, source[cursor.index] == " " { advance(&cursor) }
            deepest = max(deepest, cursor.column)
            guard cursor.index < end, Self.isBreak(source[cursor.index]) else { break }
            advance(&cursor)
        }
        return deepest
    }

    /// How many characters there are from `index` to the next line break or `end`.
    private func lengthOfLine(from index: Int, before end: Int) -> Int {
        source.withUnsafeBufferPointer { source in
            var current = index
            while current < end {
                let value = source[current].value
                if value == 0x0A || value == 0x0D || value == 0x85 || value == 0x2028 || value == 0x2029 { break }
                current += 1
            }
            return current - index
        }
    }

    /// Reads a block scalar's lines as libyaml's `yaml_parser_scan_block_scalar` does.
    private func readBlockBody(
        from start: Cursor,
        to end: Int,
        indentation: Int,
        folded: Bool,
        chomping: Chomping,
        into output: inout Output
    ) {
        var cursor = start
        var failed = false
        /// Skips indentation and collects the line breaks of empty lines.
        func readBreaks(into breaks: inout [Cursor]) {
            while true {
                while cursor.index < end, cursor.column < indentation, source[cursor.index] == " " {
                    advance(&cursor)
                }
                guard cursor.index < end, Self.isBreak(source[cursor.index]) else { return }
                if Self.isUnicodeBreak(source[cursor.index]) { failed = true }
                breaks.append(cursor)
                advance(&cursor)
            }
        }

        var leadingBreak: Cursor?
        var leadingBlank = false
        var trailingBreaks: [Cursor] = []
        readBreaks(into: &trailingBreaks)
        while cursor.index < end, cursor.column == indentation, !failed, !output.failed {
            let trailingBlank = Self.isBlank(source[cursor.index])
            if folded, let lineBreak = leadingBreak, !leadingBlank, !trailingBlank {
                if trailingBreaks.isEmpty { output.emit(" ", at: lineBreak) }
            } else if let lineBreak = leadingBreak {
                output.emit("\n", at: lineBreak)
            }
            for lineBreak in trailingBreaks { output.emit("\n", at: lineBreak) }
            leadingBreak = nil
            trailingBreaks = []
            leadingBlank = Self.isBlank(source[cursor.index])
            let lineLength = lengthOfLine(from: cursor.index, before: end)
            output.emitRun(of: source, at: cursor, count: lineLength)
            cursor.index += lineLength
            cursor.column += lineLength
            guard cursor.index < end else { break }
            if Self.isUnicodeBreak(source[cursor.index]) { failed = true }
            leadingBreak = cursor
            advance(&cursor)
            readBreaks(into: &trailingBreaks)
        }
        if failed {
            output.failed = true
            return
        }
        if chomping != .strip, let lineBreak = leadingBreak { output.emit("\n", at: lineBreak) }
        if chomping == .keep {
            for lineBreak in trailingBreaks { output.emit("\n", at: lineBreak) }
        }
    }
}
