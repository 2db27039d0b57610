import Foundation
import Testing

@testable import KoersExpression

/// `ExactNumber` must give exactly `Decimal`'s results, only faster: every operation is checked
/// against Foundation on random operands of every size, including the ones that leave the
/// 64-bit form.
@Suite("Exact numbers")
struct ExactNumberTests {
    private static let posix = Locale(identifier: "en_US_POSIX")

    private static func decimal(_ text: String) -> Decimal {
        Decimal(string: text, locale: posix) ?? .nan
    }

    /// A random number written out: up to `digits` significant digits, a random decimal point,
    /// sometimes trailing zeros, sometimes negative.
    private static func randomText(digits maximum: Int, using generator: inout some RandomNumberGenerator) -> String {
        let count = Int.random(in: 1...maximum, using: &generator)
        var digits = (0..<count).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
        if Bool.random(using: &generator) { digits += String(repeating: "0", count: Int.random(in: 0...6, using: &generator)) }
        let places = Int.random(in: 0...min(digits.count, 12), using: &generator)
        var text = digits
        if places > 0 {
            let point = text.index(text.endIndex, offsetBy: -places)
            text = String(text[..<point]) + "." + String(text[point...])
            if text.hasPrefix(".") { text = "0" + text }
        }
        return (Bool.random(using: &generator) ? "-" : "") + text
    }

    @Test("A number keeps its value and writes itself as Decimal does")
    func roundTrip() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = Self.randomText(digits: 24, using: &generator)
            let expected = Self.decimal(text)
            let viaDecimal = ExactNumber(expected)
            let viaDigits = DecimalLiteral.number(text)
            #expect(viaDecimal.decimal == expected, "\(text)")
            #expect(viaDecimal.description == expected.description, "\(text)")
            #expect(viaDigits == viaDecimal, "\(text): one value has one form, however it was made")
            #expect(viaDigits?.hashValue == viaDecimal.hashValue, "\(text)")
        }
    }

    @Test("Sums, differences, products and quotients equal Decimal's", arguments: [6, 12, 20, 30])
    func arithmeticMatchesDecimal(digits: Int) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let xText = Self.randomText(digits: digits, using: &generator)
            let yText = Self.randomText(digits: digits, using: &generator)
            let (x, y) = (Self.decimal(xText), Self.decimal(yText))
            let (a, b) = (ExactNumber(x), ExactNumber(y))
            #expect((try? a.adding(b))?.decimal == x + y, "\(xText) + \(yText)")
            #expect((try? a.subtracting(b))?.decimal == x - y, "\(xText) - \(yText)")
            #expect((try? a.multiplied(by: b))?.decimal == x * y, "\(xText) * \(yText)")
            if !y.isZero {
                let quotient = x / y
                let exact = try? a.divided(by: b)
                #expect(exact?.decimal == quotient, "\(xText) / \(yText)")
                #expect(exact?.description == quotient.description, "\(xText) / \(yText)")
            }
            #expect((a < b) == (x < y), "\(xText) < \(yText)")
            #expect((a == b) == (x == y), "\(xText) == \(yText)")
        }
    }

    @Test("Quotients with a finite decimal form stay exact; others round as Decimal does")
    func quotients() throws {
        #expect(try ExactNumber(721_000).divided(by: 4) == 180_250)
        #expect(try ExactNumber(1).divided(by: 8).description == "0.125")
        #expect(try ExactNumber(1).divided(by: 3).description == (Decimal(1) / Decimal(3)).description)
        #expect(try ExactNumber(-7).divided(by: 20).description == "-0.35")
    }

    @Test("Results out of range are errors that name their end")
    func ranges() throws {
        let huge = ExactNumber(Self.decimal("9" + String(repeating: "0", count: 150)))
        #expect(throws: ExactNumber.RangeError.overflow) { try huge.multiplied(by: huge) }
        let tiny = ExactNumber(Self.decimal("0." + String(repeating: "0", count: 100) + "1"))
        #expect(throws: ExactNumber.RangeError.underflow) { try tiny.multiplied(by: tiny) }
        #expect(ExactNumber(significand: 5, exponent: 400) == nil)
        #expect(ExactNumber(significand: .min, exponent: 0)?.description == String(Int64.min))
        #expect(ExactNumber(significand: 1500, exponent: -3)?.description == "1.5")
        #expect(ExactNumber(significand: 1_234_567_890_123_456_789, exponent: -2)?.description == "12345678901234567.89")
    }

    @Test("Rounding equals NSDecimalRound in every mode")
    func roundingMatchesDecimal() {
        var generator = SystemRandomNumberGenerator()
        let modes: [NSDecimalNumber.RoundingMode] = [.plain, .bankers, .down, .up]
        for _ in 0..<5_000 {
            let text = Self.randomText(digits: Int.random(in: 1...20, using: &generator), using: &generator)
            var x = Self.decimal(text)
            let places = Int.random(in: -4...6, using: &generator)
            for mode in modes {
                var expected = Decimal()
                NSDecimalRound(&expected, &x, places, mode)
                let rounded = ExactNumber(x).rounded(toPlaces: places, mode)
                #expect(rounded.decimal == expected, "\(text) to \(places) places, mode \(mode.rawValue)")
            }
        }
        for text in ["2.5", "-2.5", "3.5", "-3.5", "0.05", "-0.05", "1.45", "-1.45", "0.5", "-0.5"] {
            var x = Self.decimal(text)
            for mode in modes {
                for places in 0...1 {
                    var expected = Decimal()
                    NSDecimalRound(&expected, &x, places, mode)
                    #expect(ExactNumber(x).rounded(toPlaces: places, mode).decimal == expected, "\(text) \(places) \(mode.rawValue)")
                }
            }
        }
    }

    @Test("Whole numbers, percentages and rounding")
    func helpers() {
        #expect(ExactNumber(significand: 2, exponent: -1)?.multipliedByPowerOfTen(2) == 20)
        #expect(ExactNumber(12).multipliedByPowerOfTen(-2)?.description == "0.12")
        #expect(ExactNumber(significand: 125, exponent: -2)?.rounded(toPlaces: 1, .plain).description == "1.3")
        #expect(ExactNumber(significand: -125, exponent: -2)?.rounded(toPlaces: 0, .plain).description == "-1")
        #expect(ExactNumber(7).rounded(toPlaces: 0, .plain) == 7)
        #expect(ExactNumber.zero.description == "0")
        #expect(ExactNumber(50_000).description == "50000")
    }
}
