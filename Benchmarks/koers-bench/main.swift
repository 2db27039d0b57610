// koers-bench: measures what the foundation must do fast.
//
//   scripts/bench                 (or: swift build -c release --product koers-bench && .build/release/koers-bench)
//   scripts/bench --rules DIR     (another folder of packs)
//
// Reports the median of several timed rounds after a warm-up, so one slow round does not
// decide the figure.
import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression

struct Measurement {
    var name: String
    var seconds: [Double]
    var operationsPerRound: Int

    var median: Double { seconds.sorted()[seconds.count / 2] }

    func report() {
        let perOperation = median / Double(operationsPerRound)
        let label = name.padding(toLength: max(name.count, 48), withPad: " ", startingAt: 0)
        if operationsPerRound == 1 {
            print(label + String(format: " %10.2f ms (median of %d)", median * 1000, seconds.count))
        } else {
            print(
                label
                    + String(
                        format: " %10.0f /s  %8.3f µs each (median of %d rounds × %d)",
                        1 / perOperation, perOperation * 1_000_000, seconds.count, operationsPerRound
                    )
            )
        }
    }
}

func measure(_ name: String, rounds: Int = 7, operations: Int = 1, _ body: () throws -> Void) rethrows -> Measurement {
    try body()  // warm-up
    var seconds: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<rounds {
        let elapsed = try clock.measure { try body() }
        seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return Measurement(name: name, seconds: seconds, operationsPerRound: operations)
}

/// Answers for the realistic condition, with every input known or with the purchaser unknown.
struct Answers: EvaluationEnvironment {
    var values: [String: Value]
    func resolve(_ name: String) -> EvaluationResult {
        values[name].map(EvaluationResult.known) ?? .unknown([name])
    }
}

let arguments = CommandLine.arguments.dropFirst()
let rulesDirectory: String = {
    if let index = arguments.firstIndex(of: "--rules"), arguments.index(after: index) < arguments.endIndex {
        return arguments[arguments.index(after: index)]
    }
    return "Rules"
}()

do {
    let registry = try BuiltinPlugins.registry()
    let loader = RulePackLoader(registry: registry)
    let catalog = PackCatalog(roots: [rulesDirectory])
    let results = catalog.loadAll(with: loader)
    let questions = results.compactMap(\.pack).reduce(0) { $0 + $1.questions.count }
    print("Koers benchmark — \(results.count) bundled pack(s), \(questions) questions, \(ProcessInfo.processInfo.activeProcessorCount) cores")
    for result in results where result.hasErrors {
        print("warning: \(result.directory) has errors; run koers validate")
    }
    print()

    measure("load + validate all bundled packs") {
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

    let parses = 20_000
    measure("parse the realistic condition", operations: parses) {
        for _ in 0..<parses { _ = try? Expression(parsing: condition) }
    }.report()
    measure("parse + type-check the realistic condition", operations: parses) {
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

    let evaluations = 100_000
    var sink = 0
    measure("evaluate, every answer known", operations: evaluations) {
        for _ in 0..<evaluations {
            if case .known(.boolean(true)) = try? evaluator.evaluate(expression, in: known) { sink += 1 }
        }
    }.report()
    measure("evaluate, two answers unknown (three-valued)", operations: evaluations) {
        for _ in 0..<evaluations {
            if case .unknown(let missing)? = try? evaluator.evaluate(expression, in: partlyKnown) {
                sink += missing.count
            }
        }
    }.report()
    if sink == 0 { print("(no evaluation produced the expected result)") }
} catch {
    FileHandle.standardError.write(Data("koers-bench: \(error)\n".utf8))
    exit(1)
}
