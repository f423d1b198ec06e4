#!/usr/bin/env bash
# Builds every libFuzzer target in Tools/fuzz/*.swift (one binary per file,
# -sanitize=fuzzer,address) against the pure modules compiled from source
# (FusionMath, FusionCore, WireFormats; CSodium through its module map and
# -lsodium), seeds a corpus from the reference captures' ASTERIX payloads,
# and runs each target for SECONDS. Crashes land in .build-fuzz/crashes/;
# turn each into a regression test (its bytes in a test).
# Usage: Tools/fuzz.sh [SECONDS=60] [TARGET-NAME...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
build=.build-fuzz
data=${SKYCUE_DATA:-../shared/data}
mkdir -p "$build/seeds" "$build/crashes"
san=(-sanitize=fuzzer,address -O -g -parse-as-library -enable-upcoming-feature ExistentialAny)
inc=(-I "$build" -I Sources/CLibm -I Sources/CSodium)

module() { # name
  local name=$1
  mapfile -t files < <(find "Sources/$name" -name '*.swift' | sort)
  # -sanitize=fuzzer here only instruments (coverage); libFuzzer's main is linked once, per target.
  swiftc "${san[@]}" "${inc[@]}" -module-name "$name" -emit-module -emit-module-path "$build/$name.swiftmodule" \
    -emit-library -static -o "$build/lib$name.a" "${files[@]}"
}
echo "fuzz: compiling modules" >&2
module FusionMath
module FusionCore
module WireFormats

# Seeds: every UDP payload of the reference captures and every block of the raw files.
python3 - "$data" "$build/seeds" <<'PY'
import os, struct, sys, glob
data, out = sys.argv[1], sys.argv[2]
def put(b, tag):
    if 0 < len(b) <= 65535:
        open(os.path.join(out, tag), "wb").write(b)
def pcap(path):
    raw = open(path, "rb").read()
    if len(raw) < 24 or raw[:4] not in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1"): return
    i, k = 24, 0
    while i + 16 <= len(raw):
        n = struct.unpack("<I", raw[i + 8:i + 12])[0]
        f = raw[i + 16:i + 16 + n]; i += 16 + n
        if len(f) > 42 and f[12:14] == b"\x08\x00" and f[23] == 17:
            ihl = (f[14] & 15) * 4
            put(f[14 + ihl + 8:], "%s-%d" % (os.path.basename(path), k)); k += 1
def blocks(path):
    raw = open(path, "rb").read(); i = k = 0
    while i + 3 <= len(raw):
        n = struct.unpack(">H", raw[i + 1:i + 3])[0]
        if n < 3 or i + n > len(raw): break
        put(raw[i:i + n], "%s-%d" % (os.path.basename(path), k)); i += n; k += 1
for p in glob.glob(os.path.join(data, "croatiacontrol-asterix", "*.pcap")): pcap(p)
for p in glob.glob(os.path.join(data, "croatiacontrol-asterix", "*.ast")) + \
         glob.glob(os.path.join(data, "croatiacontrol-asterix", "*.raw")) + \
         glob.glob(os.path.join(data, "jasterix", "*.bin")): blocks(p)
PY
echo "fuzz: $(ls "$build/seeds" | wc -l) seeds" >&2

status=0
for src in Tools/fuzz/*.swift; do
  name=$(basename "$src" .swift)
  if (($# > 0)) && [[ " $* " != *" $name "* ]]; then continue; fi
  echo "fuzz: building $name" >&2
  swiftc "${san[@]}" "${inc[@]}" "$src" -L "$build" -lWireFormats -lFusionCore -lFusionMath -lsodium -lm \
    -o "$build/$name" 2>&1 | grep -v "Cannot export local symbol" >&2 || true
  [[ -x "$build/$name" ]] || { echo "fuzz: $name did not build" >&2; status=1; continue; }
  mkdir -p "$build/corpus/$name"
  echo "fuzz: running $name for ${seconds}s" >&2
  if ! "$build/$name" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$build/crashes/$name-" "$build/corpus/$name" "$build/seeds" 2> "$build/$name.log"; then
    echo "fuzz: $name FAILED, see $build/$name.log and $build/crashes/" >&2
    status=1
  fi
  grep -E '^stat::(number_of_executed_units|new_units_added)' "$build/$name.log" | sed "s/^/fuzz: $name /" >&2 || true
done
exit $status
