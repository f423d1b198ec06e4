#!/usr/bin/env bash
# Deletes the build products of every module but FusionMath and the C
# shims (FusionCore, everything that depends on it, the tests and tools),
# in this checkout's .build and in Benchmarks/.build, so that the next
# build recompiles them against the libraries' current layouts. SwiftPM's incremental build does not
# recompile dependants when a library type only changes its stored
# properties (its public interface stays the same), and a dependant that
# inlined the old layout then reads fields at the wrong offsets: crashes,
# or loops that never end (swiftlang/swift-package-manager#10502; found
# here as a tick loop reading a garbage time, Benchmarks/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
removed=0
for dir in .build/*/debug .build/*/release Benchmarks/.build/*/debug Benchmarks/.build/*/release; do
    [[ -d "$dir" ]] || continue
    for module in "$dir"/*.build; do
        case "$(basename "$module")" in
            FusionMath.build | CLibm.build | CSodium.build | CGPS.build | CPcap.build | CLinux.build) continue ;;
        esac
        rm -rf "$module"
        removed=$((removed + 1))
    done
done
# Without its build database and plan, SwiftPM then stops at "unable to
# load output file map" for the deleted modules instead of rebuilding them.
for root in .build Benchmarks/.build; do
    rm -f "$root"/build.db "$root"/debug.yaml "$root"/release.yaml
done
echo "clean-dependants: removed $removed module build directories; the next build recompiles them"
