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
        case .percentage(let fraction): format(.percentage(Self.rounded(fraction, scale: 4)))
        case .number(let number): format(.number(Self.rounded(number, scale: 2)))
        case .list(let elements, _):
            elements.isEmpty ? format(value) : elements.map(formatCalculated).joined(separator: "; ")
        default: format(value)
        }
    }
}
