#!/usr/bin/env python3
"""Wraps raw ASTERIX data blocks (back to back, no framing) into a pcap:
one block per UDP datagram (Ethernet/IPv4/UDP, 10.0.0.1 -> 10.0.0.2, to the
given port), one second apart, so that tshark can decode them with
`-d udp.port==PORT,asterix`. Used by Tools/golden-asterix.sh.
Usage: ast-to-pcap.py IN.ast OUT.pcap [PORT]"""
import struct, sys

def blocks(data):
    i = 0
    while i + 3 <= len(data):
        n = struct.unpack(">H", data[i + 1:i + 3])[0]
        if n < 3 or i + n > len(data):
            break
        yield data[i:i + n]
        i += n

def checksum(b):
    if len(b) % 2: b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16: s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF

def main():
    src, dst = sys.argv[1], sys.argv[2]
    port = int(sys.argv[3]) if len(sys.argv) > 3 else 8600
    out = [struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1)]
    for k, blk in enumerate(blocks(open(src, "rb").read())):
        udp = struct.pack(">HHHH", 40000, port, 8 + len(blk), 0) + blk
        ip = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), k, 0, 64, 17, 0,
                         bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]))
        ip = ip[:10] + struct.pack(">H", checksum(ip)) + ip[12:]
        frame = b"\x02\0\0\0\0\x02" + b"\x02\0\0\0\0\x01" + b"\x08\x00" + ip + udp
        out.append(struct.pack("<IIII", 1_700_000_000 + k, 0, len(frame), len(frame)) + frame)
    open(dst, "wb").write(b"".join(out))

main()
