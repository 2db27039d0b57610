import Foundation

/// A submitted `multipart/form-data` form (RFC 7578): an upload form's text fields and files.
///
/// Only what the pages' upload form sends is read: parts with a `Content-Disposition: form-data`
/// header naming the field (and the file); a part's body is kept as bytes.
struct MultipartForm: Sendable {
    /// One part.
    struct Part: Sendable {
        /// The field's name.
        var name: String
        /// The file's name, for a file.
        var fileName: String?
        /// The body.
        var data: Data
    }

    /// The parts, in order.
    var parts: [Part]

    /// Reads a body given its `Content-Type` header.
    ///
    /// - Returns: The form, or `nil` when the type is not `multipart/form-data` with a boundary,
    ///   or the body does not follow it.
    init?(contentType: String?, body: Data) {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        var boundary: String?
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                boundary = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        guard let boundary, !boundary.isEmpty else { return nil }
        let delimiter = Data("--\(boundary)".utf8)
        let bytes = body
        var parts: [Part] = []
        guard var cursor = bytes.range(of: delimiter)?.upperBound else { return nil }
        while true {
            // After a delimiter: "--" ends the form, else CRLF and a part.
            if bytes[cursor...].starts(with: Data("--".utf8)) { break }
            guard bytes[cursor...].starts(with: Data("\r\n".utf8)) else { return nil }
            cursor += 2
            guard let headerEnd = bytes.range(of: Data("\r\n\r\n".utf8), in: cursor..<bytes.endIndex) else { return nil }
            let headers = String(decoding: bytes[cursor..<headerEnd.lowerBound], as: UTF8.self)
            let next = bytes.range(of: Data("\r\n".utf8) + delimiter, in: headerEnd.upperBound..<bytes.endIndex)
            guard let next else { return nil }
            if let part = Self.part(headers: headers, data: Data(bytes[headerEnd.upperBound..<next.lowerBound])) {
                parts.append(part)
            }
            cursor = next.upperBound
        }
        self.parts = parts
    }

    /// The first text field with a name, trimmed.
    subscript(name: String) -> String? {
        parts.first { $0.name == name && $0.fileName == nil }
            .map { String(decoding: $0.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// The first file of a field.
    func file(_ name: String) -> Part? {
        parts.first { $0.name == name && $0.fileName != nil }
    }

    private static func part(headers: String, data: Data) -> Part? {
        for line in headers.components(separatedBy: "\r\n") {
            let pieces = line.split(separator: ":", maxSplits: 1)
            guard pieces.count == 2, pieces[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition"
            else { continue }
            var name: String?
            var fileName: String?
            for parameter in pieces[1].split(separator: ";").dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2 else { continue }
                let value = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2
                    ? String(pair[1].dropFirst().dropLast()) : pair[1]
                switch pair[0].lowercased() {
                case "name": name = value
                case "filename": fileName = value
                default: break
                }
            }
            guard let name else { return nil }
            return Part(name: name, fileName: fileName, data: data)
        }
        return nil
    }
}
