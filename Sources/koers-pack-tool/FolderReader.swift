import Foundation

/// Lists and reads every file under a folder, for embedding.
enum FolderReader {
    /// A file or folder that cannot be read.
    struct ReadProblem: Error {
        /// What went wrong.
        var message: String
    }

    /// Every regular file under a folder, following no symbolic links to folders and skipping
    /// names that start with `.` (such as `.DS_Store` or editor swap files), sorted by path.
    ///
    /// - Parameter root: The folder.
    /// - Returns: Each file's path relative to the folder (components joined by `/`) and bytes.
    /// - Throws: ``ReadProblem`` when the folder or a file cannot be read.
    static func files(under root: String) throws(ReadProblem) -> [(path: String, contents: [UInt8])] {
        var found: [(path: String, contents: [UInt8])] = []
        try collect(root, relative: "", into: &found)
        // Byte order of the UTF-8 paths, so the output is the same on every machine.
        return found.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    }

    private static func collect(
        _ folder: String,
        relative: String,
        into found: inout [(path: String, contents: [UInt8])]
    ) throws(ReadProblem) {
        let manager = FileManager.default
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: folder)
        } catch {
            throw ReadProblem(message: "cannot read folder '\(folder)': \(error.localizedDescription)")
        }
        for name in names where !name.hasPrefix(".") {
            let path = folder + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                try collect(path, relative: relativePath, into: &found)
            } else {
                guard let data = manager.contents(atPath: path) else {
                    throw ReadProblem(message: "cannot read file '\(path)'")
                }
                found.append((relativePath, [UInt8](data)))
            }
        }
    }
}
