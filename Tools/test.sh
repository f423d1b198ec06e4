#!/usr/bin/env bash
# The whole test suite: installs what it needs, checks the core in Embedded
# Swift mode, fuzzes every decoder (SKYCUE_FUZZ_SECONDS each, default 60),
# builds once in release (the filters are generic over their dimensions and
# only fast when specialised), runs every test in parallel, then the
# allocation tests alone and serially: they swap a process-wide runtime hook.
set -euo pipefail
cd "$(dirname "$0")/.."
Tools/install-deps.sh
Tools/check-embedded.sh
Tools/fuzz.sh "${SKYCUE_FUZZ_SECONDS:-60}"
swift build -c release --build-tests
SKYCUE_ALLOCATION_TESTS=1 swift test -c release --skip-build --no-parallel --filter 'AllocationTests'
swift test -c release --skip-build
