import KoersSource
import KoersTestSupport
import KoersYAML
import Testing

/// `YAMLScalar.characterLocations`: where each Unicode scalar of a value was written.
@Suite struct CharacterLocationTests {
    /// The locations of the scalar under `key`, as `line:column` strings.
    private func positions(_ yaml: String, key: String = "key") throws -> [String] {
        let scalar = try #require(try parseRoot(yaml)[key]?.scalar)
        return scalar.characterLocations.map(position)
    }

    @Test func aQuotedExpressionMapsOffsetsToColumns() throws {
        let marked = MarkedText("when: \"a 1️⃣>= 1\"\n")
        let node = try #require(try parseRoot(marked.text)["when"])
        #expect(node.scalarValue == "a >= 1")
        #expect(node.location(atValueOffset: 2) == marked.location("1️⃣"))
        #expect(position(node.location(atValueOffset: 6)) == "1:14")  // just past the end
    }

    @Test func plainScalarsMapCharacterByCharacter() throws {
        let marked = MarkedText("key: 1️⃣age >= 2️⃣18\n")
        let node = try #require(try parseRoot(marked.text)["key"])
        #expect(node.location(atValueOffset: 0) == marked.location("1️⃣"))
        #expect(node.location(atValueOffset: 7) == marked.location("2️⃣"))
        #expect(try positions(marked.text).count == 9)
    }

    @Test func nonASCIIScalarsCountUnicodeScalars() throws {
        #expect(try positions("é: ü\n", key: "é") == ["1:4"])
        #expect(try positions("key: 'café ok'\n") == ["1:7", "1:8", "1:9", "1:10", "1:11", "1:12", "1:13"])
    }

    @Test(
        arguments: [
            // Single quotes: '' is one quote, at the first of the two.
            ("key: 'it''s'", "it's", ["1:7", "1:8", "1:9", "1:11"]),
            ("key: ''''''", "''", ["1:7", "1:9"]),
            // Double quotes: an escape maps to its backslash.
            ("key: \"a\\tb\"", "a\tb", ["1:7", "1:8", "1:10"]),
            ("key: \"\\u00e9!\"", "é!", ["1:7", "1:13"]),
            ("key: \"\\x41\\\"\"", "A\"", ["1:7", "1:11"]),
            // Whitespace before the closing quote is kept.
            ("key: ' x '", " x ", ["1:7", "1:8", "1:9"]),
        ]
    )
    func quotedScalarsMapEscapes(yaml: String, value: String, expected: [String]) throws {
        let node = try #require(try parseRoot(yaml)["key"])
        #expect(node.scalarValue == value)
        #expect(node.scalar?.characterLocations.map(position) == expected)
    }

