#!/usr/bin/env python3
"""Cross-checks SkyCue's CoT XML with takproto, an independent TAK library.

Usage: cot_parse_check.py EVENT.xml EXPECTED.json

EXPECTED.json holds the values the Swift side put in: uid, type, how, lat,
lon, hae, ce, le, time_ms, stale_ms, and optionally course and speed. The
event is converted to a TAK Protocol v1 protobuf (mesh framing) with
takproto.xml2proto, parsed back with takproto.parse_proto, and every field
is compared. Exits 0 and prints OK, or prints what differs and exits 1.
Run inside Tools/.venv (Tools/setup-venv.sh).
"""
import json
import sys

import takproto


def main() -> int:
    xml = open(sys.argv[1], "rb").read()
    expected = json.load(open(sys.argv[2]))
    proto = takproto.xml2proto(xml)
    msg = takproto.parse_proto(proto)
    if msg is None:
        print("takproto could not parse the protobuf")
        return 1
    ev = msg.cotEvent
    problems = []

    def same(name, got, want, tol=None):
        if tol is None:
            ok = got == want
        else:
            ok = abs(got - want) <= tol
        if not ok:
            problems.append(f"{name}: got {got!r}, want {want!r}")

    same("uid", ev.uid, expected["uid"])
    same("type", ev.type, expected["type"])
    same("how", ev.how, expected["how"])
    same("lat", ev.lat, expected["lat"], 1e-7)
    same("lon", ev.lon, expected["lon"], 1e-7)
    same("hae", ev.hae, expected["hae"], 0.01)
    same("ce", ev.ce, expected["ce"], 0.01)
    same("le", ev.le, expected["le"], 0.01)
    # takproto converts times through a float (timestamp() * 1000), which
    # can land one millisecond low; allow that, nothing more.
    same("sendTime", ev.sendTime, expected["time_ms"], 1)
    same("startTime", ev.startTime, expected["time_ms"], 1)
    same("staleTime", ev.staleTime, expected["stale_ms"], 1)
    if "course" in expected:
        same("course", ev.detail.track.course, expected["course"], 0.01)
        same("speed", ev.detail.track.speed, expected["speed"], 0.01)
    if "callsign" in expected:
        same("callsign", ev.detail.contact.callsign, expected["callsign"])
    for fragment in expected.get("xml_detail_contains", []):
        if fragment not in ev.detail.xmlDetail:
            problems.append(f"xmlDetail lacks {fragment!r}: {ev.detail.xmlDetail!r}")
    if problems:
        print("\n".join(problems))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
