import Foundation

/// Bytes read in fixed-size chunks from a file, standard input or memory, so that an input of
/// any size is never held in memory as a whole.
///
/// A stream is a reference type because it owns an open file; it is used by one reader on one
/// task and is not `Sendable`.
public final class ByteStream {
    private enum Backing {
        case file(FileHandle, closeAtEnd: Bool)
        case memory([UInt8], offset: Int)
        case finished
    }

    /// The name used in messages: the path as given, or `<stdin>`.
    public let name: String
    /// How many bytes one read asks for.
    public let chunkSize: Int
    private var backing: Backing
    /// The input's size in bytes, when it is a regular file.
    public let totalBytes: Int?
    /// How many bytes were handed out by ``read()`` so far.
    public private(set) var bytesRead = 0
    /// A chunk read by ``peek()`` and not handed out yet.
    private var unread: [UInt8]?

    /// Opens a file for reading.
    ///
    /// - Parameters:
    ///   - path: The file's path; `-` reads standard input.
    ///   - chunkSize: How many bytes one read asks for (64 KiB by default).
    /// - Throws: ``BatchError/cannotOpen(path:reason:)`` when the file is missing, is a folder
    ///   or cannot be read.
    public init(path: String, chunkSize: Int = 64 * 1024) throws(BatchError) {
        self.chunkSize = max(1, chunkSize)
        if path == "-" {
            self.name = "<stdin>"
            self.totalBytes = nil
            self.backing = .file(FileHandle.standardInput, closeAtEnd: false)
            return
        }
        self.name = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .cannotOpen(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw .cannotOpen(path: path, reason: "it is a folder, not a file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotOpen(path: path, reason: "permission denied or unreadable")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber
        self.totalBytes = size?.intValue
        self.backing = .file(handle, closeAtEnd: true)
    }

    /// A stream over bytes in memory, for tests and in-process runs.
    ///
    /// - Parameters:
    ///   - bytes: The content.
    ///   - name: The name used in messages.
    ///   - chunkSize: How many bytes one read hands out; small sizes exercise chunk boundaries.
    public init(bytes: [UInt8], name: String = "<memory>", chunkSize: Int = 64 * 1024) {
        self.name = name
        self.chunkSize = max(1, chunkSize)
        self.totalBytes = bytes.count
        self.backing = .memory(bytes, offset: 0)
    }

    deinit {
        if case .file(let handle, true) = backing { try? handle.close() }
    }

    /// The first byte of the stream that is not a space, a line break or a byte order mark,
    /// looking only at the first chunk; the chunk is handed out again by the next ``read()``.
    ///
    /// - Returns: The byte, or `nil` when the first chunk holds none.
    /// - Throws: ``BatchError/cannotRead(path:reason:)`` when the read fails.
    public func peek() throws(BatchError) -> UInt8? {
        if unread == nil { unread = try nextChunk() }
        return unread?.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
    }

    /// The next chunk of bytes, or `nil` at the end.
    ///
    /// - Throws: ``BatchError/cannotRead(path:reason:)`` when the read fails.
    public func read() throws(BatchError) -> [UInt8]? {
        let chunk = try nextChunk()
        bytesRead += chunk?.count ?? 0
        return chunk
    }

    private func nextChunk() throws(BatchError) -> [UInt8]? {
        if let unread {
            self.unread = nil
            return unread
        }
        switch backing {
        case .finished:
            return nil
        case .memory(let bytes, let offset):
            guard offset < bytes.count else {
                backing = .finished
                return nil
            }
            let end = min(bytes.count, offset + chunkSize)
            backing = .memory(bytes, offset: end)
            return Array(bytes[offset..<end])
        case .file(let handle, let closeAtEnd):
            let data: Data?
            do {
                data = try handle.read(upToCount: chunkSize)
            } catch {
                throw .cannotRead(path: name, reason: error.localizedDescription)
            }
            guard let data, !data.isEmpty else {
                if closeAtEnd { try? handle.close() }
                backing = .finished
                return nil
            }
            return [UInt8](data)
        }
    }
}
