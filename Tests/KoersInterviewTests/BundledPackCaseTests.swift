import Foundation
import KoersBuiltins
import KoersCore
import KoersInterview
import KoersSource
import KoersTestSupport
import Testing

/// Runs the test cases of every bundled pack through the engine, as `koers test` does.
@Suite struct BundledPackCaseTests {
    @Test func everyBundledCasePasses() throws {
        let registry = try BuiltinPlugins.registry()
        let loader = RulePackLoader(registry: registry)
        let catalog = PackCatalog(roots: [Fixtures.rulesDirectory.path])
        for loaded in catalog.loadAll(with: loader) {
            let pack = try #require(loaded.pack, "\(loaded.directory) does not load")
            let runner = PackTestRunner(pack: pack, functions: registry.functions)
            for result in runner.run() {
                #expect(result.passed, "\(result.location): \(result.testCase.name): \(result.failures)")
            }
        }
    }
}
