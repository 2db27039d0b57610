import KoersSource
import KoersTestSupport
import KoersYAML
import Testing

/// libyaml's syntax errors, with its wording, at its positions, and with its context as a note.
@Suite struct YAMLSyntaxErrorTests {
    @Test func anUnclosedFlowSequenceNamesWhereItStarts() {
        let yaml = """
            id: demo
            tags: [a, b
            title: T
            """
        #expect(
            render(yaml) == """
                rules.yaml:3:6: error: did not find expected ',' or ']' while parsing a flow sequence
                    title: T
                         ^
                rules.yaml:2:7: note: the flow sequence starts here
                """
        )
        let result = parse(yaml)
        #expect(result.root == nil)
        #expect(result.diagnostics.first?.code == "yaml-syntax")
    }

    @Test func anUnclosedQuoteIsReportedAtTheEndWithANoteAtTheQuote() {
        let yaml = "id: demo\ntitle: \"Unclosed\nnext: 1\n"
        #expect(
            render(yaml) == """
                rules.yaml:4:1: error: found unexpected end of stream while scanning a quoted scalar
                \("    ")
                    ^
                rules.yaml:2:8: note: the quoted scalar starts here
                """
        )
    }

    @Test func badIndentationIsLocated() {
        let yaml = """
            rule:
              id: a
             title: b
            """
        #expect(
            render(yaml) == """
                rules.yaml:3:2: error: did not find expected key while parsing a block mapping
                     title: b
                     ^
                rules.yaml:1:1: note: the block mapping starts here
                """
        )
    }

    @Test func tabsInIndentationGetAHint() {
        #expect(
            render("rule:\n\t- a\n") == """
                rules.yaml:2:1: error: found character that cannot start any token while scanning for the next token
                     - a
                    ^
                rules.yaml:2:1: note: YAML indentation must use spaces, not tabs
                """
        )
        #expect(
            lines(parse("a: 1\n\tb: 2\n").diagnostics) == [
                "rules.yaml:2:1: error: found a tab character that violates indentation while scanning a plain scalar"
            ]
        )
        #expect(
            parse("a: 1\n\tb: 2\n").diagnostics.first?.notes.map(\.description) == [
                "rules.yaml:1:4: note: the plain scalar starts here",
                "rules.yaml:2:1: note: YAML indentation must use spaces, not tabs",
            ]
        )
    }

    @Test(
        arguments: [
            ("a: b: c\n", "rules.yaml:1:5: error: mapping values are not allowed in this context"),
            (
                "- a\nb: c\n",
                "rules.yaml:2:1: error: did not find expected '-' indicator while parsing a block collection"
            ),
            ("a: 'x\n", "rules.yaml:2:1: error: found unexpected end of stream while scanning a quoted scalar"),
            ("a: {b: c\n", "rules.yaml:2:1: error: did not find expected ',' or '}' while parsing a flow mapping"),
            (
                "a: @x\n",
                "rules.yaml:1:4: error: found character that cannot start any token while scanning for the next token"
            ),
            (
                "a: |x\n",
                "rules.yaml:1:5: error: did not find expected comment or line break while scanning a block scalar"
            ),
            ("a: b\n...\nc\n", "rules.yaml:3:1: error: did not find expected <document start>"),
        ]
    )
    func syntaxErrorsKeepLibYAMLsWording(yaml: String, expected: String) {
        let result = parse(yaml)
        #expect(lines(result.diagnostics) == [expected])
        #expect(result.root == nil)
    }

    @Test func aSyntaxErrorAfterOtherProblemsKeepsThemAll() {
        #expect(
            lines(parse("a: 1\na: 2\n- x\n").diagnostics) == [
                "rules.yaml:2:1: error: duplicate key 'a'",
                "rules.yaml:3:1: error: did not find expected key while parsing a block mapping",
            ]
        )
    }

    @Test func controlCharactersAreReportedWithTheirCodePoint() {
        #expect(
            lines(parse("a: 1\nb: x\u{1}y\n").diagnostics) == [
                "rules.yaml:2:5: error: control characters are not allowed (U+0001)"
            ]
        )
    }

    @Test func errorColumnsCountUnicodeScalars() {
        #expect(
            render("é: ü\nnaïve: [ü\n") == """
                rules.yaml:3:1: error: did not find expected ',' or ']' while parsing a flow sequence
                \("    ")
                    ^
                rules.yaml:2:8: note: the flow sequence starts here
                """
        )
        #expect(
            render("café: ü: x\n") == """
                rules.yaml:1:8: error: mapping values are not allowed in this context
                    café: ü: x
                           ^
                """
        )
    }
}
