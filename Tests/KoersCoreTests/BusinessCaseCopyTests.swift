import Foundation
import KoersBuiltins
import KoersCore
import KoersTestSupport
import Testing

/// The business case is written twice, once in each pack that reads it
/// (`Rules/maturity-scan/rekenmodel-business-case.yaml` and
/// `Rules/stappenplan/rekenmodel-business-case.yaml`), so that one answers file serves both. These
/// tests fail as soon as the two copies drift apart.
@Suite struct BusinessCaseCopyTests {
    static let maturityScan = Fixtures.rulesDirectory.appendingPathComponent("maturity-scan/rekenmodel-business-case.yaml")
    static let stappenplan = Fixtures.rulesDirectory.appendingPathComponent("stappenplan/rekenmodel-business-case.yaml")

    /// The text from the line that starts `marker` up to the line that starts `end` (or the end of the file).
    static func block(of url: URL, from marker: String, upTo end: String? = nil) throws -> String {
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0 == marker }, "no line '\(marker)' in \(url.path)")
        let rest = lines[start...]
        let stop = end.flatMap { end in rest.dropFirst().firstIndex { $0 == end } } ?? lines.endIndex
        return lines[start..<stop].joined(separator: "\n")
    }

    @Test func everythingFromTheModelQuestionOnIsTheSameText() throws {
        let shared = "  - id: bc_model"
        let mine = try Self.block(of: Self.stappenplan, from: shared)
        let theirs = try Self.block(of: Self.maturityScan, from: shared)
        #expect(mine.count > 10_000, "the shared part looks truncated")
        #expect(mine == theirs, "Rules/stappenplan/rekenmodel-business-case.yaml differs from the maturity scan's copy; change both")
    }

    @Test func theOpeningQuestionHasTheSameIdTypeAndText() throws {
        let opening = "  - id: bc_calculate"
        let mine = try Self.block(of: Self.stappenplan, from: opening, upTo: "    help:")
        let theirs = try Self.block(of: Self.maturityScan, from: opening, upTo: "    help:")
        #expect(mine.contains("type: boolean") && mine.contains("optional: true"))
        #expect(mine == theirs)
    }

    @Test func bothPacksLoadTheSameQuestionsAndCalculations() throws {
        let loader = RulePackLoader(registry: try BuiltinPlugins.registry())
        let stappenplan = loader.load(directory: Fixtures.rulesDirectory.appendingPathComponent("stappenplan").path)
        let maturityScan = loader.load(directory: Fixtures.rulesDirectory.appendingPathComponent("maturity-scan").path)
        let mine = try #require(stappenplan.pack, "\(stappenplan.diagnostics)")
        let theirs = try #require(maturityScan.pack, "\(maturityScan.diagnostics)")

        let myQuestions = mine.questions.filter { $0.id.hasPrefix("bc_") }
        let theirQuestions = theirs.questions.filter { $0.id.hasPrefix("bc_") }
        #expect(myQuestions.count >= 20)
        #expect(myQuestions.map(\.id) == theirQuestions.map(\.id))
        for (a, b) in zip(myQuestions, theirQuestions) {
            #expect(a.valueType == b.valueType, "\(a.id)")
            #expect(a.unit == b.unit, "\(a.id)")
            #expect(a.minimum == b.minimum && a.maximum == b.maximum, "\(a.id)")
            #expect(a.isOptional == b.isOptional, "\(a.id)")
        }
        #expect(mine.calculations.map(\.id) == ["business_case", "multi_year", "blended_care"])
        #expect(mine.calculations.map(\.id) == theirs.calculations.map(\.id))
        #expect(mine.calculations.map(\.calculator.id) == theirs.calculations.map(\.calculator.id))
    }
}
