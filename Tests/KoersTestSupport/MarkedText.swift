/// Text with emoji markers such as `1️⃣` that stand for places, so tests need not count columns.
///
/// ```swift
/// let marked = MarkedText("when: 1️⃣x > 1")
/// marked.text                  // "when: x > 1"
/// marked.locations["1️⃣"]       // (line: 1, column: 7)
/// ```
public struct MarkedText: Sendable {
    /// The text without markers.
    public let text: String
    /// The 1-based line and column (in Unicode scalars) where each marker stood.
    public let locations: [String: (line: Int, column: Int)]

    /// The markers recognised: 1️⃣ to 9️⃣.
    public static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    /// Strips the markers from text and records where they stood.
    ///
    /// - Parameter marked: The text with markers.
    public init(_ marked: String) {
        var text = ""
        var locations: [String: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        var rest = Substring(marked)
        while !rest.isEmpty {
            if let marker = Self.markers.first(where: { rest.hasPrefix($0) }) {
                locations[marker] = (line, column)
                rest = rest.dropFirst(marker.count)
                continue
            }
            let character = rest.removeFirst()
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        self.text = text
        self.locations = locations
    }
}
