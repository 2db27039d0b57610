import Foundation
public import KoersExpression

extension ValueFormatter {
    /// A calculated value for people, rounded for display only: money to cents, percentages
    /// and numbers to two decimals, half away from zero (`NSDecimalRound` with `.plain`). The
    /// value itself stays exact.
    ///
    /// - Parameter value: The value.
    /// - Returns: The value as text, such as `€ 3.286,07` or `46,12%`.
    public func formatCalculated(_ value: Value) -> String {
        switch value {
        case .percentage(let fraction): format(.percentage(fraction.rounded(toPlaces: 4, .plain)))
        case .number(let number): format(.number(number.rounded(toPlaces: 2, .plain)))
        case .list(let elements, _):
            elements.isEmpty ? format(value) : elements.map(formatCalculated).joined(separator: "; ")
        default: format(value)
        }
    }
}
