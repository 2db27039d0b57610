import KoersSource
import KoersTestSupport
import KoersYAML
import Testing

/// Nesting depth, node count and speed on large input.
@Suite struct YAMLLimitsTests {
    @Test func theDefaultsAreDocumented() {
        let limits = YAMLParser.Limits.default
        #expect(limits.maximumFileSize == 2 * 1024 * 1024)
        #expect(limits.maximumDepth == 64)
        #expect(limits.maximumNodes == 200_000)
        #expect(limits.maximumMappedScalarLength == 4096)
    }

    @Test(arguments: ["[", "{a: ", "- "])
    func deepNestingIsAnErrorNotACrash(opener: String) {
        let text = String(repeating: opener, count: 10_000) + "x"
        let clock = ContinuousClock()
        var result: YAMLParseResult?
        let elapsed = clock.measure { result = parse(text) }
        // A guard against hanging, not a speed claim (speed is measured in Benchmarks/).
        #expect(elapsed < .seconds(30))
        #expect(result?.root == nil)
        let diagnostics = result?.diagnostics ?? []
        #expect(diagnostics.count == 1)
        #expect(
            diagnostics.first?.message
                == "lists and mappings are nested more than 64 levels deep; flatten the structure (rule packs need only a few levels)"
        )
        #expect(diagnostics.first?.code == "yaml-too-deep")
        // At the 65th collection.
        #expect(diagnostics.first?.location?.column == 64 * opener.unicodeScalars.count + 1)
    }

    @Test func aHundredThousandBracketsAreHandled() {
        let result = parse(String(repeating: "[", count: 100_000))
        #expect(result.diagnostics.map(\.code) == ["yaml-too-deep"])
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        var node = try parseRoot(text)
        var depth = 1
        while let inner = node.sequence?.first {
            node = inner
            depth += 1
        }
        #expect(depth == 64)
        let limited = parse("a:\n  b:\n    c: 1\n", limits: .init(maximumDepth: 2))
        #expect(
            lines(limited.diagnostics).first?.hasPrefix(
                "rules.yaml:3:5: error: lists and mappings are nested more than 2 levels deep"
            ) == true
        )
    }

    @Test func tooManyNodesStopsTheTree() {
        let text = "[" + Array(repeating: "1", count: 300_000).joined(separator: ",") + "]"
        let result = parse(text)
        #expect(result.root == nil)
        #expect(
            lines(result.diagnostics) == [
                "rules.yaml:1:400000: error: the document has more than 200000 values; split it into smaller files"
            ]
        )
        #expect(result.diagnostics.first?.code == "yaml-too-many-nodes")
        let small = parse("a: [1, 2]\n", limits: .init(maximumNodes: 4))
        #expect(
            lines(small.diagnostics) == [
                "rules.yaml:1:8: error: the document has more than 4 values; split it into smaller files"
            ]
        )
        #expect(parse("a: [1, 2]\n", limits: .init(maximumNodes: 5)).diagnostics.isEmpty)
    }

    @Test func aOneMegabytePackParsesCompletely() throws {
        var text = "id: big_pack\nrules:\n"
        var count = 0
        while text.utf8.count < 1024 * 1024 {
            text += """
                  - id: rule_\(count)
                    title: 'Check number \(count), with ''quotes'''
                    when: "age >= 18 and income < \(count * 100)"
                    weight: \(count % 7)
                    tags: [alpha, beta, "gamma \(count)"]
                    explanation: |
                      The applicant must be of age.
                      Income is counted per year, before tax.
                    note: >-
                      Folded text that goes on
                      over two lines.

                """
            count += 1
        }
        let file = SourceFile(path: testPath, text: text)
        // Its speed is measured by the benchmark (bash scripts/bench), not asserted here.
        let result: YAMLParseResult? = YAMLParser.parse(file)
        #expect(result?.diagnostics.isEmpty == true)
        let rules = try #require(result?.root?["rules"]?.sequence)
        #expect(rules.count == count)
        let last = try #require(rules.last)
        #expect(last["when"]?.scalar?.characterLocations.count == last["when"]?.scalarValue?.unicodeScalars.count)
        #expect(last["explanation"]?.scalar?.characterLocations.isEmpty == false)
        #expect(last["note"]?.scalar?.characterLocations.isEmpty == false)
    }
}
