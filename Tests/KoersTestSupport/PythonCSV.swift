public import Foundation

/// Reads CSV the way an analyst's script does: with Python's `csv` module (`python3` on PATH),
/// so tests of the CSV outputs check them against an independent, standard reader.
public enum PythonCSV {
    /// A CSV file as Python's `csv.DictReader` sees it.
    public struct Table: Sendable {
        /// The header row.
        public var header: [String]
        /// The rows, each by column name.
        public var rows: [[String: String]]
    }

    /// Reads CSV text with `csv.DictReader(strict=True)`.
    ///
    /// - Parameter text: The CSV text.
    /// - Returns: The header and rows.
    /// - Throws: When python3 is missing or the text is not valid CSV for it.
    public static func read(_ text: String) throws -> Table {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("data.csv")
        try Data(text.utf8).write(to: file)
        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline="", encoding="utf-8") as f:
                reader = csv.DictReader(f, strict=True)
                rows = list(reader)
                print(json.dumps({"header": reader.fieldnames or [], "rows": rows}))
            """
        let output = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, file.path], in: folder
        )
        guard output.status == 0,
              let object = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
        else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "python3 could not read the CSV: \(output.standardError)"])
        }
        return Table(header: object["header"] as? [String] ?? [], rows: object["rows"] as? [[String: String]] ?? [])
    }
}
