/// A set of input slots, such as the unanswered questions an unknown result waits for.
///
/// An evaluation names its inputs by number (a pack gives each question a slot, its position
/// in the pack), so "which answers could still decide this" is a bit set rather than a set of
/// strings: unions are a few `or`s and the members come out in slot order, which is the
/// pack's order. The first 128 slots live inline, so the sets of any bundled pack never
/// allocate; larger slots spill into an array.
///
/// ```swift
/// var missing: InputSet = [3, 7]
/// missing.formUnion([1])
/// Array(missing)  // [1, 3, 7]
/// ```
public struct InputSet: Sendable, Hashable, Sequence, ExpressibleByArrayLiteral, CustomStringConvertible {
    // No default values: the empty set's initializer is then inlined where it is made, instead
    // of calling out to the default of `rest` (the hot paths make empty sets all the time).
    @usableFromInline var low: UInt64
    @usableFromInline var high: UInt64
    /// Words for slots from 128 on; never ends in a zero word, so equal sets are equal values.
    @usableFromInline var rest: [UInt64]

    /// The empty set.
    @inlinable public init() {
        low = 0
        high = 0
        rest = []
    }

    /// A set of the given slots.
    ///
    /// - Parameter slots: The slots, each 0 or more.
    public init(arrayLiteral slots: Int...) {
        self.init()
        for slot in slots { insert(slot) }
    }

    /// A set of the given slots.
    ///
    /// - Parameter slots: The slots, each 0 or more.
    public init(_ slots: some Sequence<Int>) {
        self.init()
        for slot in slots { insert(slot) }
    }

    /// Whether no slot is in the set.
    @inlinable public var isEmpty: Bool { low == 0 && high == 0 && rest.isEmpty }

    /// How many slots are in the set.
    public var count: Int {
        rest.reduce(low.nonzeroBitCount + high.nonzeroBitCount) { $0 + $1.nonzeroBitCount }
    }

    /// Whether a slot is in the set.
    ///
    /// - Parameter slot: The slot.
    /// - Returns: Whether it is a member.
    @inlinable public func contains(_ slot: Int) -> Bool {
        guard slot >= 0 else { return false }
        switch slot {
        case 0..<64: return low & (1 << UInt64(slot)) != 0
        case 64..<128: return high & (1 << UInt64(slot - 64)) != 0
        default:
            let word = (slot - 128) / 64
            return word < rest.count && rest[word] & (1 << UInt64((slot - 128) % 64)) != 0
        }
    }

    /// Adds a slot.
    ///
    /// - Parameter slot: The slot, 0 or more; a negative slot is ignored.
    @inlinable public mutating func insert(_ slot: Int) {
        guard slot >= 0 else { return }
        switch slot {
        case 0..<64: low |= 1 << UInt64(slot)
        case 64..<128: high |= 1 << UInt64(slot - 64)
        default:
            let word = (slot - 128) / 64
            if word >= rest.count { rest.append(contentsOf: repeatElement(0, count: word - rest.count + 1)) }
            rest[word] |= 1 << UInt64((slot - 128) % 64)
        }
    }

    /// Adds every slot of another set.
    ///
    /// - Parameter other: The other set.
    @inlinable public mutating func formUnion(_ other: InputSet) {
        low |= other.low
        high |= other.high
        guard !other.rest.isEmpty else { return }
        if rest.count < other.rest.count {
            rest.append(contentsOf: repeatElement(0, count: other.rest.count - rest.count))
        }
        for (index, word) in other.rest.enumerated() { rest[index] |= word }
    }

    /// The slots in either set.
    ///
    /// - Parameter other: The other set.
    /// - Returns: The union.
    @inlinable public func union(_ other: InputSet) -> InputSet {
        var result = self
        result.formUnion(other)
        return result
    }

    /// The slots of this set that are not in another.
    ///
    /// - Parameter other: The slots to leave out.
    /// - Returns: The difference.
    public func subtracting(_ other: InputSet) -> InputSet {
        var result = self
        result.low &= ~other.low
        result.high &= ~other.high
        for index in result.rest.indices where index < other.rest.count { result.rest[index] &= ~other.rest[index] }
        while result.rest.last == 0 { result.rest.removeLast() }
        return result
    }

    /// Whether the two sets have a slot in common.
    ///
    /// - Parameter other: The other set.
    /// - Returns: Whether they intersect.
    @inlinable public func intersects(_ other: InputSet) -> Bool {
        if low & other.low != 0 || high & other.high != 0 { return true }
        for (mine, theirs) in zip(rest, other.rest) where mine & theirs != 0 { return true }
        return false
    }

    /// The smallest slot in the set, if any.
    public var first: Int? {
        var iterator = makeIterator()
        return iterator.next()
    }

    /// The slots in ascending order.
    public func makeIterator() -> Iterator { Iterator(set: self) }

    /// Iterates over the slots of a set in ascending order.
    public struct Iterator: IteratorProtocol {
        private let set: InputSet
        private var word: UInt64
        private var wordIndex = 0

        init(set: InputSet) {
            self.set = set
            self.word = set.low
        }

        /// The next slot, or `nil` at the end.
        public mutating func next() -> Int? {
            while word == 0 {
                wordIndex += 1
                switch wordIndex {
                case 1: word = set.high
                case let index where index - 2 < set.rest.count: word = set.rest[index - 2]
                default: return nil
                }
            }
            let bit = word.trailingZeroBitCount
            word &= word - 1
            return wordIndex * 64 + bit
        }
    }

    /// The slots, as `[1, 3, 7]`.
    public var description: String { "[" + map(String.init).joined(separator: ", ") + "]" }
}
