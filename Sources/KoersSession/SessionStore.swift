public import Foundation
import KoersCore
public import KoersInterview

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads and writes one session file.
///
/// Saving is atomic and durable (see ``save(_:)``): a process killed at any moment leaves the
/// last saved session complete. Opening checks the format and the pack, and reconciles the
/// answers with the pack as it is now:
///
/// ```swift
/// let store = SessionStore(path: "koers-set-eligibility-session.json")
/// var (session, changes) = try store.open(for: interview)
/// session.record(.given(.boolean(true)), for: "is_care_provider", by: "anna")
/// try store.save(session)
/// ```
public struct SessionStore: Sendable {
    /// The session file's path, as given.
    public let path: String

    /// Creates a store for a path.
    ///
    /// - Parameter path: The session file.
    public init(path: String) {
        self.path = path
    }

    /// Whether the file exists.
    public var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// Reads the session.
    ///
    /// - Returns: The session as saved.
    /// - Throws: ``SessionError`` when the file is missing, unreadable, not JSON, not a session
    ///   of this format, or has an invalid entry.
    public func load() throws(SessionError) -> SessionFile {
        try Self.decode(read(), path: path)
    }

    /// Reads the session for a pack and brings it in line with the pack as it is now.
    ///
    /// - Parameter interview: The interview over the pack.
    /// - Returns: The session, with answers that no longer fit set aside, and the report of what
    ///   changed.
    /// - Throws: ``SessionError`` as ``load()`` does, and
    ///   ``SessionError/otherPack(path:sessionPack:requestedPack:)`` for another pack's session.
    public func open(for interview: Interview) throws(SessionError) -> (session: SessionFile, changes: PackChangeReport)
    {
        var session = try load()
        guard session.packID == interview.pack.id else {
            throw .otherPack(path: path, sessionPack: session.packID, requestedPack: interview.pack.id)
        }
        let changes = session.adapt(to: interview)
        return (session, changes)
    }

    /// Writes the session atomically: to a temporary file in the same folder, `fsync`, `rename`
    /// over the file, `fsync` of the folder.
    ///
    /// - Parameter session: The session.
    /// - Throws: ``SessionError/writeFailed(path:step:reason:)``; the file on disk is then the
    ///   last one saved.
    public func save(_ session: SessionFile) throws(SessionError) {
        try AtomicFileWriter.replaceContents(of: path, with: Self.encode(session, path: path))
    }

    /// The session as the file holds it: pretty-printed JSON with sorted keys and a final
    /// newline.
    ///
    /// - Parameters:
    ///   - session: The session.
    ///   - path: The path, for the error.
    /// - Returns: The bytes.
    /// - Throws: ``SessionError/writeFailed(path:step:reason:)`` when encoding fails.
    public static func encode(_ session: SessionFile, path: String) throws(SessionError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            var data = try encoder.encode(session)
            data.append(UInt8(ascii: "\n"))
            return data
        } catch {
            throw .writeFailed(path: path, step: "encoding the session as JSON", reason: "\(error)")
        }
    }

    /// Reads a session from the bytes of a file.
    ///
    /// - Parameters:
    ///   - data: The file's contents.
    ///   - path: The path, for errors.
    /// - Returns: The session.
    /// - Throws: ``SessionError`` saying what is wrong and where.
    public static func decode(_ data: Data, path: String) throws(SessionError) -> SessionFile {
        guard !data.isEmpty else { throw .corrupt(path: path, detail: "the file is empty") }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw .wrongFormat(path: path, found: nil)
        } catch {
            throw .corrupt(path: path, detail: "it is not valid JSON (\(Self.reason(of: error)))")
        }
        guard header.format == SessionFormat.current else { throw .wrongFormat(path: path, found: header.format) }
        do {
            return try decoder.decode(SessionFile.self, from: data)
        } catch let error as DecodingError {
            throw Self.invalidContent(error, path: path)
        } catch {
            throw .corrupt(path: path, detail: "\(error)")
        }
    }

    private struct Header: Decodable {
        var format: String?
    }

    private func read() throws(SessionError) -> Data {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { throw .notFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw .unreadable(path: path, reason: "it is not a regular file")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = access(path, R_OK) != 0 ? String(cString: strerror(errno)) : "\(error)"
            throw .unreadable(path: path, reason: reason)
        }
    }

    private static func invalidContent(_ error: DecodingError, path: String) -> SessionError {
        switch error {
        case .keyNotFound(let key, let context):
            return .invalidContent(
                path: path,
                place: place(context.codingPath + [key]),
                detail: "the key '\(key.stringValue)' is missing"
            )
        case .typeMismatch(let type, let context):
            return .invalidContent(path: path, place: place(context.codingPath), detail: "expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            return .invalidContent(
                path: path,
                place: place(context.codingPath),
                detail: "expected \(typeName(type)), found null"
            )
        case .dataCorrupted(let context):
            return .invalidContent(path: path, place: place(context.codingPath), detail: context.debugDescription)
        @unknown default:
            return .corrupt(path: path, detail: "\(error)")
        }
    }

    /// A coding path as a reader finds it in the file: `answers.pm_costs.value`, `set_aside[0]`.
    private static func place(_ path: [any CodingKey]) -> String {
        guard !path.isEmpty else { return "the top level" }
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Date.Type: "a time such as \"2024-05-01T09:30:00Z\""
        default: "a \(type)"
        }
    }

    /// The most useful sentence from a JSON parsing error.
    private static func reason(of error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            if let underlying = context.underlyingError {
                let nsError = underlying as NSError
                if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
                return nsError.localizedDescription
            }
            return context.debugDescription
        }
        return "\(error)"
    }
}
