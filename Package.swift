// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

// The target list is split by area so that work on one area does not touch the others' lines.

/// The MIME / RFC 5322 core: no network, no COI.
let coreTargets: [Target] = [
    // System ICU (Debian: libicu-dev) behind plain C declarations, reached only through
    // MIMECharset; see Sources/CICU/include/CICU.h for why no ICU type is visible.
    .target(
        name: "CICU",
        linkerSettings: [.linkedLibrary("icuuc")]
    ),
    // memchr/memmem wrappers: Glibc's Swift overlay does not expose memmem.
    .target(name: "CMIMEScan"),
    .target(
        name: "MIMECharset",
        dependencies: ["CICU"],
        swiftSettings: strictSettings
    ),
    .target(
        name: "MIMECodecs",
        dependencies: ["MIMECharset", "CMIMEScan"],
        swiftSettings: strictSettings
    ),
    .target(
        name: "MIMECore",
        dependencies: ["MIMECodecs", "MIMECharset", "CMIMEScan"],
        swiftSettings: strictSettings
    ),
    // Test helpers shared by the test targets (a seeded generator); not a product.
    .target(name: "TestSupport", path: "Sources/TestSupport", swiftSettings: strictSettings),
    .testTarget(name: "MIMECharsetTests", dependencies: ["MIMECharset"], swiftSettings: strictSettings),
    .testTarget(name: "MIMECodecsTests", dependencies: ["MIMECodecs", "MIMECharset", "TestSupport"], swiftSettings: strictSettings),
    .testTarget(name: "MIMECoreTests", dependencies: ["MIMECore", "MIMECodecs", "MIMECharset", "TestSupport"], swiftSettings: strictSettings),
]

/// The COI client layer (issue 5) and the microformats it carries.
let coiProducts: [Product] = [
    .library(name: "COI", targets: ["COI"]),
    .library(name: "COIMicroformats", targets: ["COIMicroformats"]),
]

let coiTargets: [Target] = [
    .target(
        name: "COI",
        dependencies: [
            "MIMECore", "MIMECodecs", "MIMECharset", "COIMicroformats",
            .product(name: "Crypto", package: "swift-crypto"),
        ],
        swiftSettings: strictSettings
    ),
    .testTarget(
        name: "COITests",
        dependencies: ["COI", "COIMicroformats", "MIMECore", "MIMECodecs", "MIMECharset", "TestSupport"],
        swiftSettings: strictSettings
    ),
    // libxml2's headers (pkg-config libxml-2.0) for CLibXML2's C sources only: the include path
    // comes from pkg-config, so no unsafeFlags are needed, and no Swift module imports this one.
    .systemLibrary(
        name: "CLibXML2Headers",
        pkgConfig: "libxml-2.0",
        providers: [.apt(["libxml2-dev"])]
    ),
    // libxml2's HTML parser behind a header that names no libxml2 type: Debian builds libxml2
    // with ICU, whose headers clash with Foundation's private ICU in any Swift module seeing both.
    .target(
        name: "CLibXML2",
        dependencies: ["CLibXML2Headers"],
        linkerSettings: [.linkedLibrary("xml2")]
    ),
    .target(
        name: "COIMicroformats",
        dependencies: ["CLibXML2", "MIMECodecs"],
        swiftSettings: strictSettings
    ),
    .testTarget(
        name: "COIMicroformatsTests",
        dependencies: ["COIMicroformats", "MIMECodecs", "TestSupport"],
        swiftSettings: strictSettings
    ),
]

/// coi-lint: the rules as a library, and the command.
let lintTargets: [Target] = [
    .target(
        name: "COILint",
        dependencies: ["MIMECore", "MIMECodecs", "MIMECharset", "CMIMEScan", "COI", "COIMicroformats"],
        swiftSettings: strictSettings
    ),
    .executableTarget(
        name: "coi-lint",
        dependencies: [
            "COILint",
            "MIMECore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ],
        swiftSettings: strictSettings
    ),
    .testTarget(
        name: "COILintTests",
        dependencies: ["COILint", "MIMECore", "coi-lint", "TestSupport"],
        // The end-to-end snapshots are read through #filePath, not as bundle resources.
        exclude: ["Snapshots"],
        swiftSettings: strictSettings
    ),
]

/// The COI server side and WebPush (issue 7).
let serverProducts: [Product] = [
    .library(name: "COIServer", targets: ["COIServer"]),
]

let serverTargets: [Target] = [
    .target(
        name: "COIServer",
        dependencies: [
            "MIMECore",
            "MIMECodecs",
            "COI",
            .product(name: "Crypto", package: "swift-crypto"),
        ],
        swiftSettings: strictSettings
    ),
    .testTarget(
        name: "COIServerTests",
        dependencies: [
            "COIServer",
            "COI",
            "MIMECore",
            "MIMECodecs",
            .product(name: "Crypto", package: "swift-crypto"),
        ],
        swiftSettings: strictSettings
    ),
]

/// libFuzzer targets and the plain library holding their bodies (issue 4).
/// One libFuzzer executable per body in `MIMEFuzz` (`FuzzTarget.all`); `.ci/fuzz` builds them with
/// `--sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address`. Without sanitizers they build as empty
/// programs, so that `swift build` keeps checking that they compile.
let fuzzTargetNames = ["parse", "stream", "fields", "codecs", "serialize"]
/// The COI layer's targets, whose bodies live in `COIFuzz` (it links swift-crypto through `COI`).
let coiFuzzTargetNames = ["coi", "microformats", "lint"]

let fuzzProducts: [Product] = [
    .library(name: "MIMEFuzz", targets: ["MIMEFuzz"]),
] + (fuzzTargetNames + coiFuzzTargetNames).map { .executable(name: "fuzz-\($0)", targets: ["fuzz-\($0)"]) }

let fuzzTargets: [Target] = [
    // The fuzz bodies as plain functions, and the pathological-message generators, so that tests
    // and benchmarks run them without sanitizers.
    .target(
        name: "MIMEFuzz",
        dependencies: ["MIMECore", "MIMECodecs", "MIMECharset"],
        swiftSettings: strictSettings
    ),
    .target(
        name: "COIFuzz",
        dependencies: ["MIMEFuzz", "COI", "COIMicroformats", "COILint", "MIMECore", "MIMECodecs"],
        swiftSettings: strictSettings
    ),
    .testTarget(
        name: "MIMEFuzzTests",
        dependencies: ["MIMEFuzz", "COIFuzz", "MIMECore", "MIMECodecs"],
        swiftSettings: strictSettings
    ),
] + fuzzTargetNames.map {
    .executableTarget(name: "fuzz-\($0)", dependencies: ["MIMEFuzz"], swiftSettings: strictSettings)
} + coiFuzzTargetNames.map {
    .executableTarget(name: "fuzz-\($0)", dependencies: ["COIFuzz", "MIMEFuzz"], swiftSettings: strictSettings)
}

let package = Package(
    name: "swift-coi",
    products: [
        .library(name: "MIMECharset", targets: ["MIMECharset"]),
        .library(name: "MIMECodecs", targets: ["MIMECodecs"]),
        .library(name: "MIMECore", targets: ["MIMECore"]),
        .library(name: "COILint", targets: ["COILint"]),
        .executable(name: "coi-lint", targets: ["coi-lint"]),
    ] + coiProducts + serverProducts + fuzzProducts,
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    ],
    targets: coreTargets + coiTargets + lintTargets + serverTargets + fuzzTargets
)
