import Foundation
import KoersBatch
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersInterview
import KoersTestSupport
import Testing

/// Packs and helpers shared by the batch tests.
enum BatchTestSupport {
    /// The evaluation date the eligibility examples are written for.
    static let date = CalendarDate(year: 2021, month: 10, day: 1) ?? .minimum

    /// The batch test pack: `Fixtures/batch-pack`.
    static func pack() throws -> Interview {
        try interview(directory: packDirectory)
    }

    /// The folder of the batch test pack.
    static var packDirectory: String { Fixtures.url("KoersBatchTests", "batch-pack").path }

    private static func interview(directory: String) throws -> Interview {
        let registry = try BuiltinPlugins.registry()
        let result = RulePackLoader(registry: registry).load(directory: directory)
        let pack = try #require(result.pack, "\(result.diagnostics)")
        return Interview(pack: pack, registry: registry)
    }

    /// Every record of a source.
    static func records(_ source: inout some BatchRecordSource) throws -> [RawRecord] {
        var records: [RawRecord] = []
        while let record = try source.next() { records.append(record) }
        return records
    }

    /// A stream over text.
    static func stream(_ text: String, chunkSize: Int = 64 * 1024) -> ByteStream {
        ByteStream(bytes: Array(text.utf8), name: "test", chunkSize: chunkSize)
    }

    /// Chunk sizes that put chunk boundaries everywhere: inside quotes, between `\r` and `\n`.
    static let chunkSizes = [1, 2, 3, 5, 7, 64 * 1024]

    /// One complete, valid answer set for the batch test pack, as JSON.
    static func jsonRow(id: String, costs: Int) -> String {
        """
        {"_id":"\(id)","scheme":"grant","is_provider":"ja","purchasers":["gemeente"],"costs":\(costs),\
        "months":24,"vision":3,"support":"4"}
        """
    }
}
