// swift-tools-version: 6.1
// SkyCue: sensor-fusion core of an air-defence cueing node.
// No Swift package dependencies: the toolchain and Debian's C libraries only.
import PackageDescription

/// The embedded-style core: no Foundation, no existentials, typed throws only.
/// Tools/check-embedded.sh compiles the same sources in Embedded Swift mode.
let coreSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "SkyCue",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "skycued", targets: ["skycued"]),
        .executable(name: "skycue-replay", targets: ["skycue-replay"]),
        .executable(name: "skycue-sim", targets: ["skycue-sim"]),
        .library(name: "FusionCore", targets: ["FusionCore"]),
        .library(name: "WireFormats", targets: ["WireFormats"]),
    ],
    targets: [
        // C libraries from Debian, through system-library targets.
        .systemLibrary(name: "CLibm", path: "Sources/CLibm"),
        // epoll, timerfd, signalfd and the cmsg macros, which Glibc's module does not give Swift.
        .systemLibrary(name: "CLinux", path: "Sources/CLinux"),
        .systemLibrary(
            name: "CGPS", path: "Sources/CGPS", pkgConfig: "libgps",
            providers: [.apt(["libgps-dev"])]),
        .systemLibrary(
            name: "CPcap", path: "Sources/CPcap", pkgConfig: "libpcap",
            providers: [.apt(["libpcap-dev"])]),
        .systemLibrary(
            name: "CSodium", path: "Sources/CSodium", pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]),

        // Pure core.
        .target(name: "FusionMath", dependencies: ["CLibm"], swiftSettings: coreSettings),
        .target(name: "FusionCore", dependencies: ["FusionMath"], swiftSettings: coreSettings),
        .target(name: "Cueing", dependencies: ["FusionMath", "FusionCore"], swiftSettings: coreSettings),
        .target(
            name: "WireFormats", dependencies: ["FusionMath", "FusionCore", "CSodium"],
            swiftSettings: coreSettings),
        .target(
            name: "Simulation", dependencies: ["FusionMath", "FusionCore", "Cueing", "WireFormats"],
            swiftSettings: coreSettings),

        // The only edge: sockets, files, clocks, gpsd, pcap.
        .target(
            name: "FusionNode",
            dependencies: ["FusionMath", "FusionCore", "Cueing", "WireFormats", "Simulation", "CGPS", "CPcap", "CLinux"]),

        .executableTarget(name: "skycued", dependencies: ["FusionNode"]),
        .executableTarget(name: "skycue-replay", dependencies: ["FusionNode"]),
        .executableTarget(name: "skycue-sim", dependencies: ["FusionNode", "Simulation"]),

        // Test helpers shared by several test modules (test targets cannot share code).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "FusionMathTests", dependencies: ["FusionMath", "Simulation"]),
        .testTarget(name: "FusionCoreTests", dependencies: ["TestSupport", "FusionCore", "Simulation"]),
        .testTarget(name: "CueingTests", dependencies: ["Cueing", "Simulation"]),
        .testTarget(
            name: "WireFormatsTests", dependencies: ["TestSupport", "WireFormats", "Simulation"],
            exclude: ["Golden"]),  // tshark decodes (Tools/golden-asterix.sh), read by path
        .testTarget(name: "SimulationTests", dependencies: ["Simulation"]),
        .testTarget(
            name: "FusionNodeTests", dependencies: ["TestSupport", "FusionNode"],
            exclude: ["Golden"]),  // reference captures and their reports (Tools/regen-golden.sh), read by path
    ]
)
