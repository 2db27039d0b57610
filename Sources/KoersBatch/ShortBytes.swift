/// Comparisons of the short byte strings the fast path of a batch row looks up: keys of a row
/// and the values its memo holds.
enum ShortBytes {
    /// Whether two byte strings are equal, compared eight bytes at a time.
    ///
    /// The strings are short (a key, `30000`, `"ja"`): a call to `memcmp` cost more than the
    /// comparison.
    static func equal(_ stored: UnsafeBufferPointer<UInt8>, _ given: UnsafeBufferPointer<UInt8>) -> Bool {
        guard stored.count == given.count else { return false }
        guard let left = stored.baseAddress, let right = given.baseAddress else { return true }
        let count = given.count
        var offset = 0
        while offset + 8 <= count {
            let a = UnsafeRawPointer(left + offset).loadUnaligned(as: UInt64.self)
            let b = UnsafeRawPointer(right + offset).loadUnaligned(as: UInt64.self)
            if a != b { return false }
            offset += 8
        }
        while offset < count {
            if left[offset] != right[offset] { return false }
            offset += 1
        }
        return true
    }
}
