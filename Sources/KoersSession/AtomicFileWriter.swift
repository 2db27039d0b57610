import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a file's contents so that a crash at any moment leaves either the old file or the
/// new one, complete, and never a mix or an empty file.
///
/// The steps: write to a new temporary file in the same folder, `fsync` it, `rename` it over
/// the target (atomic within one file system), then `fsync` the folder so the rename itself is
/// on disk. An existing file's permissions are kept.
enum AtomicFileWriter {
    /// Writes data to a path atomically and durably.
    ///
    /// - Parameters:
    ///   - path: The file to replace or create.
    ///   - data: The new contents.
    /// - Throws: ``SessionError/writeFailed(path:step:reason:)`` with the step and the system's
    ///   reason; the temporary file is removed and the target left as it was.
    static func replaceContents(of path: String, with data: Data) throws(SessionError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + ".tmp-"
        let temporary = folder + "/" + prefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"

        var mode: mode_t = 0o644
        var status = stat()
        if stat(path, &status) == 0 { mode = status.st_mode & 0o7777 }

        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw failure(path, "creating a temporary file in '\(folder)'")
        }
        var isOpen = true
        do throws(SessionError) {
            if fchmod(descriptor, mode) != 0 { throw failure(path, "setting the permissions of the temporary file") }
            try writeAll(data, to: descriptor, path: path)
            if fsync(descriptor) != 0 { throw failure(path, "fsync of the temporary file") }
            isOpen = false
            if close(descriptor) != 0 { throw failure(path, "closing the temporary file") }
            if rename(temporary, path) != 0 { throw failure(path, "renaming the temporary file over the session file") }
        } catch {
            if isOpen { close(descriptor) }
            unlink(temporary)
            throw error
        }
        try syncFolder(folder, path: path)
        removeAbandoned(prefix: prefix, in: folder)
    }

    /// Removes temporary files that a process killed in the middle of a save left behind.
    ///
    /// Only those of this target whose process no longer runs; they never hold the only copy of
    /// anything.
    private static func removeAbandoned(prefix: String, in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let pid = rest.split(separator: "-").first.flatMap({ pid_t($0) }), pid != getpid() else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { unlink(folder + "/" + name) }
        }
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(SessionError) {
        let result: SessionError? = data.withUnsafeBytes { buffer -> SessionError? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return failure(path, "writing the temporary file")
                }
                offset += written
            }
            return nil
        }
        if let result { throw result }
    }

    /// Makes a rename in a folder durable.
    private static func syncFolder(_ folder: String, path: String) throws(SessionError) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, "opening the folder '\(folder)' to sync it") }
        defer { close(descriptor) }
        // Some file systems do not support fsync on a folder; the rename has happened either way.
        if fsync(descriptor) != 0, errno != EINVAL, errno != ENOTSUP {
            throw failure(path, "fsync of the folder '\(folder)'")
        }
    }

    /// The error for a failed step, with the current `errno` as the reason.
    static func failure(_ path: String, _ step: String) -> SessionError {
        .writeFailed(path: path, step: step, reason: String(cString: strerror(errno)))
    }
}
