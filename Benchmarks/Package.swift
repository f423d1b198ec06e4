// swift-tools-version: 6.1
// SkyCue benchmarks: a separate package so that the product keeps no Swift
// package dependencies. The harness is a plain executable that depends on
// the parent package only (no package-benchmark: it would pull six more
// packages and a malloc interposer into a build on a shared 2-core host;
// the few figures we need are measured directly, see Sources/skycue-bench).
//
// The parent exports FusionCore and WireFormats as products but not
// Simulation (nor Cueing, which Simulation imports), and SwiftPM refuses a
// second target of the same name anywhere in the graph. So
// Sources/BenchSimulation and Sources/BenchCueing are symlinks to the
// parent's Sources/Simulation and Sources/Cueing, compiled here under new
// module names, with `-module-alias Cueing=BenchCueing` so that the
// unchanged sources' `import Cueing` finds them. If the parent ever exports
// a `Simulation` library product, depend on it and delete both symlinks.
import PackageDescription

let package = Package(
    name: "SkyCueBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "SkyCue", path: ".."),
    ],
    targets: [
        .target(
            name: "BenchCueing",
            dependencies: [.product(name: "FusionCore", package: "SkyCue")]),
        .target(
            name: "BenchSimulation",
            dependencies: [
                "BenchCueing",
                .product(name: "FusionCore", package: "SkyCue"),
                .product(name: "WireFormats", package: "SkyCue"),
            ],
            swiftSettings: [.unsafeFlags(["-module-alias", "Cueing=BenchCueing"])]),
        .executableTarget(
            name: "skycue-bench",
            dependencies: [
                "BenchSimulation",
                .product(name: "FusionCore", package: "SkyCue"),
            ],
            swiftSettings: [.unsafeFlags(["-module-alias", "Cueing=BenchCueing"])],
            // The harness counts mallocs by defining malloc & co. itself
            // (Probes.swift); they must be in the dynamic symbol table for
            // the shared libraries (the Swift runtime) to bind to them.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"])]),
        // The SkyCue half of Tools/compare-stonesoup (issue 8): no probes,
        // so that nothing interposes on its allocations.
        .executableTarget(
            name: "skycue-compare",
            dependencies: [
                "BenchSimulation",
                .product(name: "FusionCore", package: "SkyCue"),
            ],
            swiftSettings: [.unsafeFlags(["-module-alias", "Cueing=BenchCueing"])]),
        // End to end through a running skycued on loopback (issue 8,
        // Benchmarks/e2e-latency.sh): no probes either.
        .executableTarget(
            name: "skycue-e2e",
            dependencies: [
                "BenchSimulation",
                .product(name: "FusionCore", package: "SkyCue"),
                .product(name: "WireFormats", package: "SkyCue"),
            ],
            swiftSettings: [.unsafeFlags(["-module-alias", "Cueing=BenchCueing"])]),
    ]
)
