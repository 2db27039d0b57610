import Foundation

/// Times a cold `koers check` as a user runs it: a new process each time, the packs compiled
/// into the binary, one answers file. What counts is the CPU time the operating system charged
/// to each finished child (user + system), so the figure holds when the machine is shared; the
/// wall time is printed beside it.
struct ColdStartBenchmark {
    /// The binaries to time, each with a label: the build as it is, and (when given) the same
    /// objects linked statically as a release ships them.
    let binaries: [(label: String, url: URL)]
    let answersFile: URL
    let quick: Bool

    func run() throws {
        guard FileManager.default.fileExists(atPath: answersFile.path) else {
            print("cold check: skipped, no answers file at \(answersFile.path)")
            return
        }
        let runs = quick ? 15 : 40
        print("cold `koers check set-eligibility --answers \(answersFile.lastPathComponent)`, \(runs) runs, median:")
        for (label, url) in binaries {
            guard FileManager.default.isExecutableFile(atPath: url.path) else {
                print("  \(padded(label)) skipped, no binary at \(url.path)")
                continue
            }
            for _ in 0..<3 { _ = try timedRun(url) }
            var cpu: [Double] = []
            var wall: [Double] = []
            for _ in 0..<runs {
                let run = try timedRun(url)
                cpu.append(run.cpu)
                wall.append(run.wall)
            }
            print(
                "  \(padded(label))"
                    + String(
                        format: " %6.1f ms CPU, %6.1f ms wall (CPU min %.1f, max %.1f)",
                        median(cpu) * 1000, median(wall) * 1000, (cpu.min() ?? 0) * 1000, (cpu.max() ?? 0) * 1000
                    )
            )
        }
    }

    /// One run of the binary: the CPU seconds charged to it and the seconds it took.
    private func timedRun(_ binary: URL) throws -> (cpu: Double, wall: Double) {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["check", "set-eligibility", "--answers", answersFile.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let before = ChildUsage.current().cpuSeconds
        let elapsed = try ContinuousClock().measure {
            try process.run()
            process.waitUntilExit()
        }
        guard process.terminationStatus == 0 else {
            throw BenchmarkError("\(binary.path) check exited with status \(process.terminationStatus)")
        }
        return (ChildUsage.current().cpuSeconds - before, elapsed.seconds)
    }

    private func padded(_ label: String) -> String {
        label.padding(toLength: max(label.count, 28), withPad: " ", startingAt: 0)
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[sorted.count / 2]
    }
}
