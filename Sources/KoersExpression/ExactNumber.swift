public import Foundation

/// An exact decimal number: the payload of a number, an amount of money or a percentage.
///
/// Koers promises exact amounts (`€ 0,10 + € 0,20` is `€ 0,30`) with the range of Foundation's
/// `Decimal`: 38 significant digits and a decimal exponent from -128 to 127. `Decimal`
/// arithmetic costs hundreds of nanoseconds, though, because it works on arrays of 16-bit
/// digits, and nearly every number a rule pack meets (amounts, counts, scores, percentages)
/// fits in 64 bits with a decimal exponent. So this type holds such a number as a 64-bit
/// significand and an exponent (`12.5` is `125 × 10^-1`) and does its arithmetic with integer
/// instructions; a number that does not fit is held as a `Decimal`, and an operation whose exact
/// result does not fit falls back to `Decimal` arithmetic. Results are therefore the same as
/// `Decimal`'s, only faster: a quotient such as `1 / 3`, which has no finite decimal form, is
/// rounded to 38 digits exactly as `Decimal` rounds it.
///
/// Every value has one form (trailing zeros dropped, the smallest representation chosen), so
/// `==` and hashing compare values: `1.50` equals `1.5`.
///
/// ```swift
/// let price: ExactNumber = 125_000
/// let half = ExactNumber(significand: 5, exponent: -1)   // 0.5
/// let share = try price.multiplied(by: half!)              // 62500
/// ```
public struct ExactNumber: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The two forms.
    @usableFromInline
    enum Storage: Sendable, Hashable {
        /// `significand × 10^exponent`, the significand without trailing zeros (zero is `(0, 0)`)
        /// and of at most 18 digits, the exponent within ``ExactNumber/exponentRange``.
        case fixed(significand: Int64, exponent: Int16)
        /// A number that has no fixed form (more than 18 significant digits), or NaN.
        case wide(Decimal)
    }

    @usableFromInline
    let storage: Storage

    /// The range of the decimal exponent that `Decimal` holds, which bounds both forms.
    public static let exponentRange = -128...127

    /// Why an arithmetic result cannot be held.
    public enum RangeError: Error, Sendable, Equatable {
        /// The result is too large.
        case overflow
        /// The result is not zero but too small to hold exactly (more than 128 decimal places).
        case underflow
    }

    // MARK: Making numbers

    /// A number from its significand and decimal exponent: `(125, -1)` is `12.5`, or `nil` when
    /// it cannot be held: its exponent lies outside ``exponentRange`` even with the
    /// significand's trailing zeros taken into it.
    public init?(significand: Int64, exponent: Int) {
        if let storage = Self.normalized(significand, exponent) {
            self.init(storage: storage)
        } else if Self.exponentRange.contains(exponent) {
            // More than 18 digits: a `Decimal` holds it (up to 38).
            self.init(
                Decimal(
                    sign: significand < 0 ? .minus : .plus,
                    exponent: exponent,
                    significand: Decimal(significand.magnitude)
                )
            )
        } else {
            return nil
        }
    }

    /// The number a `Decimal` holds.
    ///
    /// This reads the decimal's significand (about 150 ns); the expression language makes its
    /// numbers from text or digits instead (``DecimalLiteral``).
    public init(_ decimal: Decimal) {
        self.storage = Self.fixedForm(of: decimal).map { .fixed(significand: $0.0, exponent: $0.1) } ?? .wide(decimal)
    }

    /// A whole number.
    public init(_ integer: Int) {
        self.init(integerLiteral: Int64(integer))
    }

    /// A whole number written as a literal.
    public init(integerLiteral value: Int64) {
        self.storage = Self.normalized(value, 0) ?? .wide(Decimal(value))
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    /// Zero.
    public static let zero = ExactNumber(storage: .fixed(significand: 0, exponent: 0))

    /// The number as a `Decimal`, for formatting and for Foundation's rounding functions.
    public var decimal: Decimal {
        switch storage {
        case .fixed(let significand, let exponent):
            if exponent == 0 { return Decimal(significand) }
            return Decimal(
                sign: significand < 0 ? .minus : .plus,
                exponent: Int(exponent),
                significand: Decimal(significand.magnitude)
            )
        case .wide(let decimal):
            return decimal
        }
    }

    /// Whether this is zero.
    public var isZero: Bool {
        switch storage {
        case .fixed(let significand, _): significand == 0
        case .wide(let decimal): decimal.isZero
        }
    }

    /// Whether this is below zero.
    public var isNegative: Bool {
        switch storage {
        case .fixed(let significand, _): significand < 0
        case .wide(let decimal): decimal < 0
        }
    }

    /// Whether this is not a number: the result of an operation that `Decimal` could not hold,
    /// kept only where a `Decimal` NaN was converted.
    public var isNaN: Bool {
        if case .wide(let decimal) = storage { return decimal.isNaN }
        return false
    }

    /// The decimal exponent of the last significant digit: `-1` for `12.5`, `3` for `5000`.
    public var exponent: Int {
        switch storage {
        case .fixed(let significand, let exponent): significand == 0 ? 0 : Int(exponent)
        case .wide(let decimal): decimal.exponent
        }
    }

    /// The number in plain notation, as `Decimal` writes it: `-12.5`, `180250`, `0.015`.
    public var description: String {
        guard case .fixed(let significand, let exponent) = storage else { return decimal.description }
        let digits = String(significand.magnitude)
        let sign = significand < 0 ? "-" : ""
        if exponent >= 0 {
            return sign + digits + (significand == 0 ? "" : String(repeating: "0", count: Int(exponent)))
        }
        let places = -Int(exponent)
        if places >= digits.count {
            return sign + "0." + String(repeating: "0", count: places - digits.count) + digits
        }
        let point = digits.index(digits.endIndex, offsetBy: -places)
        return sign + digits[..<point] + "." + digits[point...]
    }

    // MARK: Comparing

    /// Whether `x` is smaller than `y`.
    public static func < (x: ExactNumber, y: ExactNumber) -> Bool {
        if case .fixed(let a, let ea) = x.storage, case .fixed(let b, let eb) = y.storage {
            if ea == eb || a == 0 || b == 0 { return a < b }
            if (a < 0) != (b < 0) { return a < b }
            // The same sign: bring the one with the larger exponent down to the other's.
            if ea > eb {
                guard let scaled = scaled(a, by: Int(ea) - Int(eb)) else { return a < 0 }
                return scaled < b
            } else {
                guard let scaled = scaled(b, by: Int(eb) - Int(ea)) else { return b > 0 }
                return a < scaled
            }
        }
        return x.decimal < y.decimal
    }

    // MARK: Arithmetic

    /// The negated number.
    public static prefix func - (x: ExactNumber) -> ExactNumber {
        switch x.storage {
        case .fixed(let significand, let exponent): ExactNumber(storage: .fixed(significand: -significand, exponent: exponent))
        case .wide(let decimal): ExactNumber(-decimal)
        }
    }

    /// `self + other`.
    ///
    /// - Throws: ``RangeError/overflow`` when the sum is too large to hold.
    public func adding(_ other: ExactNumber) throws(RangeError) -> ExactNumber {
        if case .fixed(let a, let ea) = storage, case .fixed(let b, let eb) = other.storage,
            let sum = Self.fixedSum(a, Int(ea), b, Int(eb))
        {
            return sum
        }
        return try Self.checked(decimal + other.decimal, magnitude: 0)
    }

    /// `self - other`.
    ///
    /// - Throws: ``RangeError/overflow`` when the difference is too large to hold.
    public func subtracting(_ other: ExactNumber) throws(RangeError) -> ExactNumber {
        try adding(-other)
    }

    /// `self × other`.
    ///
    /// - Throws: ``RangeError/overflow`` when the product is too large,
    ///   ``RangeError/underflow`` when it needs more than 128 decimal places.
    public func multiplied(by other: ExactNumber) throws(RangeError) -> ExactNumber {
        if case .fixed(let a, let ea) = storage, case .fixed(let b, let eb) = other.storage {
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            if !overflow, product != .min, let number = Self.normalized(product, Int(ea) + Int(eb)) {
                return ExactNumber(storage: number)
            }
        }
        let x = decimal
        let y = other.decimal
        guard !x.isZero, !y.isZero, !x.isNaN, !y.isNaN else { return try Self.checked(x * y, magnitude: 0) }
        // Foundation's `*` traps instead of returning NaN when the product needs more than 128
        // decimal places; such products are refused before multiplying (both operands are in
        // their smallest form, so their exponents are those of their last significant digits).
        guard x.exponent + y.exponent >= Self.exponentRange.lowerBound else { throw .underflow }
        return try Self.checked(x * y, magnitude: x.exponent + y.exponent)
    }

    /// `self ÷ other`, exact when the quotient has a finite decimal form that fits, otherwise
    /// rounded to 38 significant digits as `Decimal` rounds it.
    ///
    /// - Precondition: `other` is not zero (the caller reports a division by zero).
    /// - Throws: ``RangeError/overflow`` or ``RangeError/underflow`` when the quotient is out
    ///   of range.
    public func divided(by other: ExactNumber) throws(RangeError) -> ExactNumber {
        if case .fixed(let a, let ea) = storage, case .fixed(let b, let eb) = other.storage,
            let quotient = Self.fixedQuotient(a, Int(ea), b, Int(eb))
        {
            return quotient
        }
        let x = decimal
        let y = other.decimal
        return try Self.checked(x / y, magnitude: x.exponent - y.exponent)
    }

    /// `self × 10^places`, exact: a percentage's fraction and back (`0.2` and `20`) without
    /// arithmetic; `nil` when the result is out of range.
    public func multipliedByPowerOfTen(_ places: Int) -> ExactNumber? {
        switch storage {
        case .fixed(let significand, let exponent):
            return ExactNumber(significand: significand, exponent: Int(exponent) + places)
        case .wide(let decimal):
            let result = Decimal(sign: decimal.sign, exponent: decimal.exponent + places, significand: decimal.significand)
            return result.isNaN ? nil : ExactNumber(result)
        }
    }

    /// The number rounded to `places` decimal places (negative: to tens, hundreds…) in the
    /// given mode, as Foundation's `NSDecimalRound` rounds.
    ///
    /// A number with no more decimal places than asked is returned as it is, without
    /// converting it.
    public func rounded(toPlaces places: Int, _ mode: NSDecimalNumber.RoundingMode) -> ExactNumber {
        if exponent >= -places { return self }
        if case .fixed(let significand, let exponent) = storage, let rounded = Self.rounded(
            significand, dropping: -places - Int(exponent), toExponent: -places, mode
        ) {
            return rounded
        }
        var input = decimal
        var result = Decimal()
        NSDecimalRound(&result, &input, places, mode)
        return ExactNumber(result)
    }

    /// A fixed-form number rounded with integer instructions, deciding on the dropped digits
    /// as `NSDecimalRound` does (`plain`: half away from zero; `bankers`: half to even; `down`
    /// and `up`: towards minus and plus infinity), or `nil` when the fixed form cannot do it.
    private static func rounded(
        _ significand: Int64,
        dropping digits: Int,
        toExponent exponent: Int,
        _ mode: NSDecimalNumber.RoundingMode
    ) -> ExactNumber? {
        guard (1...18).contains(digits) else { return nil }
        let divisor = powerOfTen(digits)
        var quotient = significand / divisor
        let remainder = significand % divisor
        if remainder != 0 {
            // |remainder| < 10^18, so twice it still fits.
            let twice = remainder.magnitude * 2
            let away: Bool =
                switch mode {
                case .plain: twice >= divisor.magnitude
                case .bankers: twice > divisor.magnitude || (twice == divisor.magnitude && quotient % 2 != 0)
                case .down: significand < 0
                case .up: significand > 0
                @unknown default: false
                }
            guard mode == .plain || mode == .bankers || mode == .down || mode == .up else { return nil }
            if away { quotient += significand < 0 ? -1 : 1 }
        }
        return ExactNumber(significand: quotient, exponent: exponent)
    }

    // MARK: Forms

    /// `10^places` for `places` from 0 to 18 (the powers of ten that fit in an `Int64`).
    ///
    /// A switch, which compiles to a constant table: a lazily made static array cost a
    /// `swift_once` check on every comparison and sum of numbers with different exponents.
    @inline(__always)
    private static func powerOfTen(_ places: Int) -> Int64 {
        switch places {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        case 8: 100_000_000
        case 9: 1_000_000_000
        case 10: 10_000_000_000
        case 11: 100_000_000_000
        case 12: 1_000_000_000_000
        case 13: 10_000_000_000_000
        case 14: 100_000_000_000_000
        case 15: 1_000_000_000_000_000
        case 16: 10_000_000_000_000_000
        case 17: 100_000_000_000_000_000
        case 18: 1_000_000_000_000_000_000
        // Every caller checks the range first, as indexing the table did.
        default: preconditionFailure("10^\(places) has no Int64 form")
        }
    }

    /// `value × 10^places`, or `nil` when it does not fit in an `Int64`.
    @inline(__always)
    private static func scaled(_ value: Int64, by places: Int) -> Int64? {
        guard places <= 18 else { return value == 0 ? 0 : nil }
        let (result, overflow) = value.multipliedReportingOverflow(by: powerOfTen(places))
        return overflow || result == .min ? nil : result
    }

    /// The fixed form of `significand × 10^exponent`: trailing zeros dropped, or `nil` when the
    /// exponent cannot be brought into range.
    @inline(__always)
    private static func normalized(_ significand: Int64, _ exponent: Int) -> Storage? {
        guard significand != 0 else { return .fixed(significand: 0, exponent: 0) }
        guard significand != .min else { return nil }
        var significand = significand
        var exponent = exponent
        while significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
        guard exponentRange.contains(exponent), significand.magnitude < 1_000_000_000_000_000_000 else { return nil }
        return .fixed(significand: significand, exponent: Int16(exponent))
    }

    /// The fixed form of a decimal, or `nil` when it has none.
    ///
    /// Foundation offers no exact integer view of a `Decimal`, and writing it out costs
    /// microseconds; its significand (a whole number) is read as an `Int64` through
    /// `NSDecimalNumber` once it is known to fit, which takes a tenth of that.
    private static func fixedForm(of decimal: Decimal) -> (Int64, Int16)? {
        guard !decimal.isNaN else { return nil }
        guard !decimal.isZero else { return (0, 0) }
        // `significand` is the decimal's digits as a whole number, without sign.
        let significand = decimal.significand
        guard significand < significandLimit else { return nil }
        let magnitude = NSDecimalNumber(decimal: significand).int64Value
        guard case .fixed(let fixed, let exponent)? = normalized(
            decimal < 0 ? -magnitude : magnitude, decimal.exponent
        ) else { return nil }
        return (fixed, exponent)
    }

    /// Significands of the fixed form stay below 10^18, so that any `Decimal` can be tested
    /// for a fixed form exactly (see ``fixedForm(of:)``).
    private static let significandLimit = Decimal(1_000_000_000_000_000_000 as Int64)

    /// A `Decimal` result brought back, or the range error its NaN stands for.
    ///
    /// - Parameter magnitude: The operands' combined exponent, which tells a quotient or
    ///   product that is too small from one that is too large (a sum can only overflow).
    private static func checked(_ result: Decimal, magnitude: Int) throws(RangeError) -> ExactNumber {
        guard result.isNaN else { return ExactNumber(result) }
        throw magnitude < 0 ? .underflow : .overflow
    }

    /// `a × 10^ea + b × 10^eb` in the fixed form, or `nil` when it does not fit.
    @inline(__always)
    private static func fixedSum(_ a: Int64, _ ea: Int, _ b: Int64, _ eb: Int) -> ExactNumber? {
        if b == 0 { return ExactNumber(storage: .fixed(significand: a, exponent: Int16(ea))) }
        if a == 0 { return ExactNumber(storage: .fixed(significand: b, exponent: Int16(eb))) }
        let exponent = min(ea, eb)
        guard let x = scaled(a, by: ea - exponent), let y = scaled(b, by: eb - exponent) else { return nil }
        let (sum, overflow) = x.addingReportingOverflow(y)
        guard !overflow, let storage = normalized(sum, exponent) else { return nil }
        return ExactNumber(storage: storage)
    }

    /// `(a × 10^ea) ÷ (b × 10^eb)` in the fixed form when the quotient has a finite decimal
    /// form that fits, else `nil`.
    ///
    /// The fraction `a / b` in lowest terms has a finite decimal form exactly when its
    /// denominator has no prime factors but 2 and 5; then `a / b = a × (10^k / b) / 10^k`.
    private static func fixedQuotient(_ a: Int64, _ ea: Int, _ b: Int64, _ eb: Int) -> ExactNumber? {
        guard b != 0 else { return nil }
        if a == 0 { return .zero }
        let divisor = greatestCommonDivisor(a.magnitude, b.magnitude)
        var numerator = Int64(a.magnitude / divisor)
        var denominator = b.magnitude / divisor
        var twos = 0
        var fives = 0
        while denominator % 2 == 0 {
            denominator /= 2
            twos += 1
        }
        while denominator % 5 == 0 {
            denominator /= 5
            fives += 1
        }
        guard denominator == 1 else { return nil }
        let places = max(twos, fives)
        guard places <= 18 else { return nil }
        // 10^places / b = 2^(places - twos) × 5^(places - fives).
        for _ in 0..<(places - twos) {
            let (product, overflow) = numerator.multipliedReportingOverflow(by: 2)
            guard !overflow else { return nil }
            numerator = product
        }
        for _ in 0..<(places - fives) {
            let (product, overflow) = numerator.multipliedReportingOverflow(by: 5)
            guard !overflow else { return nil }
            numerator = product
        }
        let negative = (a < 0) != (b < 0)
        guard let storage = normalized(negative ? -numerator : numerator, ea - eb - places) else { return nil }
        return ExactNumber(storage: storage)
    }

    private static func greatestCommonDivisor(_ x: UInt64, _ y: UInt64) -> UInt64 {
        var (x, y) = (x, y)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
