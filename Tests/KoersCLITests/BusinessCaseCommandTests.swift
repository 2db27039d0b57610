import Foundation
import KoersTestSupport
import Testing

/// The business case end to end through the real binary: seed 003's blended-care example
/// (Tabel 13, extract §3.5) as an answers file of the maturity scan.
@Suite struct BusinessCaseCommandTests {
    static let blendedCare = "examples/business-case/ggz-blended-care.yaml"

    @Test func checkReproducesTabel13ToTheCentAndRaisesTheEconomicDomain() throws {
        let result = try CommandRunner.koers(["check", "--answers", Self.blendedCare, "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let document = try JSONValue.parse(result.standardOutput)
        let schema = try JSONValue.parse(
            String(
                contentsOf: Fixtures.packageRoot.appendingPathComponent("schemas/check-result.schema.json"),
                encoding: .utf8
            )
        )
        let problems = SchemaChecker(schema: schema).check(document)
        #expect(problems.isEmpty, "\(problems)")

        let calculations = try #require(document["calculations"]?.array)
        // The per-contact model was not chosen, so only blended care applies.
        #expect(calculations.compactMap { $0["id"]?.string } == ["blended_care"])
        let outputs = try #require(calculations.first?["outputs"]?.array)
        var formatted: [String: String] = [:]
        for output in outputs {
            if let id = output["id"]?.string, let text = output["formatted"]?.string { formatted[id] = text }
        }
        #expect(formatted["technology_costs_per_year"] == "€ 3.286,07")
        #expect(formatted["capacity_per_year"] == "€ 114.000")
        #expect(formatted["time_saving_all_clients"] == "2,88%")
        #expect(formatted["time_saving_participants"] == "11,53%")
        #expect(formatted["required_time_saving"] == "46,12%")
        let technology = try #require(outputs.first { $0["id"]?.string == "technology_costs_per_year" })
        #expect(technology["value"] == .string("3286.07"))
        #expect(technology["unit"] == .string("EUR/jaar"))
        #expect(technology["formula"]?.string?.contains("platformkosten") == true)

        let scores = try #require(document["scores"]?.array)
        let economic = try #require(scores.first { $0["id"]?.string == "domain_economic" })
        #expect(economic["effective"] == .string("2"))
    }

    @Test func markdownReportShowsInputsResultsUnitsAndFormulas() throws {
        let result = try CommandRunner.koers(["report", Self.blendedCare, "--format", "markdown", "--lang", "en"])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let text = result.standardOutput
        #expect(text.contains("### Calculations"))
        #expect(text.contains("| Platform costs per year | €686.07 | EUR/year |"))
        #expect(text.contains("| Weeks per year | 52 (default) | weeks/year |"))
        #expect(text.contains(
            "| Technology costs per year | €3,286.07 | EUR/year | platform costs + clinician upkeep time |"
        ))
        #expect(text.contains("| Required time saving per online session | 46.12% | % | (platform costs"))
    }

    @Test func htmlReportHasTheCalculationTables() throws {
        let result = try CommandRunner.koers(["report", Self.blendedCare, "--format", "html"])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.standardOutput.contains("<h3>Berekeningen</h3>"))
        #expect(result.standardOutput.contains("<td class=\"number\">46,12%</td>"))
        #expect(result.standardOutput.contains("<td class=\"number\">€ 3.286,07</td>"))
    }
}
