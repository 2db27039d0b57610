import Foundation

/// Where a run's JSON Lines go: a file, created or emptied first, or standard output.
public final class BatchOutput {
    /// The name used in messages: the path, or `<stdout>`.
    public let name: String
    private let handle: FileHandle
    private let closeAtEnd: Bool

    /// Opens the output.
    ///
    /// - Parameter path: The file to write, or `nil` for standard output.
    /// - Throws: ``BatchError/cannotWrite(path:reason:)`` when the file cannot be created.
    public init(path: String?) throws(BatchError) {
        guard let path, path != "-" else {
            name = "<stdout>"
            handle = FileHandle.standardOutput
            closeAtEnd = false
            return
        }
        name = path
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw .cannotWrite(path: path, reason: "cannot create the file (does its folder exist?)")
        }
        self.handle = handle
        closeAtEnd = true
    }

    deinit {
        if closeAtEnd { try? handle.close() }
    }

    /// Writes bytes.
    ///
    /// - Parameter bytes: The bytes.
    /// - Throws: ``BatchError/cannotWrite(path:reason:)`` when the write fails (a full disk).
    public func write(_ bytes: [UInt8]) throws(BatchError) {
        guard !bytes.isEmpty else { return }
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw .cannotWrite(path: name, reason: error.localizedDescription)
        }
    }
}
