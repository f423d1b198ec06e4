#!/usr/bin/env bash
# Regenerates, on purpose, the tshark golden decodes of the reference ASTERIX
# inputs that the decoder tests compare against (Tests/WireFormatsTests/Golden).
# Raw block files are wrapped one block per UDP datagram (port 8600) first.
# Output: tshark -T json --no-duplicate-keys -J asterix, compacted.
# Usage: Tools/golden-asterix.sh [DATA_DIR]   (default ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data}
out=Tests/WireFormatsTests/Golden
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
tshark --version | head -1 > "$out/TSHARK_VERSION"

decode() { # capture decode-as golden-name
  tshark -r "$1" -d "$2" -T json --no-duplicate-keys -J asterix 2>/dev/null |
    python3 -c 'import json,sys; json.dump(json.load(sys.stdin), sys.stdout, separators=(",",":"), sort_keys=True)' \
      > "$out/$3.json"
  echo "golden: $out/$3.json"
}

decode "$data/croatiacontrol-asterix/cat_034_048.pcap" 'udp.port==21111-22135,asterix' cat_034_048
for f in jasterix/cat034ed1.26.bin jasterix/cat048ed1.15.bin jasterix/cat048ed1.23.bin \
         jasterix/cat021ed2.1.bin croatiacontrol-asterix/cat21_re.ast; do
  name=$(basename "$f"); name=${name%.*}
  python3 Tools/ast-to-pcap.py "$data/$f" "$tmp/$name.pcap" 8600
  decode "$tmp/$name.pcap" 'udp.port==8600,asterix' "$name"
done
