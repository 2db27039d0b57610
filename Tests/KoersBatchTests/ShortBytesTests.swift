import Testing

@testable import KoersBatch

/// ``ShortBytes/equal(_:_:)`` compares eight bytes at a time and then byte by byte: every
/// length around the word size, equal and differing at every position.
@Suite struct ShortBytesTests {
    @Test func equalBytesAreEqualAndEveryDifferenceIsFound() {
        for length in 0...20 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: 0x30 + $0) }
            bytes.withUnsafeBufferPointer { left in
                let copy = bytes
                copy.withUnsafeBufferPointer { right in #expect(ShortBytes.equal(left, right)) }
                for position in 0..<length {
                    var changed = bytes
                    changed[position] ^= 0x01
                    changed.withUnsafeBufferPointer { right in
                        #expect(!ShortBytes.equal(left, right), "length \(length), position \(position)")
                    }
                }
                let longer = bytes + [0x30]
                longer.withUnsafeBufferPointer { right in #expect(!ShortBytes.equal(left, right)) }
            }
        }
    }
}
