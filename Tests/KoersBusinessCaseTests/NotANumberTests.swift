import Foundation
@testable import KoersBusinessCase
import KoersCore
import KoersExpression
import Testing

/// Foundation's `Decimal` gives NaN for a result out of its range. A calculator must never show
/// `€ NaN` or write `"value": "NaN"`: the output becomes "not applicable" with a reason, and a
/// problem names it, so the result does not pass for a number (issue 15, item 3).
@Suite struct NotANumberTests {
    @Test(arguments: ["money", "number", "percentage", "list"])
    func aNaNResultIsExplainedNotStored(kind: String) throws {
        var builder = ResultBuilder()
        switch kind {
        case "money": builder.money("x", Decimal.nan)
        case "number": builder.number("x", Decimal.nan)
        case "percentage": builder.percentage("x", Decimal.nan)
        default: builder.moneyList("x", [1, Decimal.nan])
        }
        guard case .notApplicable(let reason) = builder.result.outputs["x"] else {
            Issue.record("expected not applicable, got \(String(describing: builder.result.outputs["x"]))")
            return
        }
        #expect(reason.text(in: "nl").hasPrefix("Niet te berekenen"))
        #expect(reason.text(in: "en").contains("outside the range"))
        #expect(builder.result.problems.count == 1)
        #expect(builder.result.problems.first?.message.text(in: "en").contains("'x'") == true)
    }

    @Test func ordinaryNumbersAreStored() {
        var builder = ResultBuilder()
        builder.money("x", 12)
        builder.moneyList("y", [1, 2])
        #expect(builder.result.outputs["x"]?.value == .money(12))
        #expect(builder.result.outputs["y"]?.value == .list([.money(1), .money(2)], elementType: .money))
        #expect(builder.result.problems.isEmpty)
    }
}
