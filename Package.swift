// swift-tools-version:6.2
import PackageDescription

// Two products share this package:
//   nsx         — the CLI. The Swift standard library only (no Foundation), plus libcurl and libsecret opened at run time by tiny C shims.
//   nsx-server  — the local Nurosentrix API server. Hummingbird, GRDB and swift-crypto live here only.
let package = Package(
    name: "nsx",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "nsx", targets: ["nsx"]),
        .executable(name: "nsx-server", targets: ["nsx-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
        // Already in Hummingbird's graph; named because the server imports them directly.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.14.0"),
    ],
    targets: [
        // MARK: C shims (the only C in the CLI)
        // libcurl and libsecret are opened at run time by the shims (CLibraryLoader), not
        // linked: commands that need neither never load them, and the build needs no -dev headers.
        .target(name: "CLibraryLoader"),
        .target(name: "CCurlShim", dependencies: ["CLibraryLoader"]),
        .target(name: "CSecretShim", dependencies: ["CLibraryLoader", "CProcessShim"]),
        .target(name: "CProcessShim"),

        // MARK: CLI layers, bottom up
        .target(name: "NSXJSON"),
        // Calendar and clock, Foundation-free so the server can share it.
        .target(name: "NSXTime"),
        .target(name: "NSXCommandLine"),
        .target(name: "NSXHTTP", dependencies: ["CCurlShim", "NSXJSON", "NSXTime"]),
        .target(name: "NSXConfig", dependencies: ["NSXJSON"]),
        .target(name: "NSXKeyring", dependencies: ["CSecretShim", "NSXConfig", "NSXJSON", "NSXTime"]),
        .target(name: "NSXOutput", dependencies: ["NSXJSON", "NSXTime"]),
        // Token hygiene engine (`tokens scan`, `tokens audit`): libc only, no CLI knowledge.
        .target(name: "NSXTokenScan"),
        // The commit and build date, written by the plugin when the checked-out commit changes.
        .plugin(name: "BuildInfoPlugin", capability: .buildTool()),
        .target(name: "NSXBuildInfo", plugins: ["BuildInfoPlugin"]),
        .target(name: "NSXCLI", dependencies: ["CProcessShim", "NSXJSON", "NSXTime", "NSXCommandLine", "NSXHTTP", "NSXConfig", "NSXKeyring",
                                               "NSXOutput", "NSXTokenScan", "NSXBuildInfo"]),
        .executableTarget(name: "nsx", dependencies: ["NSXCLI"]),

        // MARK: Local API server
        .target(name: "NSXServer", dependencies: [
            "NSXJSON",
            "NSXTime",
            "NSXCommandLine",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
            // PBKDF2 in BoringSSL's C: the same hashes, without a Swift HMAC call per round.
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "nsx-server", dependencies: ["NSXServer", "NSXCommandLine"]),

        // MARK: Tests (one target per module, plus the end-to-end suite)
        .target(name: "TestSupport", dependencies: ["NSXTime"], path: "Tests/TestSupport"),
        .testTarget(name: "NSXTimeTests", dependencies: ["NSXTime"]),
        .testTarget(name: "NSXCommandLineTests", dependencies: ["NSXCommandLine", "TestSupport"]),
        .testTarget(name: "NSXHTTPTests", dependencies: ["NSXHTTP", "NSXTime"]),
        .testTarget(name: "NSXJSONTests", dependencies: ["NSXJSON"]),
        .testTarget(name: "NSXConfigTests", dependencies: ["NSXConfig", "NSXJSON", "TestSupport"]),
        .testTarget(name: "NSXKeyringTests", dependencies: ["NSXKeyring", "CSecretShim", "CProcessShim", "TestSupport"]),
        .testTarget(name: "NSXOutputTests", dependencies: ["NSXOutput", "NSXJSON", "NSXTime"]),
        .testTarget(name: "NSXCLITests", dependencies: ["NSXCLI", "NSXTime"]),
        .testTarget(name: "NSXTokenScanTests", dependencies: ["NSXTokenScan"]),
        .testTarget(name: "NSXServerTests", dependencies: [
            "NSXServer",
            "NSXJSON",
            "NSXTime",
            "NSXCommandLine",
            "TestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "EndToEndTests", dependencies: ["NSXJSON", "TestSupport"]),
    ]
)
