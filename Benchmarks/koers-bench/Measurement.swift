import Foundation

/// One benchmark figure: the seconds of each timed round and how many operations a round did.
struct Measurement {
    var name: String
    var seconds: [Double]
    var operationsPerRound: Int
    /// The CPU time of the measuring thread in each round: unlike the wall time, it hardly
    /// grows when other processes share the cores, so before/after runs compare on a busy machine.
    var cpuSeconds: [Double] = []

    var median: Double { seconds.sorted()[seconds.count / 2] }

    func report() {
        let perOperation = median / Double(operationsPerRound)
        let label = name.padding(toLength: max(name.count, 48), withPad: " ", startingAt: 0)
        if operationsPerRound == 1 {
            print(label + String(format: " %10.2f ms (median of %d)", median * 1000, seconds.count))
        } else {
            print(
                label
                    + String(
                        format: " %10.0f /s  %8.3f µs each (median of %d rounds × %d)",
                        1 / perOperation, perOperation * 1_000_000, seconds.count, operationsPerRound
                    )
                    + (cpuSeconds.isEmpty
                        ? ""
                        : String(
                            format: ", CPU %.3f µs",
                            cpuSeconds.sorted()[cpuSeconds.count / 2] / Double(operationsPerRound) * 1_000_000
                        ))
            )
        }
    }
}

func measure(_ name: String, rounds: Int = 7, operations: Int = 1, _ body: () throws -> Void) rethrows -> Measurement {
    try body()  // warm-up
    var seconds: [Double] = []
    var cpuSeconds: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<rounds {
        let cpuStart = threadCPUSeconds()
        let elapsed = try clock.measure { try body() }
        cpuSeconds.append(threadCPUSeconds() - cpuStart)
        seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return Measurement(name: name, seconds: seconds, operationsPerRound: operations, cpuSeconds: cpuSeconds)
}

/// What the kernel counts for every child process waited for so far (`getrusage(RUSAGE_CHILDREN)`):
/// the cold-start figures read its CPU time, the batch figures its peak memory.
struct ChildUsage {
    /// User plus system seconds of all children waited for.
    var cpuSeconds: Double
    /// The largest resident set of any child waited for, in MiB.
    var peakMemoryMiB: Double

    /// The usage now; zeros when the kernel does not answer.
    static func current() -> ChildUsage {
        let unavailable = ChildUsage(cpuSeconds: 0, peakMemoryMiB: 0)
        var usage = rusage()
        #if os(Linux)
            guard getrusage(RUSAGE_CHILDREN.rawValue, &usage) == 0 else { return unavailable }
            let bytesPerMaxRSSUnit = 1024.0  // Linux reports KiB
        #else
            guard getrusage(RUSAGE_CHILDREN, &usage) == 0 else { return unavailable }
            let bytesPerMaxRSSUnit = 1.0  // macOS reports bytes
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return ChildUsage(
            cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime),
            peakMemoryMiB: Double(usage.ru_maxrss) * bytesPerMaxRSSUnit / 1_048_576
        )
    }
}

/// The CPU time the calling thread has used, in seconds.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
