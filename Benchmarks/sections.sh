#!/usr/bin/env bash
# Keeps the hand-run sections of Benchmarks/RESULTS.md (figures that the
# harness does not produce: the one-hour replay, the Stone Soup comparison)
# across regeneration. Each lives between
#   <!-- section: NAME -->  and  <!-- end section: NAME -->
#   Benchmarks/sections.sh put NAME FILE   replace (or append) section NAME with FILE's text
#   Benchmarks/sections.sh save OUT        copy every section to OUT (before the harness rewrites RESULTS.md)
#   Benchmarks/sections.sh restore IN      append the sections saved in IN that RESULTS.md lacks
set -euo pipefail
results="$(dirname "$0")/RESULTS.md"
python3 - "$results" "$@" <<'PY'
import re, sys
results, verb, *args = sys.argv[1:]
pattern = re.compile(r"<!-- section: (\S+) -->\n.*?<!-- end section: \1 -->\n", re.S)
def read(path):
    try:
        return open(path).read()
    except FileNotFoundError:
        return ""
text = read(results)
if verb == "put":
    name, body = args[0], read(args[1]).rstrip("\n") + "\n"
    block = f"<!-- section: {name} -->\n{body}<!-- end section: {name} -->\n"
    found = [m for m in pattern.finditer(text) if m.group(1) == name]
    if found:
        m = found[0]
        text = text[:m.start()] + block + text[m.end():]
    else:
        text = text.rstrip("\n") + "\n\n" + block
    open(results, "w").write(text)
elif verb == "save":
    open(args[0], "w").write("".join(m.group(0) for m in pattern.finditer(text)))
elif verb == "restore":
    have = {m.group(1) for m in pattern.finditer(text)}
    extra = [m.group(0) for m in pattern.finditer(read(args[0])) if m.group(1) not in have]
    if extra:
        open(results, "w").write(text.rstrip("\n") + "\n\n" + "\n".join(extra))
else:
    sys.exit(f"sections.sh: unknown verb {verb}")
PY
