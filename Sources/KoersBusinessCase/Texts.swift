import Foundation
import KoersCore
import KoersExpression

/// A Dutch text with its English translation.
///
/// - Parameters:
///   - dutch: The Dutch text.
///   - english: The English text.
/// - Returns: The text in both languages, Dutch first.
func text(_ dutch: String, _ english: String) -> LocalizedText {
    LocalizedText([("nl", dutch), ("en", english)])
}

/// The units the business-case calculators use, in Dutch and English.
enum Unit {
    static let euro = text("EUR", "EUR")
    static let euroPerYear = text("EUR/jaar", "EUR/year")
    static let euroPerMonth = text("EUR/maand", "EUR/month")
    static let euroPerWeek = text("EUR/week", "EUR/week")
    static let euroPerHour = text("EUR/uur", "EUR/hour")
    static let euroPerDevice = text("EUR/apparaat", "EUR/device")
    static let euroPerSubscriptionMonth = text("EUR/abonnement/maand", "EUR/subscription/month")
    static let euroPerContact = text("EUR/contact", "EUR/contact")
    static let devices = text("apparaten", "devices")
    static let subscriptions = text("abonnementen", "subscriptions")
    static let years = text("jaar", "years")
    static let yearNumber = text("jaar (1 = eerste jaar)", "year (1 = first year)")
    static let weeksPerYear = text("weken/jaar", "weeks/year")
    static let hoursPerWeek = text("uur/week", "hours/week")
    static let hoursPerYear = text("uur/jaar", "hours/year")
    static let minutesPerWeek = text("min/week", "min/week")
    static let minutesPerContact = text("min/contact", "min/contact")
    static let contactsPerWeek = text("contacten/week", "contacts/week")
    static let contactsPerWorkerWeek = text("contacten/week per medewerker", "contacts/week per worker")
    static let hoursPerClientYear = text("uur/cliënt/jaar", "hours/client/year")
    static let clients = text("cliënten", "clients")
    static let hoursPerFTEYear = text("uur/fte/jaar", "hours/FTE/year")
    static let fte = text("fte", "FTE")
    static let percent = text("%", "%")
    static let yesNo = text("ja/nee", "yes/no")
}

/// The known inputs of one calculation, read as decimals.
struct InputValues {
    let values: [String: Value]

    /// The decimal value of a numeric input, or `nil` when it is unknown.
    func callAsFunction(_ id: String) -> Decimal? { values[id]?.decimalValue }
}

/// Collects outputs and problems while a calculator works.
struct ResultBuilder {
    private(set) var result = CalculatorResult()

    /// Sets an output to money.
    mutating func money(_ id: String, _ amount: Decimal?) {
        store(id, amount, as: Value.money)
    }

    /// Sets an output to a number.
    mutating func number(_ id: String, _ number: Decimal?) {
        store(id, number, as: Value.number)
    }

    /// Sets an output to a percentage (a fraction).
    mutating func percentage(_ id: String, _ fraction: Decimal?) {
        store(id, fraction, as: Value.percentage)
    }

    /// Sets an output to a list of amounts; not applicable (with the reason) when one of them is
    /// not a number.
    mutating func moneyList(_ id: String, _ amounts: [Decimal]) {
        if amounts.contains(where: \.isNaN) {
            notANumber(id)
        } else {
            result.outputs[id] = .value(.list(amounts.map(Value.money), elementType: .money))
        }
    }

    /// Stores a number, or, when the arithmetic gave no number (Foundation's `Decimal` gives NaN
    /// for a result out of its range), an explained "not applicable" and a problem: a calculator
    /// never shows `€ NaN` or writes `"NaN"`.
    private mutating func store(_ id: String, _ number: Decimal?, as make: (Decimal) -> Value) {
        guard let number else { return }
        if number.isNaN {
            notANumber(id)
        } else {
            result.outputs[id] = .value(make(number))
        }
    }

    private mutating func notANumber(_ id: String) {
        result.outputs[id] = .notApplicable(text(
            "Niet te berekenen: de invoer geeft een uitkomst buiten het bereik dat Koers exact kan rekenen. Controleer de bedragen en aantallen.",
            "Cannot be calculated: the inputs give a result outside the range Koers can compute exactly. Check the amounts and numbers."))
        problem(nil, text(
            "'\(id)' is niet te berekenen: de uitkomst valt buiten het bereik dat Koers exact kan rekenen.",
            "'\(id)' cannot be calculated: the result is outside the range Koers can compute exactly."))
    }

    /// Sets an output to a truth value.
    mutating func boolean(_ id: String, _ flag: Bool?) {
        if let flag { result.outputs[id] = .value(.boolean(flag)) }
    }

    /// Sets an output to any value.
    mutating func set(_ id: String, _ value: CalculatorValue?) {
        if let value { result.outputs[id] = value }
    }

    /// Records a problem with an input.
    mutating func problem(_ input: String?, _ message: LocalizedText) {
        let problem = CalculatorProblem(input: input, message: message)
        if !result.problems.contains(problem) { result.problems.append(problem) }
    }
}

extension Decimal {
    /// The smallest whole number not below this one.
    var roundedUp: Decimal {
        var input = self
        var result = Decimal()
        NSDecimalRound(&result, &input, 0, .up)
        return result
    }
}
