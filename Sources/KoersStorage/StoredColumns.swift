import Foundation
import KoersSession

/// The conversions both stores share between records and the text columns of the schema, so
/// that SQLite and PostgreSQL hold the very same values.
enum StoredColumns {
    /// The key an e-mail address is looked up by: trimmed and lowercased.
    static func emailKey(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// A session document as the CLI writes it to a file: `koers-session/1` JSON.
    static func documentText(_ document: SessionFile, sessionID: String) throws(StoreError) -> String {
        do {
            return String(decoding: try SessionStore.encode(document, path: "session \(sessionID)"), as: UTF8.self)
        } catch {
            throw .corrupt("cannot encode the document of session '\(sessionID)': \(error)")
        }
    }

    /// A session document read back.
    static func document(_ text: String, sessionID: String) throws(StoreError) -> SessionFile {
        do {
            return try SessionStore.decode(Data(text.utf8), path: "session \(sessionID)")
        } catch {
            throw .corrupt("the stored document of session '\(sessionID)' cannot be read: \(error)")
        }
    }

    /// A share link's session ids as a JSON array.
    static func sessionIDsText(_ ids: [String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(ids)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    /// A share link's session ids read back.
    static func sessionIDs(_ text: String, linkID: String) throws(StoreError) -> [String] {
        do {
            return try JSONDecoder().decode([String].self, from: Data(text.utf8))
        } catch {
            throw .corrupt("share link '\(linkID)' has session ids '\(text)', not a JSON array of strings")
        }
    }

    /// A stored time.
    static func time(_ date: Date) -> String { StoreTime.text(date) }

    /// A stored time, or `nil`.
    static func time(_ date: Date?) -> String? { date.map(StoreTime.text) }

    /// A time read back.
    static func date(_ text: String, _ column: String) throws(StoreError) -> Date {
        try StoreTime.date(text, column: column)
    }

    /// A time or `nil` read back.
    static func date(_ text: String?, _ column: String) throws(StoreError) -> Date? {
        guard let text else { return nil }
        return try StoreTime.date(text, column: column)
    }
}
