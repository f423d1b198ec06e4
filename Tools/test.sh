#!/usr/bin/env bash
# The whole test suite: installs what it needs, checks the core in Embedded
# Swift mode, fuzzes every decoder (SKYCUE_FUZZ_SECONDS each, default 60),
# builds once in release (the filters are generic over their dimensions and
# only fast when specialised), then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
Tools/install-deps.sh
Tools/check-embedded.sh
Tools/fuzz.sh "${SKYCUE_FUZZ_SECONDS:-60}"
swift build -c release --build-tests
swift test -c release --skip-build
