public import KoersSource

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Musl)
    internal import Musl
#elseif canImport(Darwin)
    internal import Darwin
#endif

extension YAMLParser {
    /// Reads a file from disk and parses the one YAML document in it.
    ///
    /// The file is read as bytes and checked as ``parse(bytes:path:limits:)`` describes. A
    /// regular file larger than ``Limits/maximumFileSize`` is rejected from its size alone,
    /// without being read. A file that cannot be read gives `cannot read file: <reason>` (for
    /// example `no such file or directory`) at 1:1 of the display path, and no source file.
    ///
    /// - Parameters:
    ///   - path: Where to read the file.
    ///   - displayPath: The path to show in the source file and in locations; `path` when `nil`.
    ///     Pass the path as the user wrote it.
    ///   - limits: Bounds on the input.
    /// - Returns: The source file, when the file could be read and is text within the size
    ///   limit, and the parse result.
    public static func parseFile(
        atPath path: String,
        displayPath: String? = nil,
        limits: Limits = .default
    ) -> (file: SourceFile?, result: YAMLParseResult) {
        let shownPath = displayPath ?? path
        switch FileReader.load(atPath: path, limit: limits.maximumFileSize) {
        case .contents(let bytes):
            return parse(bytes: bytes, path: shownPath, limits: limits)
        case .tooLarge(let size):
            let problem = InputCheck.tooLarge(byteCount: size, path: shownPath, limit: limits.maximumFileSize)
            return (nil, YAMLParseResult(root: nil, diagnostics: [problem]))
        case .failed(let reason):
            let problem = Diagnostic.error(
                "cannot read file: \(reason)",
                nl: "kan het bestand niet lezen: \(reason)",
                at: SourceLocation(file: shownPath, line: 1, column: 1),
                code: "file-unreadable"
            )
            return (nil, YAMLParseResult(root: nil, diagnostics: [problem]))
        }
    }
}

/// Reads whole files with POSIX calls, never more than a limit.
enum FileReader {
    enum Outcome {
        /// The file's bytes.
        case contents([UInt8])
        /// The file is larger than the limit; its size when known.
        case tooLarge(Int?)
        /// The file could not be read, with the system's reason in lower case.
        case failed(String)
    }

    static func load(atPath path: String, limit: Int) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failed(reason(errno)) }
        defer { close(descriptor) }

        var status = stat()
        var expected = 0
        if fstat(descriptor, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFDIR { return .failed(reason(EISDIR)) }
            if status.st_mode & S_IFMT == S_IFREG {
                let size = Int(status.st_size)
                if size > limit { return .tooLarge(size) }
                expected = size
            }
        }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(expected)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress, buffer.count)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failed(reason(errno))
            }
            if count == 0 { return .contents(bytes) }
            bytes.append(contentsOf: chunk[0..<count])
            // The file grew after fstat, or it is not a regular file.
            if bytes.count > limit { return .tooLarge(nil) }
        }
    }

    /// The system's message for an error number, starting in lower case as diagnostics do.
    private static func reason(_ number: Int32) -> String {
        guard let text = strerror(number).map({ String(cString: $0) }), let first = text.first else {
            return "error \(number)"
        }
        return first.lowercased() + text.dropFirst()
    }
}
