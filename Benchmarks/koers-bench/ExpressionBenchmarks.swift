import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression

/// Answers for the realistic condition by slot, with every input known or some unknown.
struct Answers: EvaluationEnvironment {
    var values: [Value?]
    func resolve(_ slot: Int) -> EvaluationResult {
        values[slot].map(EvaluationResult.known) ?? .unknown([slot])
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

        let slotNames = names.keys.sorted()
        let slots = Dictionary(uniqueKeysWithValues: slotNames.enumerated().map { ($1, $0) })
        let compiled = expression.compiled(slots: { slots[$0] }, functions: registry.functions)
        let values: [String: Value] = [
            "is_care_provider": .boolean(true), "purchaser_kind": .text("gemeente"), "ehealth_costs": .money(30_000),
            "pm_costs": .money(60_000), "implementation_costs": .money(90_000), "training_costs": .money(20_000),
            "evaluation_date": .date(CalendarDate(year: 2021, month: 6, day: 1) ?? CalendarDate.today()),
        ]
        let known = Answers(values: slotNames.map { values[$0] })
        var partlyKnown = known
        for name in ["purchaser_kind", "training_costs"] { if let slot = slots[name] { partlyKnown.values[slot] = nil } }

        let evaluations = quick ? 20_000 : 100_000
        var sink = 0
        measure("evaluate, every answer known", rounds: rounds, operations: evaluations) {
            for _ in 0..<evaluations {
                if case .known(.boolean(true)) = try? evaluator.evaluate(compiled, in: known) { sink += 1 }
            }
        }.report()
        measure("evaluate, two answers unknown (three-valued)", rounds: rounds, operations: evaluations) {
            for _ in 0..<evaluations {
                if case .unknown(let missing)? = try? evaluator.evaluate(compiled, in: partlyKnown) {
                    sink += missing.count
                }
            }
        }.report()
        if sink == 0 { print("(no evaluation produced the expected result)") }
    }
}
