// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "swift-coi",
    products: [
        .library(name: "MIMECharset", targets: ["MIMECharset"]),
        .library(name: "MIMECodecs", targets: ["MIMECodecs"]),
        .library(name: "MIMECore", targets: ["MIMECore"]),
        .library(name: "COILint", targets: ["COILint"]),
        .executable(name: "coi-lint", targets: ["coi-lint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
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
        .target(
            name: "COILint",
            dependencies: ["MIMECore", "MIMECodecs", "MIMECharset"],
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
        .testTarget(name: "MIMECharsetTests", dependencies: ["MIMECharset"], swiftSettings: strictSettings),
        .testTarget(name: "MIMECodecsTests", dependencies: ["MIMECodecs", "MIMECharset"], swiftSettings: strictSettings),
        .testTarget(name: "MIMECoreTests", dependencies: ["MIMECore", "MIMECodecs", "MIMECharset"], swiftSettings: strictSettings),
        .testTarget(
            name: "COILintTests",
            dependencies: ["COILint", "MIMECore", "coi-lint"],
            swiftSettings: strictSettings
        ),
    ]
)
