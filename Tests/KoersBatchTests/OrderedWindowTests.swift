@testable import KoersBatch
import Testing

/// The bookkeeping that bounds memory and keeps output in order.
@Suite struct OrderedWindowTests {
    @Test func neverHoldsMoreThanItsBoundsAndReleasesInOrder() {
        var generator = SplitMix(seed: 42)
        for (maxRunning, maxPending) in [(1, 1), (1, 2), (2, 4), (4, 8), (3, 3)] {
            var window = OrderedWindow<Int>(maxRunning: maxRunning, maxPending: maxPending)
            var running: [Int] = []
            var released: [Int] = []
            let total = 500
            while released.count < total {
                while window.canSubmit, window.submitted < total {
                    running.append(window.submit())
                }
                #expect(running.count <= maxRunning)
                #expect(window.pending <= maxPending)
                // Finish a random running chunk, as tasks of uneven length would.
                let pick = Int(generator.next() % UInt64(running.count))
                let index = running.remove(at: pick)
                released += window.finish(index, index)
            }
            #expect(released == Array(0..<total))
            #expect(window.pending == 0)
        }
    }

    @Test func waitsForTheOldestChunkBeforeTakingMore() {
        var window = OrderedWindow<String>(maxRunning: 2, maxPending: 3)
        #expect(window.submit() == 0)
        #expect(window.submit() == 1)
        #expect(!window.canSubmit)  // two running
        #expect(window.finish(1, "b").isEmpty)  // chunk 0 still runs
        #expect(window.canSubmit)
        #expect(window.submit() == 2)
        #expect(window.finish(2, "c").isEmpty)
        #expect(!window.canSubmit)  // three held, though only one runs
        #expect(window.finish(0, "a") == ["a", "b", "c"])
        #expect(window.canSubmit)
    }
}

/// A small deterministic random number generator for tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The progress line shown on a terminal.
@Suite struct TerminalProgressTests {
    @Test func lineShowsTheBarWhenTheSizeIsKnown() {
        let progress = BatchProgress(rows: 4_500, elapsed: .seconds(1.5), bytesRead: 45, totalBytes: 100)
        #expect(TerminalProgress.line(for: progress) == "[##########--------------] 45%  4500 rows  3000 rows/s  1.5 s")
        let piped = BatchProgress(rows: 10, elapsed: .seconds(2), bytesRead: 45, totalBytes: nil)
        #expect(TerminalProgress.line(for: piped) == "10 rows  5 rows/s  2.0 s")
    }

    @Test func disabledDisplayWritesNothing() {
        var display = TerminalProgress(enabled: false)
        display.update(BatchProgress(rows: 1, elapsed: .seconds(1), bytesRead: 1, totalBytes: 1))
        display.clear()
        #expect(!display.isEnabled)
    }
}
