import KoersStorage
import Testing

/// The least-recently-used table behind the store's held documents and the server's kept
/// interview runs.
@Suite struct RecentTableTests {
    @Test("When full, a new key drops the entry used longest ago")
    func dropsTheLeastRecentlyUsed() {
        var table = RecentTable<String, Int>(capacity: 3)
        #expect(table.put(1, for: "a") == nil)
        #expect(table.put(2, for: "b") == nil)
        #expect(table.put(3, for: "c") == nil)
        #expect(table.keysFromNewest == ["c", "b", "a"])

        // Reading "a" makes it the newest: "b" is the oldest now.
        #expect(table.use("a") == 1)
        #expect(table.keysFromNewest == ["a", "c", "b"])
        let dropped = table.put(4, for: "d")
        #expect(dropped?.key == "b")
        #expect(dropped?.value == 2)
        #expect(table.keysFromNewest == ["d", "a", "c"])
        #expect(table.peek("b") == nil)

        // Then "c", then "a", as they were used.
        #expect(table.put(5, for: "e")?.key == "c")
        #expect(table.put(6, for: "f")?.key == "a")
        #expect(table.keysFromNewest == ["f", "e", "d"])
        #expect(table.count == 3)
    }

    @Test("A peek is not a use")
    func peekingKeepsTheOrder() {
        var table = RecentTable<String, Int>(capacity: 2)
        table.put(1, for: "a")
        table.put(2, for: "b")
        #expect(table.peek("a") == 1)
        #expect(table.peek("z") == nil)
        #expect(table.put(3, for: "c")?.key == "a")
        #expect(table.keysFromNewest == ["c", "b"])
    }

    @Test("Putting a held key again replaces its value, makes it the newest and drops nothing")
    func replacing() {
        var table = RecentTable<String, Int>(capacity: 2)
        table.put(1, for: "a")
        table.put(2, for: "b")
        #expect(table.put(10, for: "a") == nil)
        #expect(table.count == 2)
        #expect(table.keysFromNewest == ["a", "b"])
        #expect(table.peek("a") == 10)
        #expect(table.put(3, for: "c")?.key == "b")
    }

    @Test("A value taken out is gone until put back, and comes back as the newest")
    func takingOutAndPuttingBack() {
        var table = RecentTable<String, Int>(capacity: 3)
        table.put(1, for: "a")
        table.put(2, for: "b")
        table.put(3, for: "c")
        #expect(table.take("a") == 1)
        #expect(table.take("a") == nil)
        #expect(table.use("a") == nil)
        #expect(table.count == 2)
        #expect(table.keysFromNewest == ["c", "b"])

        // Its room is free meanwhile: another key fits without dropping one.
        #expect(table.put(4, for: "d") == nil)
        #expect(table.take("a") == nil)
        #expect(table.take("d") == 4)
        #expect(table.put(1, for: "a") == nil)
        #expect(table.keysFromNewest == ["a", "c", "b"])
        #expect(table.take("b") == 2)
        #expect(table.take("a") == 1)
        #expect(table.take("c") == 3)
        #expect(table.isEmpty)
        #expect(table.keysFromNewest == [])

        // Empty again, and usable as new.
        table.put(5, for: "e")
        table.put(6, for: "f")
        #expect(table.keysFromNewest == ["f", "e"])
    }

    @Test("The capacity is at least one, and never exceeded")
    func capacity() {
        var single = RecentTable<Int, Int>(capacity: 0)
        #expect(single.capacity == 1)
        single.put(1, for: 1)
        #expect(single.put(2, for: 2)?.key == 1)
        #expect(single.keysFromNewest == [2])

        var table = RecentTable<Int, Int>(capacity: 8)
        for key in 0..<100 {
            table.put(key * 10, for: key)
            if key.isMultiple(of: 3) { _ = table.use(key / 2) }
            if key.isMultiple(of: 5) { table.take(key - 1) }
            #expect(table.count <= 8)
        }
        #expect(table.count == 8)
        #expect(Set(table.keysFromNewest).count == 8)
        #expect(table.peek(99) == 990)
    }

    @Test("Removing everything empties the table")
    func removingAll() {
        var table = RecentTable<String, Int>(capacity: 2)
        table.put(1, for: "a")
        table.put(2, for: "b")
        table.removeAll()
        #expect(table.isEmpty)
        #expect(table.peek("a") == nil)
        #expect(table.put(3, for: "c") == nil)
        #expect(table.keysFromNewest == ["c"])
    }
}
