import KoersSource
import KoersTestSupport
import KoersYAML
import Testing

/// Rule-pack policies: unique keys, scalar keys, no anchors, aliases or merges, one document.
@Suite struct YAMLPolicyTests {
    @Test func aDuplicateKeyIsReportedAtTheSecondWithANoteAtTheFirst() throws {
        let yaml = """
            rules:
              - id: a
                title: T
                id: b
            """
        #expect(
            render(yaml) == """
                rules.yaml:4:5: error: duplicate key 'id'
                        id: b
                        ^
                rules.yaml:2:5: note: first used here
                """
        )
        let result = parse(yaml)
        #expect(result.diagnostics.first?.code == "yaml-duplicate-key")
        // The tree keeps the first value, so later checks see one 'id'.
        let rule = try #require(result.root?["rules"]?.sequence?.first)
        #expect(rule.mapping?.map { $0.key.scalarValue } == ["id", "title"])
        #expect(rule["id"]?.scalarValue == "a")
    }

    @Test func keysAreComparedByValueWhateverTheirStyle() {
        let diagnostics = parse("'a': 1\nb: 2\n\"a\": 3\na: 4\n").diagnostics
        #expect(
            lines(diagnostics) == [
                "rules.yaml:3:1: error: duplicate key 'a'",
                "rules.yaml:4:1: error: duplicate key 'a'",
            ]
        )
        #expect(diagnostics.allSatisfy { $0.notes.map(\.description) == ["rules.yaml:1:1: note: first used here"] })
    }

    @Test func theSameKeyInDifferentMappingsIsFine() throws {
        _ = try parseRoot("a: {id: 1}\nb: {id: 2}\nlist:\n  - id: 1\n  - id: 2\n")
    }

    @Test func longAndMultiLineKeysAreShortenedInMessages() {
        let key = String(repeating: "k", count: 50)
        #expect(
            lines(parse("\(key): 1\n\(key): 2\n").diagnostics) == [
                "rules.yaml:2:1: error: duplicate key '\(String(repeating: "k", count: 40))…'"
            ]
        )
        #expect(
            lines(parse("\"a\\nb\": 1\n\"a\\nb\": 2\n").diagnostics) == ["rules.yaml:2:1: error: duplicate key 'a\\nb'"]
        )
    }

    @Test(
        arguments: [
            ("? [a, b]\n: c\n", "rules.yaml:1:3: error: mapping keys must be plain text, not a list"),
            ("{x: 1}: c\n", "rules.yaml:1:1: error: mapping keys must be plain text, not a mapping"),
        ]
    )
    func keysMustBeScalars(yaml: String, expected: String) {
        let result = parse(yaml)
        #expect(lines(result.diagnostics) == [expected])
        #expect(result.diagnostics.first?.code == "yaml-complex-key")
    }

    @Test func anchorsAndAliasesAreRejectedWhereTheyAre() {
        let yaml = """
            base: &defaults
              weight: 1
            rule: *defaults
            """
        #expect(
            render(yaml) == """
                rules.yaml:1:7: error: anchor '&defaults' is not supported in rule packs; write the value out where it is needed
                    base: &defaults
                          ^
                rules.yaml:3:7: error: alias '*defaults' is not supported in rule packs; repeat the value instead
                    rule: *defaults
                          ^
                rules.yaml:1:7: note: anchor '&defaults' is defined here
                """
        )
        #expect(parse(yaml).diagnostics.compactMap(\.code) == ["yaml-anchor", "yaml-alias"])
    }

    @Test func anAliasToAnUnknownAnchorHasNoNote() {
        let diagnostics = parse("a: *nowhere\n").diagnostics
        #expect(
            lines(diagnostics) == [
                "rules.yaml:1:4: error: alias '*nowhere' is not supported in rule packs; repeat the value instead"
            ]
        )
        #expect(diagnostics.first?.notes.isEmpty == true)
    }

    @Test func mergeKeysAreRejectedOnceAtTheKey() {
        let yaml = """
            base: &b {weight: 1}
            rule:
              <<: *b
              id: x
            quoted:
              '<<': fine
            """
        #expect(
            lines(parse(yaml).diagnostics) == [
                "rules.yaml:1:7: error: anchor '&b' is not supported in rule packs; write the value out where it is needed",
                "rules.yaml:3:3: error: merge key '<<' is not supported in rule packs; write the keys out instead",
            ]
        )
    }

    @Test func billionLaughsIsRejectedQuicklyWithoutExpandingAnything() throws {
        var yaml = "lol0: &lol0 \"lol\"\n"
        for level in 1...9 {
            let aliases = Array(repeating: "*lol\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "lol\(level): &lol\(level) [\(aliases)]\n"
        }
        let clock = ContinuousClock()
        var result: YAMLParseResult?
        let elapsed = clock.measure { result = parse(yaml) }
        let diagnostics = try #require(result?.diagnostics)
        #expect(elapsed < .seconds(30), "a guard against expanding the aliases, not a speed claim")
        #expect(diagnostics.count == 10 + 90)  // every anchor and every alias, nothing expanded
        #expect(
            diagnostics.first?.description
                == "rules.yaml:1:7: error: anchor '&lol0' is not supported in rule packs; write the value out where it is needed"
        )
        // The stand-in tree is as small as the text: 10 + 9 × 10 leaves.
        let root = try #require(result?.root)
        #expect(root["lol9"]?.sequence?.count == 10)
        #expect(root["lol9"]?.sequence?.allSatisfy { $0.scalarValue == "" } == true)
    }

    @Test func aSecondDocumentIsAnErrorAtItsStart() {
        let yaml = """
            id: one
            ---
            id: two
            """
        #expect(
            render(yaml) == """
                rules.yaml:2:1: error: a rule-pack file holds one YAML document; move the document that starts here into a file of its own
                    ---
                    ^
                """
        )
        // A leading '---' or a closing '...' alone is still one document.
        #expect(parse("---\nid: one\n...\n").diagnostics.isEmpty)
    }

    @Test func problemsThatDoNotStopTheTreeAreAllReported() {
        let result = parse("a: 1\na: 2\nb: *x\nc: &y 3\n? [k]\n: v\n")
        #expect(result.root != nil)
        #expect(
            result.diagnostics.compactMap(\.code) == [
                "yaml-duplicate-key", "yaml-alias", "yaml-anchor", "yaml-complex-key",
            ]
        )
    }
}