    @Test func literalBlocksMapEachLineAndPutLineBreaksAtLineEnds() throws {
        let yaml = """
            key: |
              ab
                c

              d
            next: x
            """
        let node = try #require(try parseRoot(yaml)["key"])
        #expect(node.scalarValue == "ab\n  c\n\nd\n")
        #expect(
            node.scalar?.characterLocations.map(position) == [
                "2:3", "2:4", "2:5",  // a b \n
                "3:3", "3:4", "3:5", "3:6",  // space space c \n
                "4:1",  // the empty line's break
                "5:3", "5:4",  // d \n
            ]
        )
    }

    @Test(
        arguments: [
            ("key: |-\n  a\n  b\n\n", "a\nb", ["2:3", "2:4", "3:3"]),
            ("key: |+\n  a\n\n", "a\n\n", ["2:3", "2:4", "3:1"]),
            ("key: |2\n   a\n  b\n", " a\nb\n", ["2:3", "2:4", "2:5", "3:3", "3:4"]),
            ("list:\n  - |1-\n     a\n", "  a", ["3:4", "3:5", "3:6"]),
            ("key: | # comment\n  a\n", "a\n", ["2:3", "2:4"]),
        ]
    )
    func literalBlockIndicatorsAreApplied(yaml: String, value: String, expected: [String]) throws {
        let root = try parseRoot(yaml)
        let node = try #require(root["key"] ?? root["list"]?.sequence?.first)
        #expect(node.scalarValue == value)
        #expect(node.scalar?.characterLocations.map(position) == expected)
    }

    @Test func multiLineFlowScalarsMapFoldedBreaksToTheLineEnd() throws {
        let plain = try #require(try parseRoot("key: one\n  two\n\n  three\n")["key"])
        #expect(plain.scalarValue == "one two\nthree")
        #expect(
            plain.scalar?.characterLocations.map(position) == [
                "1:6", "1:7", "1:8", "1:9", "2:3", "2:4", "2:5", "3:1", "4:3", "4:4", "4:5", "4:6", "4:7",
            ]
        )
        let quoted = try #require(try parseRoot("key: \"a  \n   b\\\n   c\"\n")["key"])
        #expect(quoted.scalarValue == "a bc")
        #expect(quoted.scalar?.characterLocations.map(position) == ["1:7", "1:10", "2:4", "3:4"])
    }

    @Test func foldedBlocksMapFoldedSpacesAndKeptBreaks() throws {
        let yaml = """
            key: >
              a
              b

              c
                more
              d
            """
        let node = try #require(try parseRoot(yaml)["key"])
        #expect(node.scalarValue == "a b\nc\n  more\nd")
        let locations = try #require(node.scalar?.characterLocations)
        #expect(locations.count == node.scalarValue?.unicodeScalars.count)
        #expect(position(locations[1]) == "2:4")  // the space folded from line 2's break
        #expect(position(locations[3]) == "4:1")  // the kept break of the empty line
        #expect(position(locations[8]) == "6:5")  // 'm' of the more-indented line
    }

    @Test func taggedScalarsMapFromAfterTheTag() throws {
        #expect(try positions("key: !!str  'ab'\n") == ["1:14", "1:15"])
    }

    @Test func scalarsLongerThanTheLimitAreNotMapped() throws {
        let long = String(repeating: "x", count: 5000)
        let root = try #require(parse("key: \(long)\nshort: \(String(repeating: "y", count: 4096))\n").root)
        #expect(root["key"]?.scalar?.characterLocations.isEmpty == true)
        #expect(root["short"]?.scalar?.characterLocations.count == 4096)
        let strict = YAMLParser.Limits(maximumMappedScalarLength: 3)
        let limited = try #require(parse("a: abcd\nb: abc\n", limits: strict).root)
        #expect(limited["a"]?.scalar?.characterLocations.isEmpty == true)
        #expect(limited["b"]?.scalar?.characterLocations.count == 3)
    }

    /// A parsed scalar works its map out when asked; changing its value first keeps the map
    /// of the text it was parsed from, as a scalar whose map was given keeps that map.
    @Test func aParsedScalarKeepsItsMapWhenItsValueChanges() throws {
        var scalar = try #require(try parseRoot("key: 'abc'\n")["key"]?.scalar)
        scalar.value = "wxyz"
        scalar.style = .plain
        #expect(scalar.characterLocations.map(position) == ["1:7", "1:8", "1:9"])
        let given = YAMLScalar(value: "abc", style: .singleQuoted, characterLocations: try #require(
            try parseRoot("key: 'abc'\n")["key"]?.scalar?.characterLocations
        ))
        #expect(try parseRoot("key: 'abc'\n")["key"]?.scalar == given)
        #expect(try parseRoot("key: 'abc'\n")["key"]?.scalar != parseRoot("\nkey: 'abc'\n")["key"]?.scalar)
    }

    @Test func withoutAMapOffsetsFallBackToTheNodeStart() throws {
        let node = try #require(parse("key: \(String(repeating: "x", count: 5000))\n").root?["key"])
        #expect(position(node.location(atValueOffset: 10)) == "1:6")
    }

    /// Every mapped character that was written as-is must be found at its location.
    @Test func mappedCharactersAreWhereTheMapSays() throws {
        let yaml = """
            id: démo_pack
            title: 'Checks for the "démo" pack'
            questions:
              - id: age
                text: >-
                  How old are
                  you, in years?
                when: "income >= 1000 and age < 67"
              - {id: flow, text: 'a, b', when: x > 1}
            notes: |
              Line one
                indented ü
            plain: multi
              line plain
                text
            """
        let file = SourceFile(path: testPath, text: yaml)
        let root = try #require(YAMLParser.parse(file).root)
        var checked = 0
        var pending = [root]
        while let node = pending.popLast() {
            switch node.content {
            case .scalar(let scalar):
                #expect(
                    scalar.characterLocations.count == scalar.value.unicodeScalars.count,
                    "\(scalar.value) is not mapped"
                )
                for (character, location) in zip(scalar.value.unicodeScalars, scalar.characterLocations)
                where character != "\n" && character != " " {
                    let line = Array(try #require(file.line(location.line)).unicodeScalars)
                    #expect(line[location.column - 1] == character, "\(character) at \(location)")
                    checked += 1
                }
            case .sequence(let items):
                pending += items
            case .mapping(let entries):
                pending += entries.flatMap { [$0.key, $0.value] }
            }
        }
        #expect(checked > 150)
    }
}
