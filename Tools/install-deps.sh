#!/usr/bin/env bash
# Installs the Debian packages SkyCue needs, idempotently: apt-get update runs
# once, and only when something is missing; already installed packages are left alone.
set -euo pipefail

packages=(
  pkg-config
  libgps-dev libpcap-dev libsodium-dev   # system-library targets
  gpsd gpsd-clients                      # gpsfake for the gpsd integration tests
  tshark                                 # golden ASTERIX decodes
  libxml2-utils                          # xmllint for CoT schema validation
  python3-venv                           # Tools/ comparisons
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
