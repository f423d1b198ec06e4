#!/usr/bin/env bash
# Creates Tools/.venv idempotently with the pinned Python packages that the
# CoT cross-check (Tools/cot_parse_check.py) uses. Re-running is cheap: the
# venv is reused and pip only installs what is missing.
#   Tools/setup-venv.sh             takproto (CoT cross-check, CI)
#   Tools/setup-venv.sh stonesoup   and Stone Soup (Tools/compare-stonesoup, by hand)
set -euo pipefail
cd "$(dirname "$0")"
venv=.venv
if [[ ! -x "$venv/bin/python3" ]]; then
  python3 -m venv "$venv"
fi
# Pinned: takproto 3.0.1 (MIT) and its protobuf dependency (>= 4.21).
"$venv/bin/python3" -m pip install --quiet --disable-pip-version-check \
  "takproto==3.0.1" "protobuf==5.29.3"
"$venv/bin/python3" -c "import takproto" 
if [[ "${1:-}" == "stonesoup" ]]; then
  # Stone Soup 1.9.1 (MIT), with numpy, scipy and its other dependencies.
  "$venv/bin/python3" -m pip install --quiet --disable-pip-version-check "stonesoup==1.9.1"
  "$venv/bin/python3" -c "import stonesoup"
fi
