import KoersSource
import KoersTestSupport
import KoersYAML
import Testing

@Suite struct YAMLTreeTests {
    @Test func mappingsSequencesAndScalarsHaveStartAndEndRanges() throws {
        let marked = MarkedText(
            """
            1️⃣id2️⃣: 3️⃣demo4️⃣
            items:
              5️⃣- 6️⃣one7️⃣
              - [8️⃣a, b]9️⃣
            """
        )
        let root = try parseRoot(marked.text)
        #expect(root.range == marked.range("1️⃣", "9️⃣"))
        let entries = try #require(root.mapping)
        #expect(entries.map { $0.key.scalarValue } == ["id", "items"])
        #expect(entries[0].key.range == marked.range("1️⃣", "2️⃣"))
        #expect(entries[0].value.range == marked.range("3️⃣", "4️⃣"))
        let items = try #require(root["items"])
        #expect(items.range == marked.range("5️⃣", "9️⃣"))
        let sequence = try #require(items.sequence)
        #expect(sequence[0].range == marked.range("6️⃣", "7️⃣"))
        #expect(sequence[1].sequence?.first?.location == marked.location("8️⃣"))
    }

    @Test func blockCollectionsEndWithTheirLastItemNotAtWhatFollows() throws {
        let marked = MarkedText(
            """
            outer:
              1️⃣inner: 2️⃣x3️⃣
              # a comment

            next: y
            """
        )
        let root = try parseRoot(marked.text)
        let outer = try #require(root["outer"])
        #expect(outer.range == marked.range("1️⃣", "3️⃣"))
    }

    @Test func flowCollectionsEndAfterTheirClosingBracket() throws {
        let marked = MarkedText("list: 1️⃣[a, 2️⃣{b: c}3️⃣]4️⃣\n")
        let root = try parseRoot(marked.text)
        let list = try #require(root["list"])
        #expect(list.range == marked.range("1️⃣", "4️⃣"))
        #expect(list.sequence?[1].range == marked.range("2️⃣", "3️⃣"))
    }

    @Test func mappingsKeepSourceOrder() throws {
        let root = try parseRoot("zeta: 1\nalpha: 2\nmid: 3\n")
        #expect(root.mapping?.map { $0.key.scalarValue } == ["zeta", "alpha", "mid"])
    }

    @Test(
        arguments: [
            ("key: plain", YAMLScalar.Style.plain, "plain"),
            ("key: 'single'", .singleQuoted, "single"),
            ("key: \"double\"", .doubleQuoted, "double"),
            ("key: |\n  literal\n", .literal, "literal\n"),
            ("key: >\n  folded\n  text\n", .folded, "folded text\n"),
        ]
    )
    func scalarsKeepTheirStyle(yaml: String, style: YAMLScalar.Style, value: String) throws {
        let scalar = try #require(try parseRoot(yaml)["key"]?.scalar)
        #expect(scalar.style == style)
        #expect(scalar.value == value)
    }

    @Test func scalarsAreNeverTyped() throws {
        let root = try parseRoot("a: no\nb: 'yes'\nc: 007\nd: ~\ne:\n")
        #expect(root["a"]?.scalarValue == "no")
        #expect(root["b"]?.scalar?.isQuoted == true)
        #expect(root["c"]?.scalarValue == "007")
        #expect(root["d"]?.isNull == true)
        #expect(root["e"]?.isNull == true)
    }

    @Test func explicitTagsAreKeptInShortForm() throws {
        let marked = MarkedText("a: 1️⃣!!str 5\nb: !custom x\nc: !!map {k: v}\nd: plain\n")
        let root = try parseRoot(marked.text)
        #expect(root["a"]?.tag == "!!str")
        #expect(root["a"]?.location == marked.location("1️⃣"))
        #expect(root["a"]?.scalarValue == "5")
        #expect(root["b"]?.tag == "!custom")
        #expect(root["c"]?.tag == "!!map")
        #expect(root["c"]?.mapping?.count == 1)
        #expect(root["d"]?.tag == nil)
    }

    @Test func columnsCountUnicodeScalars() throws {
        let marked = MarkedText("1️⃣é: 2️⃣ü\n名前: 3️⃣値\n")
        let root = try parseRoot(marked.text)
        let entries = try #require(root.mapping)
        #expect(entries[0].key.location == marked.location("1️⃣"))
        #expect(entries[0].value.location == marked.location("2️⃣"))
        #expect(position(entries[0].value.location) == "1:4")
        #expect(position(entries[1].value.location) == "2:5")
        #expect(entries[1].value.location == marked.location("3️⃣"))
    }

    @Test func everyLocationCarriesTheFilePath() throws {
        let file = SourceFile(path: "Rules/demo/pack.yaml", text: "a: [b]\n")
        let root = try #require(YAMLParser.parse(file).root)
        #expect(root.location.file == "Rules/demo/pack.yaml")
        #expect(root["a"]?.sequence?.first?.scalar?.characterLocations.first?.file == "Rules/demo/pack.yaml")
    }

    @Test(arguments: ["", "\n\n", "   \n", "# just a comment\n", "# one\n\n  # two", "\u{FEFF}"])
    func filesWithoutADocumentHaveNoRootAndNoDiagnostics(text: String) {
        let result = parse(text)
        #expect(result.root == nil)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func anExplicitEmptyDocumentIsANullScalar() throws {
        let root = try parseRoot("---\n")
        #expect(root.isNull)
    }

    @Test func aByteOrderMarkInTheTextIsAccepted() throws {
        let root = try parseRoot("\u{FEFF}id: demo\n")
        #expect(root["id"]?.scalarValue == "demo")
        #expect(position(try #require(root["id"]).location) == "1:5")
    }

    @Test func windowsLineEndingsGiveTheSameLinesAndColumns() throws {
        let root = try parseRoot("a: 1\r\nb: |\r\n  x\r\n  y\r\nc: 'p\r\n  q'\r\n")
        let b = try #require(root["b"])
        #expect(b.scalarValue == "x\ny\n")
        #expect(b.scalar?.characterLocations.map(position) == ["3:3", "3:4", "4:3", "4:4"])
        #expect(position(try #require(root["c"]).location) == "5:4")
        #expect(root["c"]?.scalarValue == "p q")
        #expect(root["c"]?.scalar?.characterLocations.map(position) == ["5:5", "5:6", "6:3"])
    }
}
