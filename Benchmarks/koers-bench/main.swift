// koers-bench: measures what Koers must do fast.
//
//   scripts/bench                 (release build of koers-bench and koers, then this)
//   scripts/bench --quick         (a smaller run: 10,000 batch rows, fewer rounds)
//   scripts/bench --rules DIR     (another folder of packs)
//   scripts/bench --rows N        (batch rows; 100,000 by default)
//   scripts/bench --koers PATH    (the koers binary to time; default: next to koers-bench)
//   koers-bench --koers-static PATH
//                                 (also time the cold check of this statically linked koers,
//                                 as a release ships it; scripts/bench links and passes one)
//   koers-bench --engine          (only the engine figures: the next-question step, evaluating
//                                 and deciding the pack; for profiling and before/after runs)
//   scripts/bench --write-answers FILE [--rows N]
//                                 (only write the synthetic answers, for profiling koers batch)
//
// Reports the median of several timed rounds after a warm-up, so one slow round does not
// decide the figure.
import Foundation
import KoersBuiltins
import KoersCore

let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let quick = arguments.contains("--quick")
let engineOnly = arguments.contains("--engine")
let rulesDirectory = option("--rules") ?? "Rules"
let rows = option("--rows").flatMap(Int.init) ?? (quick ? 10_000 : 100_000)
let koers = option("--koers").map { URL(fileURLWithPath: $0) }
    ?? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    .appendingPathComponent("koers")

do {
    let registry = try BuiltinPlugins.registry()
    let loader = RulePackLoader(registry: registry)
    let catalog = PackCatalog(roots: [rulesDirectory])
    let results = catalog.loadAll(with: loader)
    let questions = results.compactMap(\.pack).reduce(0) { $0 + $1.questions.count }
    print(
        "Koers benchmark — \(results.count) bundled pack(s), \(questions) questions, "
            + "\(ProcessInfo.processInfo.activeProcessorCount) cores\(quick ? " (quick)" : "")"
    )
    for result in results where result.hasErrors {
        print("warning: \(result.directory) has errors; run koers validate")
    }
    print()

    if !arguments.contains("--write-answers") && !engineOnly {
        try ExpressionBenchmarks.run(catalog: catalog, loader: loader, registry: registry, quick: quick)
        print()
    }

    let eligibility = results.compactMap(\.pack).first { $0.id == "set-eligibility" }
    if let path = option("--write-answers") {
        guard let eligibility else { throw BenchmarkError("no valid set-eligibility pack in \(rulesDirectory)") }
        let size = try SyntheticAnswers(pack: eligibility, seed: BatchBenchmarks.seed)
            .write(rows: rows, to: URL(fileURLWithPath: path))
        print("wrote \(rows) rows (\(size) bytes) to \(path)")
        exit(0)
    }

    if let pack = eligibility {
        let batch = BatchBenchmarks(
            pack: pack, registry: registry, rulesDirectory: rulesDirectory, koers: koers, rows: rows, quick: quick,
            engineOnly: engineOnly
        )
        try await batch.run()
    } else {
        print("batch benchmarks: skipped, no valid set-eligibility pack in \(rulesDirectory)")
    }
    if engineOnly { exit(0) }
    print()
    var binaries = [(label: "koers (as built)", url: koers)]
    if let path = option("--koers-static") {
        binaries.append((label: "koers (linked as released)", url: URL(fileURLWithPath: path)))
    }
    try ColdStartBenchmark(
        binaries: binaries, answersFile: URL(fileURLWithPath: "examples/answers/set-klein-2021.yaml"), quick: quick
    ).run()
} catch {
    FileHandle.standardError.write(Data("koers-bench: \(error)\n".utf8))
    exit(1)
}
