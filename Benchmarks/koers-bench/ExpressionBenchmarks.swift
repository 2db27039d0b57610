import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression

/// Answers for the realistic condition, with every input known or with the purchaser unknown.
struct Answers: EvaluationEnvironment {
    var values: [String: Value]
    func resolve(_ name: String) -> EvaluationResult {
        values[name].map(EvaluationResult.known) ?? .unknown([name])
    }
}

/// Pack loading and expression throughput: what the foundation must do fast.
enum ExpressionBenchmarks {
    static func run(catalog: PackCatalog, loader: RulePackLoader, registry: PluginRegistry, quick: Bool) throws {
        let rounds = quick ? 3 : 7
        measure("load + validate all bundled packs", rounds: rounds) {
            _ = catalog.loadAll(with: loader)
        }.report()

        let condition = """
            is_care_provider and purchaser_kind in ["zorgverzekeraar", "zorgkantoor", "gemeente"] \
            and ehealth_costs <= 20% * (pm_costs + implementation_costs + ehealth_costs + training_costs) \
            and min(50% * (pm_costs + implementation_costs + ehealth_costs + training_costs), € 750.000) >= € 50.000 \
            and evaluation_date <= 2022-12-31
            """
        let names: [String: ValueType] = [
            "is_care_provider": .boolean, "purchaser_kind": .text, "ehealth_costs": .money, "pm_costs": .money,
            "implementation_costs": .money, "training_costs": .money, "evaluation_date": .date,
        ]
        let checker = TypeChecker(functions: registry.functions, names: names)
        let evaluator = Evaluator(functions: registry.functions)
        let expression = try Expression(parsing: condition)
        _ = try checker.type(of: expression)

        let parses = quick ? 5_000 : 20_000
        measure("parse the realistic condition", rounds: rounds, operations: parses) {
            for _ in 0..<parses { _ = try? Expression(parsing: condition) }
        }.report()
        measure("parse + type-check the realistic condition", rounds: rounds, operations: parses) {
            for _ in 0..<parses {
                if let parsed = try? Expression(parsing: condition) { _ = try? checker.type(of: parsed) }
            }
        }.report()

        let known = Answers(values: [
            "is_care_provider": .boolean(true), "purchaser_kind": .text("gemeente"), "ehealth_costs": .money(30_000),
            "pm_costs": .money(60_000), "implementation_costs": .money(90_000), "training_costs": .money(20_000),
            "evaluation_date": .date(CalendarDate(year: 2021, month: 6, day: 1) ?? CalendarDate.today()),
        ])
        var partlyKnown = known
        partlyKnown.values["purchaser_kind"] = nil
        partlyKnown.values["training_costs"] = nil

        let evaluations = quick ? 20_000 : 100_000
        var sink = 0
        measure("evaluate, every answer known", rounds: rounds, operations: evaluations) {
            for _ in 0..<evaluations {
                if case .known(.boolean(true)) = try? evaluator.evaluate(expression, in: known) { sink += 1 }
            }
        }.report()
        measure("evaluate, two answers unknown (three-valued)", rounds: rounds, operations: evaluations) {
            for _ in 0..<evaluations {
                if case .unknown(let missing)? = try? evaluator.evaluate(expression, in: partlyKnown) {
                    sink += missing.count
                }
            }
        }.report()
        if sink == 0 { print("(no evaluation produced the expected result)") }
    }
}
