import Foundation

/// The two SQL dialects the store speaks, and the only ways in which its statements differ
/// between them (the schema's differences are in ``StoreMigrations``).
enum StoreDialect: Sendable {
    /// SQLite through GRDB.
    case sqlite
    /// PostgreSQL through PostgresNIO.
    case postgres

    /// A statement's text for this dialect.
    ///
    /// Statements are written once, with `?` placeholders and `COLLATE BINARY` (byte-by-byte
    /// text order). PostgreSQL numbers its placeholders (`$1`, `$2`, …) and calls that
    /// collation `"C"`. The statements hold no `?` inside string literals.
    func text(_ sql: String) -> String {
        switch self {
        case .sqlite:
            return sql
        case .postgres:
            var result = ""
            result.reserveCapacity(sql.utf8.count + 16)
            var number = 0
            for character in sql {
                if character == "?" {
                    number += 1
                    result += "$\(number)"
                } else {
                    result.append(character)
                }
            }
            return result.replacingOccurrences(of: "COLLATE BINARY", with: "COLLATE \"C\"")
        }
    }
}

/// A value bound to a statement or read from a row: the schema holds only text and integers.
enum StoreValue: Sendable, Hashable {
    /// Text (ids, hashes, times, JSON documents).
    case text(String)
    /// An integer (revisions, counts).
    case integer(Int)
    /// SQL `NULL`.
    case null

    /// Text, or `NULL` for `nil`.
    static func optional(_ text: String?) -> StoreValue { text.map(StoreValue.text) ?? .null }

    /// A time as the stores keep it (``StoreTime``).
    static func time(_ date: Date) -> StoreValue { .text(StoreTime.text(date)) }

    /// A time, or `NULL` for `nil`.
    static func time(_ date: Date?) -> StoreValue { date.map(time) ?? .null }
}

/// One SQL statement with its values in bind order, the same for both drivers.
struct StoreStatement: Sendable {
    /// The SQL, with `?` placeholders (see ``StoreDialect/text(_:)``).
    var sql: String
    /// The values, one per placeholder, in order.
    var binds: [StoreValue]
    /// The table the rows come from, for messages about a row Koers did not write.
    var table: String

    init(_ sql: String, _ binds: [StoreValue] = [], table: String = "the database") {
        self.sql = sql
        self.binds = binds
        self.table = table
    }
}

/// A row as both drivers hand it over: column names and values, read by name.
struct StoreRow: Sendable {
    /// The table (or query) the row is from, for messages.
    var source: String
    /// The columns, in the order of the query.
    var columns: [(name: String, value: StoreValue)]

    /// The value of a column; a missing column is a row Koers did not write.
    func value(_ name: String) throws(StoreError) -> StoreValue {
        guard let column = columns.first(where: { $0.name == name }) else {
            throw .corrupt("a row of \(source) has no column \(name)")
        }
        return column.value
    }

    /// A text column that is never `NULL`.
    func text(_ name: String) throws(StoreError) -> String {
        guard case .text(let text) = try value(name) else { throw mismatch(name, "text") }
        return text
    }

    /// A text column that may be `NULL`.
    func optionalText(_ name: String) throws(StoreError) -> String? {
        switch try value(name) {
        case .text(let text): return text
        case .null: return nil
        case .integer: throw mismatch(name, "text or NULL")
        }
    }

    /// An integer column.
    func integer(_ name: String) throws(StoreError) -> Int {
        guard case .integer(let number) = try value(name) else { throw mismatch(name, "an integer") }
        return number
    }

    /// A time column (see ``StoreTime``).
    func time(_ name: String) throws(StoreError) -> Date {
        try StoreTime.date(text(name), column: "\(source).\(name)")
    }

    /// A time column that may be `NULL`.
    func optionalTime(_ name: String) throws(StoreError) -> Date? {
        guard let text = try optionalText(name) else { return nil }
        return try StoreTime.date(text, column: "\(source).\(name)")
    }

    private func mismatch(_ name: String, _ expected: String) -> StoreError {
        .corrupt("column \(source).\(name) holds \((try? value(name)).map { "\($0)" } ?? "nothing"), not \(expected)")
    }
}
