// swift-tools-version:6.2
// libFuzzer targets for Koers, in a package of their own so the main build is unaffected.
// Build and run them with `scripts/fuzz [SECONDS_PER_TARGET]` from the repository root; each
// target reads one kind of input a stranger controls and must never crash or hang on it.
//
// scripts/fuzz compiles every module with the fuzzer's coverage instrumentation
// (`-Xfrontend -sanitize=fuzzer`, so the Koers libraries are covered too) and links
// libclang_rt.fuzzer_no_main; each target's `main` calls libFuzzer's driver (FuzzSupport).
import PackageDescription

func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: "koers") },
        path: "Sources/\(name)"
    )
}

let package = Package(
    name: "koers-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "koers", path: "..")],
    targets: [
        .target(name: "CFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzer"]),
        fuzzTarget("FuzzYAML", ["KoersCore"]),
        fuzzTarget("FuzzPackLoader", ["KoersEngine"]),
        fuzzTarget("FuzzExpression", ["KoersEngine"]),
        fuzzTarget("FuzzAnswersFile", ["KoersEngine"]),
        fuzzTarget("FuzzBatchRows", ["KoersEngine"]),
    ]
)
