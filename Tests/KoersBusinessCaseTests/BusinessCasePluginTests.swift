import KoersBuiltins
import KoersBusinessCase
import KoersCore
import Testing

/// The calculators register through the plugin path, as built-ins.
@Suite struct BusinessCasePluginTests {
    @Test func builtinsRegisterTheCalculators() throws {
        let registry = try BuiltinPlugins.registry()
        #expect(registry.calculators.map(\.id) == ["contact_costing", "blended_care", "multi_year"])
        #expect(registry.calculator("blended_care") != nil)
    }

    @Test func aSecondCalculatorWithTheSameIDIsRefused() throws {
        var registry = try BuiltinPlugins.registry()
        #expect(throws: PluginError.duplicateCalculator("blended_care")) {
            try registry.register(calculator: BlendedCareCalculator())
        }
    }

    @Test func registeringThePluginTwiceIsRefused() {
        #expect(throws: PluginError.duplicatePlugin("builtin.business_case")) {
            try BuiltinPlugins.registry(adding: [BusinessCasePlugin()])
        }
    }
}
