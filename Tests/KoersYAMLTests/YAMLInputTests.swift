import Foundation
import KoersSource
import KoersTestSupport
import KoersYAML
import Testing

/// The checks on raw input before libyaml: size, text encoding, byte-order mark, unreadable files.
@Suite struct YAMLInputTests {
    @Test func aFileOverTheSizeLimitIsRejectedBeforeParsing() {
        let line = "key: value # padding padding padding\n"
        let text = String(repeating: line, count: 5 * 1024 * 1024 / line.utf8.count + 1)
        let file = SourceFile(path: testPath, text: text)
        let result: YAMLParseResult? = YAMLParser.parse(file)
        #expect(
            lines(result?.diagnostics ?? []) == [
                "rules.yaml:1:1: error: file is 5 MiB; rule-pack files may be at most 2 MiB; split it into smaller files in the same pack folder"
            ]
        )
        #expect(result?.diagnostics.first?.code == "file-too-large")
        #expect(result?.root == nil)
        let (bigFile, bytesResult) = YAMLParser.parse(bytes: Array(text.utf8), path: "big.yaml")
        #expect(bigFile == nil)
        #expect(
            lines(bytesResult.diagnostics) == [
                "big.yaml:1:1: error: file is 5 MiB; rule-pack files may be at most 2 MiB; split it into smaller files in the same pack folder"
            ]
        )
    }

    @Test(
        arguments: [
            (3 * 1024 * 1024 / 2, 1024 * 1024, "file is 1.5 MiB; rule-pack files may be at most 1 MiB; split it into smaller files in the same pack folder"),
            (2049, 2048, "file is 2049 bytes; rule-pack files may be at most 2048 bytes; split it into smaller files in the same pack folder"),
            (5000, 2048, "file is 4.9 KiB; rule-pack files may be at most 2 KiB; split it into smaller files in the same pack folder"),
            (101, 100, "file is 101 bytes; rule-pack files may be at most 100 bytes; split it into smaller files in the same pack folder"),
        ]
    )
    func sizesAreGivenInReadableUnits(size: Int, limit: Int, expected: String) {
        let result = YAMLParser.parse(
            bytes: Array(repeating: UInt8(ascii: "#"), count: size),
            path: testPath,
            limits: .init(maximumFileSize: limit)
        )
        #expect(result.result.diagnostics.map(\.message) == [expected])
    }

    @Test func aFileAtTheSizeLimitIsParsed() {
        let text = "a: " + String(repeating: "b", count: 97)
        #expect(parse(text, limits: .init(maximumFileSize: 100)).root != nil)
    }

    @Test func binaryBytesAreReportedAsNotText() {
        let bytes: [UInt8] = Array("id: demo\nlogo: ".utf8) + [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]
        let (file, result) = YAMLParser.parse(bytes: bytes, path: "logo.yaml")
        #expect(file == nil)
        #expect(result.root == nil)
        #expect(lines(result.diagnostics) == ["logo.yaml:2:7: error: file is not UTF-8 text (binary?)"])
        #expect(result.diagnostics.first?.code == "file-not-text")
    }

    @Test func aNULByteIsReportedWhereItIs() {
        let (_, result) = YAMLParser.parse(bytes: Array("a: ü\0\n".utf8), path: testPath)
        #expect(lines(result.diagnostics) == ["rules.yaml:1:5: error: file is not UTF-8 text (binary?)"])
        // The same check applies to text handed over as a string.
        #expect(lines(parse("a: b\nc: \0").diagnostics) == ["rules.yaml:2:4: error: file is not UTF-8 text (binary?)"])
    }

    @Test(
        arguments: [
            ([0xE9], "1:9"),  // Latin-1 é
            ([0xC3], "1:9"),  // a sequence cut short
            ([0xED, 0xA0, 0x80], "1:9"),  // an encoded surrogate
            ([0xC0, 0xAF], "1:9"),  // an overlong encoding
            ([0xF4, 0x90, 0x80, 0x80], "1:9"),  // past U+10FFFF
            ([0x80], "1:9"),  // a lone continuation byte
        ] as [([UInt8], String)]
    )
    func invalidUTF8IsReportedAtTheFirstBadByte(bad: [UInt8], expected: String) {
        let bytes = Array("title: ".utf8) + Array("ü".utf8) + bad + Array(" ok\n".utf8)
        let (file, result) = YAMLParser.parse(bytes: bytes, path: testPath)
        #expect(file == nil)
        #expect(result.diagnostics.compactMap(\.location).map(position) == [expected])
        #expect(result.diagnostics.map(\.message) == ["file is not UTF-8 text (binary?)"])
    }

    @Test func aUTF16FileIsNotText() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("a: b".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(
            lines(YAMLParser.parse(bytes: bytes, path: testPath).result.diagnostics) == [
                "rules.yaml:1:1: error: file is not UTF-8 text (binary?)"
            ]
        )
    }

    @Test func aByteOrderMarkIsDroppedFromTheSourceFile() throws {
        let (file, result) = YAMLParser.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("é: [x\n".utf8), path: testPath)
        #expect(try #require(file).text == "é: [x\n")
        #expect(
            lines(result.diagnostics) == [
                "rules.yaml:2:1: error: did not find expected ',' or ']' while parsing a flow sequence"
            ]
        )
        #expect(
            result.diagnostics.first?.notes.map(\.description) == [
                "rules.yaml:1:4: note: the flow sequence starts here"
            ]
        )
        let (_, valid) = YAMLParser.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("id: x\n".utf8), path: testPath)
        #expect(valid.root?["id"]?.location.column == 5)
        #expect(valid.diagnostics.isEmpty)
    }

    @Test func theByteEntryPointReturnsTheSourceFileForSnippets() throws {
        let (file, result) = YAMLParser.parse(bytes: Array("a: 1\na: 2\n".utf8), path: "x.yaml")
        let source = try #require(file)
        #expect(
            DiagnosticRenderer(sources: [source]).render(result.diagnostics) == """
                x.yaml:2:1: error: duplicate key 'a'
                    a: 2
                    ^
                x.yaml:1:1: note: first used here
                """
        )
    }

    @Test func parseFileReadsAFileAndUsesTheDisplayPath() throws {
        let path = Fixtures.url("KoersYAMLTests", "pack.yaml").path
        let (file, result) = YAMLParser.parseFile(atPath: path, displayPath: "Fixtures/pack.yaml")
        #expect(file?.path == "Fixtures/pack.yaml")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(root["id"]?.scalarValue == "demo")
        #expect(root["id"]?.location.file == "Fixtures/pack.yaml")
        // Without a display path, the path itself is used.
        #expect(YAMLParser.parseFile(atPath: path).file?.path == path)
    }

    @Test func parseFileReportsALatin1FileAsNotText() {
        let path = Fixtures.url("KoersYAMLTests", "latin1.yaml").path
        let (file, result) = YAMLParser.parseFile(atPath: path, displayPath: "latin1.yaml")
        #expect(file == nil)
        #expect(lines(result.diagnostics) == ["latin1.yaml:2:12: error: file is not UTF-8 text (binary?)"])
    }

    @Test func unreadableFilesGiveTheSystemsReason() throws {
        let missing = YAMLParser.parseFile(atPath: "/nonexistent/koers/pack.yaml", displayPath: "pack.yaml")
        #expect(missing.file == nil)
        #expect(
            lines(missing.result.diagnostics) == ["pack.yaml:1:1: error: cannot read file: no such file or directory"]
        )
        #expect(missing.result.diagnostics.first?.code == "file-unreadable")
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = YAMLParser.parseFile(atPath: folder.path, displayPath: "folder")
        #expect(lines(directory.result.diagnostics) == ["folder:1:1: error: cannot read file: is a directory"])
    }

    @Test func parseFileChecksTheSizeBeforeReading() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("big.yaml")
        try Data(repeating: UInt8(ascii: "#"), count: 3 * 1024 * 1024).write(to: url)
        let (file, result) = YAMLParser.parseFile(atPath: url.path, displayPath: "big.yaml")
        #expect(file == nil)
        #expect(
            lines(result.diagnostics) == ["big.yaml:1:1: error: file is 3 MiB; rule-pack files may be at most 2 MiB; split it into smaller files in the same pack folder"]
        )
        let small = folder.appendingPathComponent("small.yaml")
        try Data("a: [1, 2]\n".utf8).write(to: small)
        #expect(YAMLParser.parseFile(atPath: small.path).result.root?["a"]?.sequence?.count == 2)
    }
}
