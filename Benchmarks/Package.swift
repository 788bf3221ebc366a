// swift-tools-version: 6.1
// A nested package, so that users of the library never build the benchmark dependencies.
import PackageDescription

// A path dependency is known by its folder's name, which differs between clones and worktrees.
let root = Context.packageDirectory.split(separator: "/").dropLast().last.map { String($0).lowercased() } ?? "swift-coi"

let package = Package(
    name: "swift-coi-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Same command line and last output line as ../shared/bench/gmime_bench, for compare.sh.
        .executableTarget(
            name: "mime-throughput",
            dependencies: [
                .product(name: "MIMECore", package: root), .product(name: "MIMECodecs", package: root),
                .product(name: "COILint", package: root),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // Counts allocated bytes and their high-water mark for `pathological`; only that executable
        // links it, so no other target's malloc is replaced.
        .target(name: "CPeakAlloc"),
        // Issue 4's pathological messages at N and 2N: time and peak-memory growth per doubling.
        .executableTarget(
            name: "pathological",
            dependencies: [
                "CPeakAlloc", .product(name: "MIMECore", package: root), .product(name: "MIMEFuzz", package: root),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "ParserBenchmarks",
            dependencies: [
                .product(name: "MIMECore", package: root),
                .product(name: "MIMECodecs", package: root),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ParserBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
