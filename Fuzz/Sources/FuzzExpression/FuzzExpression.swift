import FuzzSupport
import Foundation
import KoersBuiltins
import KoersExpression

/// Answers for the fuzzed expressions: ordinary values and the edges of `Decimal`'s range.
enum FuzzEnvironment {
    static let tiny = Decimal(string: "0." + String(repeating: "0", count: 64) + "1") ?? 0
    static let huge = Decimal(string: "9" + String(repeating: "9", count: 37) + "e120") ?? 0
    static let values: [String: Value] = [
        "n": .number(12), "m": .money(125_000), "p": .percentage(Decimal(string: "0.2") ?? 0),
        "b": .boolean(true), "t": .text("set"), "d": .date(CalendarDate(iso: "2024-02-29") ?? .minimum),
        "tiny": .number(tiny), "huge": .number(huge), "neg": .number(-huge), "zero": .number(0),
        "ln": .list([.number(1), .number(tiny)], elementType: .number),
        "lt": .list([.text("a"), .text("gemeente")], elementType: .text),
        "lm": .list([.money(1), .money(huge)], elementType: .money),
    ]
}

let functions: FunctionRegistry = {
    var registry = FunctionRegistry()
    try? StandardFunctions.register(into: &registry)
    return registry
}()
let checker = TypeChecker(
    functions: functions, names: FuzzEnvironment.values.mapValues(\.type).merging(["unanswered": .number]) { a, _ in a }
)
let evaluator = Evaluator(functions: functions)

/// The expression language: lexer, parser, type checker and evaluator on any text. A parse or
/// type error is fine; a crash, a trap or a NaN result is not.
func fuzzExpression(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = inputBytes(data, count)
    guard count <= 4_096, let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    guard let expression = try? Expression(parsing: text) else { return 0 }
    // Unchecked evaluation must fail cleanly on mixed types, too.
    let unchecked = try? evaluator.evaluate(expression, values: FuzzEnvironment.values)
    if case .known(let value)? = unchecked { checkNotNaN(value) }
    guard (try? checker.type(of: expression)) != nil else { return 0 }
    if case .known(let value)? = try? evaluator.evaluate(expression, values: FuzzEnvironment.values) {
        checkNotNaN(value)
    }
    return 0
}

/// Stops the fuzzer when a result is NaN: the number policy says NaN is never a result.
func checkNotNaN(_ value: Value) {
    switch value {
    case .number(let number), .money(let number), .percentage(let number):
        if number.isNaN { fatalError("NaN result") }
    case .list(let elements, _):
        elements.forEach(checkNotNaN)
    default:
        break
    }
}

@main
enum Main {
    static func main() {
        runFuzzer(fuzzExpression)
    }
}
