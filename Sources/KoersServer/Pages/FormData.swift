import Foundation

/// The fields of a submitted HTML form (`application/x-www-form-urlencoded`), in order; a name
/// may repeat, as the checked boxes of a multiple choice do.
struct FormData: Sendable {
    /// The fields, in the order the browser sent them.
    var fields: [(name: String, value: String)]

    /// Reads an encoded form; `+` is a space and `%XX` a byte of UTF-8. Pieces that cannot be
    /// decoded are kept as sent.
    ///
    /// - Parameter encoded: The body or query text.
    init(_ encoded: String) {
        fields = encoded.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            return (name, value)
        }
    }

    /// The first value of a field, trimmed of surrounding white space.
    subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every value of a field, in order.
    func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
