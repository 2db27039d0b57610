/// A table of at most ``capacity`` entries that makes room by dropping the one used longest ago.
///
/// The least-recently-used order is kept as a list threaded through the entries' slots, so
/// every operation costs a dictionary look-up and a few index updates, whatever the capacity:
/// no use clock, and no scan of the whole table to find the oldest entry.
///
/// A value is *used* when it is put in (``put(_:for:)``) or read with ``use(_:)``; ``peek(_:)``
/// reads without counting as a use. ``take(_:)`` removes an entry so that one task works on it
/// alone, and ``put(_:for:)`` puts it back as the most recent.
///
/// ```swift
/// var table = RecentTable<String, Int>(capacity: 2)
/// table.put(1, for: "a")
/// table.put(2, for: "b")
/// _ = table.use("a")          // "b" is now the oldest
/// table.put(3, for: "c")      // drops "b"
/// table.keysFromNewest        // ["c", "a"]
/// ```
///
/// Not synchronized: a table shared between tasks belongs inside a `Mutex`. Its operations are
/// inlinable, so that a table of another module is specialized for its key and value types.
package struct RecentTable<Key: Hashable, Value> {
    /// One entry, linked to its neighbours in the order of use (`nil` value: a free slot).
    @usableFromInline
    struct Slot {
        @usableFromInline var key: Key
        @usableFromInline var value: Value?
        /// The slot used just before this one, `-1` for none (this is the oldest).
        @usableFromInline var older: Int
        /// The slot used just after this one, `-1` for none (this is the newest).
        @usableFromInline var newer: Int

        @inlinable
        init(key: Key, value: Value?, older: Int, newer: Int) {
            self.key = key
            self.value = value
            self.older = older
            self.newer = newer
        }
    }

    /// The most entries held (at least 1).
    package let capacity: Int
    /// The entries, and free slots left by entries taken out.
    @usableFromInline var slots: [Slot] = []
    /// Each key's slot.
    @usableFromInline var positions: [Key: Int] = [:]
    /// The slots free for reuse.
    @usableFromInline var freeSlots: [Int] = []
    /// The slot used last, `-1` when the table is empty.
    @usableFromInline var newest = -1
    /// The slot used longest ago, `-1` when the table is empty.
    @usableFromInline var oldest = -1

    /// Creates an empty table.
    ///
    /// - Parameter capacity: The most entries held; less than 1 counts as 1.
    @inlinable
    package init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The number of entries held.
    @inlinable
    package var count: Int { positions.count }

    /// Whether the table holds no entry.
    @inlinable
    package var isEmpty: Bool { positions.isEmpty }

    /// The keys held, the most recently used first (for tests and diagnostics; linear).
    @inlinable
    package var keysFromNewest: [Key] {
        var keys: [Key] = []
        keys.reserveCapacity(count)
        var position = newest
        while position >= 0 {
            keys.append(slots[position].key)
            position = slots[position].older
        }
        return keys
    }

    /// The value held for a key, without counting as a use.
    ///
    /// - Parameter key: The key.
    /// - Returns: The value, or `nil` when none is held.
    @inlinable
    package func peek(_ key: Key) -> Value? {
        positions[key].flatMap { slots[$0].value }
    }

    /// The value held for a key, which becomes the most recently used.
    ///
    /// - Parameter key: The key.
    /// - Returns: The value, or `nil` when none is held.
    @inlinable
    package mutating func use(_ key: Key) -> Value? {
        guard let position = positions[key] else { return nil }
        moveToNewest(position)
        return slots[position].value
    }

    /// Removes a key's entry and gives its value, for a task to work on alone until it puts the
    /// value back with ``put(_:for:)``.
    ///
    /// - Parameter key: The key.
    /// - Returns: The value, or `nil` when none is held.
    @inlinable
    @discardableResult
    package mutating func take(_ key: Key) -> Value? {
        guard let position = positions.removeValue(forKey: key) else { return nil }
        unlink(position)
        let value = slots[position].value
        slots[position].value = nil
        freeSlots.append(position)
        return value
    }

    /// Holds a value for a key as the most recently used, in place of any value it had; when
    /// the key is new and the table is full, the least recently used entry is dropped first.
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - key: The key.
    /// - Returns: The entry dropped to make room, if any.
    @inlinable
    @discardableResult
    package mutating func put(_ value: Value, for key: Key) -> (key: Key, value: Value)? {
        if let position = positions[key] {
            slots[position].value = value
            moveToNewest(position)
            return nil
        }
        var dropped: (key: Key, value: Value)?
        if positions.count >= capacity, oldest >= 0 {
            let oldestKey = slots[oldest].key
            if let value = take(oldestKey) { dropped = (oldestKey, value) }
        }
        let slot = Slot(key: key, value: value, older: -1, newer: -1)
        let position: Int
        if let free = freeSlots.popLast() {
            position = free
            slots[position] = slot
        } else {
            position = slots.count
            slots.append(slot)
        }
        link(position)
        positions[key] = position
        return dropped
    }

    /// Removes every entry.
    @inlinable
    package mutating func removeAll() {
        slots = []
        positions = [:]
        freeSlots = []
        newest = -1
        oldest = -1
    }

    /// Makes a held slot the newest.
    @inlinable
    mutating func moveToNewest(_ position: Int) {
        guard position != newest else { return }
        unlink(position)
        link(position)
    }

    /// Puts a slot that is in no list at the newest end of the list.
    @inlinable
    mutating func link(_ position: Int) {
        slots[position].older = newest
        slots[position].newer = -1
        if newest >= 0 { slots[newest].newer = position }
        newest = position
        if oldest < 0 { oldest = position }
    }

    /// Takes a slot out of the list, joining its neighbours.
    @inlinable
    mutating func unlink(_ position: Int) {
        let older = slots[position].older
        let newer = slots[position].newer
        if older >= 0 { slots[older].newer = newer } else { oldest = newer }
        if newer >= 0 { slots[newer].older = older } else { newest = older }
        slots[position].older = -1
        slots[position].newer = -1
    }
}

extension RecentTable: Sendable where Key: Sendable, Value: Sendable {}

extension RecentTable.Slot: Sendable where Key: Sendable, Value: Sendable {}
