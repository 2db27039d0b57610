// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "koers",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "koers", targets: ["koers"]),
        .library(name: "KoersCore", targets: ["KoersCore"]),
        // The engine without storage or server, for the libFuzzer targets in Fuzz/.
        .library(name: "KoersEngine", targets: ["KoersBuiltins", "KoersInterview", "KoersBatch"]),
        .plugin(name: "LintRules", targets: ["LintRules"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // GET /metrics of `koers serve` (KoersServer only).
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // `swift package generate-documentation` (scripts/docs); no target depends on it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // C
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),

        // Libraries (each imports only the ones listed before it)
        .target(name: "KoersSource"),
        .target(name: "KoersYAML", dependencies: ["KoersSource", "CLibYAML"]),
        .target(name: "KoersExpression", dependencies: ["KoersSource"]),
        .target(name: "KoersCore", dependencies: ["KoersSource", "KoersYAML", "KoersExpression"]),
        .target(name: "KoersBusinessCase", dependencies: ["KoersCore", "KoersExpression"]),
        .target(name: "KoersBuiltins", dependencies: ["KoersCore", "KoersExpression", "KoersBusinessCase"]),
        .target(name: "KoersInterview", dependencies: ["KoersCore", "KoersExpression", "KoersSource", "KoersYAML"]),
        // The check document, explanations and value formatting: what every front end shows.
        .target(name: "KoersPresentation", dependencies: ["KoersInterview", "KoersCore", "KoersExpression", "KoersSource"]),
        .target(
            name: "KoersSession",
            dependencies: ["KoersInterview", "KoersCore", "KoersExpression", "KoersSource", "KoersYAML"]
        ),
        .target(
            name: "KoersBatch",
            dependencies: ["KoersInterview", "KoersPresentation", "KoersCore", "KoersExpression", "KoersSource"]
        ),
        .target(
            name: "KoersReport",
            dependencies: [
                "KoersInterview", "KoersPresentation", "KoersSession", "KoersCore", "KoersExpression", "KoersYAML",
                "KoersSource", .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Templates"],
            plugins: ["EmbedTemplates"]
        ),
        .target(
            name: "KoersStorage",
            dependencies: [
                "KoersSession", "KoersSource", "KoersExpression",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "KoersServer",
            dependencies: [
                "KoersStorage", "KoersReport", "KoersSession", "KoersInterview", "KoersPresentation", "KoersCore",
                "KoersExpression", "KoersSource",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            exclude: ["Templates", "OpenAPI"],
            plugins: ["EmbedTemplates"]
        ),
        // The packs of Rules/, checked and compiled in by the EmbedRules plugin (see Plugins/README.md).
        .target(name: "KoersBundledPacks", plugins: ["EmbedRules"]),

        // Executables
        .executableTarget(
            name: "koers",
            dependencies: [
                "KoersCore", "KoersBuiltins", "KoersExpression", "KoersInterview", "KoersPresentation", "KoersSession",
                "KoersSource", "KoersBatch", "KoersReport", "KoersStorage", "KoersServer", "KoersBundledPacks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["BuildInfo"]
        ),
        // The tool behind the plugins: lint packs, embed a folder as Swift source.
        .executableTarget(name: "koers-pack-tool", dependencies: ["KoersCore", "KoersBuiltins", "KoersSource"]),
        .executableTarget(
            name: "koers-bench",
            dependencies: ["KoersCore", "KoersBuiltins", "KoersExpression", "KoersInterview", "KoersBatch"],
            path: "Benchmarks/koers-bench"
        ),

        // SwiftPM plugins (Plugins/README.md)
        .plugin(
            name: "LintRules",
            capability: .command(
                intent: .custom(verb: "lint-rules", description: "Check the rule packs in Rules/ and in the folders given")
            ),
            dependencies: ["koers-pack-tool"]
        ),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["koers-pack-tool"]),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["koers-pack-tool"]),
        // The git commit for koers --version ("unknown" when built without git).
        .plugin(name: "BuildInfo", capability: .buildTool()),

        // Tests
        .target(
            name: "KoersTestSupport",
            dependencies: ["KoersExpression", "KoersCore", "KoersBuiltins", "KoersInterview"],
            path: "Tests/KoersTestSupport"
        ),
        .testTarget(name: "KoersSourceTests", dependencies: ["KoersSource"]),
        // Slow: runs `swift package lint-rules` and `swift build` on a copy of the package.
        .testTarget(name: "KoersPluginTests", dependencies: ["KoersTestSupport"]),
        .testTarget(
            name: "KoersBusinessCaseTests",
            dependencies: ["KoersBusinessCase", "KoersCore", "KoersExpression", "KoersBuiltins"]
        ),
        .testTarget(
            name: "KoersYAMLTests",
            dependencies: ["KoersYAML", "KoersSource", "KoersTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "KoersExpressionTests",
            dependencies: ["KoersExpression", "KoersBuiltins"]
        ),
        .testTarget(
            name: "KoersCoreTests",
            dependencies: ["KoersCore", "KoersBuiltins", "KoersExpression", "KoersSource", "KoersTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "KoersInterviewTests",
            dependencies: [
                "KoersInterview", "KoersPresentation", "KoersCore", "KoersBuiltins", "KoersExpression", "KoersSource",
                "KoersTestSupport",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "KoersPresentationTests",
            dependencies: ["KoersPresentation", "KoersInterview", "KoersSession", "KoersCore", "KoersExpression"]
        ),
        .testTarget(
            name: "KoersCLITests",
            dependencies: ["KoersTestSupport", "KoersSession", "KoersInterview", "KoersCore", "KoersBuiltins", "KoersExpression"]
        ),
        .testTarget(
            name: "KoersBatchTests",
            dependencies: ["KoersBatch", "KoersInterview", "KoersCore", "KoersBuiltins", "KoersExpression", "KoersTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "KoersReportTests",
            dependencies: [
                "KoersReport", "KoersInterview", "KoersSession", "KoersCore", "KoersBuiltins", "KoersExpression",
                "KoersSource", "KoersTestSupport",
            ]
        ),
        .testTarget(
            name: "KoersStorageTests",
            dependencies: [
                "KoersStorage", "KoersSession", "KoersInterview", "KoersCore", "KoersExpression", "KoersBuiltins",
                "KoersTestSupport", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "KoersServerTests",
            dependencies: [
                "KoersServer", "KoersStorage", "KoersBuiltins", "KoersTestSupport",
                // The kept interview runs against the engine (InterviewRunsTests).
                "KoersCore", "KoersExpression", "KoersInterview", "KoersSession",
                // In-process tests of the router (InProcess/).
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "KoersSessionTests",
            dependencies: [
                "KoersSession", "KoersInterview", "KoersCore", "KoersBuiltins", "KoersExpression", "KoersSource",
                "KoersTestSupport",
            ]
        ),
    ]
)

// Shared settings (pattern: apple/swift-log's Package.swift).
for target in package.targets where [.executable, .test, .regular].contains(target.type) {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),  // SE-0335
        .enableUpcomingFeature("MemberImportVisibility"),  // SE-0444
        .enableUpcomingFeature("InternalImportsByDefault"),  // SE-0409
    ]
}
