extension Substring {
    /// The text without white space (spaces, tabs, line breaks, and Unicode spaces such as a
    /// no-break space) at either end.
    ///
    /// Answers pass through this on every read, in batches a million times, so it stays in
    /// Swift's own string views: the common answer with nothing to trim costs a look at its
    /// first and last byte, and no bridge to `NSString` is crossed.
    public func trimmingWhitespace() -> String {
        guard let first = utf8.first, let last = utf8.last else { return "" }
        // A printable ASCII byte at both ends: nothing to trim.
        if first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return String(self) }
        var start = unicodeScalars.startIndex
        var end = unicodeScalars.endIndex
        while start < end, unicodeScalars[start].properties.isWhitespace {
            start = unicodeScalars.index(after: start)
        }
        while end > start, unicodeScalars[unicodeScalars.index(before: end)].properties.isWhitespace {
            end = unicodeScalars.index(before: end)
        }
        return String(unicodeScalars[start..<end])
    }
}

extension String {
    /// The text without white space at either end; see `Substring.trimmingWhitespace()`.
    public func trimmingWhitespace() -> String {
        self[...].trimmingWhitespace()
    }
}
