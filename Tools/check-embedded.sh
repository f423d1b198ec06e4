#!/usr/bin/env bash
# Compiles the embedded-style core (FusionMath, FusionCore, Cueing) in Embedded
# Swift mode, so that no existential, untyped throw or Foundation use creeps in.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
flags=(-enable-experimental-feature Embedded -wmo -parse-as-library -O -I Sources/CLibm -I "$out")
for module in FusionMath FusionCore Cueing; do
  mapfile -t sources < <(find "Sources/$module" -name '*.swift' | sort)
  swiftc "${flags[@]}" -module-name "$module" -emit-module -emit-module-path "$out/$module.swiftmodule" \
    -c "${sources[@]}" -o "$out/$module.o"
  echo "embedded: $module compiles (${#sources[@]} files)"
done
