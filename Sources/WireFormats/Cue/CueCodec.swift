import FusionCore

/// Codec of the binary cue `SKCU` version 1 (Hardware/ICD.md section 2.3):
/// 116 bytes of fields, big-endian, then a 32-byte `crypto_auth` tag under
/// the node's key over those 116 bytes; 148 bytes in all.
///
/// Encoding and decoding work in caller buffers and return fixed-size
/// values: no heap allocation per cue. `decode` is total: any bytes give a
/// `CueMessage` or a `CueRejection`.
public enum CueCodec {
    /// Magic bytes at offset 0: ASCII `SKCU`.
    public static let magic: UInt32 = 0x534B_4355
    public static let version: UInt8 = 1
    /// Bytes covered by the tag.
    public static let bodyByteCount = 116
    /// Whole datagram.
    public static let byteCount = bodyByteCount + MessageAuthenticator.tagByteCount

    /// Flags byte (offset 7).
    static let interceptValid: UInt8 = 1 << 0
    static let zoneEntryValid: UInt8 = 1 << 1

    // MARK: encode

    /// Rounds `v * scale` to the nearest integer, or throws when `v` is not
    /// finite or the result leaves `lo...hi`.
    @inline(__always)
    static func quantise(
        _ v: Double, _ scale: Double, _ lo: Int64, _ hi: Int64, _ field: CueField
    ) throws(CueEncodeError) -> Int64 {
        guard v.isFinite else { throw .outOfRange(field) }
        let s = (v * scale).rounded()
        guard s >= Double(lo), s <= Double(hi) else { throw .outOfRange(field) }
        return Int64(s)
    }

    static let i32Min = Int64(Int32.min)
    static let i32Max = Int64(Int32.max)

    /// Encodes and authenticates `cue` into `buffer` (at least 148 bytes);
    /// returns 148.
    @discardableResult
    public static func encode(
        _ cue: CueMessage, key: AuthKey, into buffer: UnsafeMutableRawBufferPointer
    ) throws(CueEncodeError) -> Int {
        guard buffer.count >= byteCount else { throw .bufferTooSmall }
        // Quantise everything first, so a bad field leaves the buffer untouched.
        let p = try quantise(cue.pUncrewed, 10_000, 0, 10_000, .pUncrewed)
        let lat = try quantise(cue.latitudeDeg, 1e7, -900_000_000, 900_000_000, .latitude)
        let lon = try quantise(cue.longitudeDeg, 1e7, -1_800_000_000, 1_800_000_000, .longitude)
        let alt = try quantise(cue.altitudeM, 1e3, i32Min, i32Max, .altitude)
        let ve = try quantise(cue.velocityEastMps, 1e3, i32Min, i32Max, .velocityEast)
        let vn = try quantise(cue.velocityNorthMps, 1e3, i32Min, i32Max, .velocityNorth)
        let vu = try quantise(cue.velocityUpMps, 1e3, i32Min, i32Max, .velocityUp)
        let sh = try quantise(cue.sigmaHorizontalM, 1e3, 0, Int64(UInt32.max), .sigmaHorizontal)
        let sv = try quantise(cue.sigmaVerticalM, 1e3, 0, Int64(UInt32.max), .sigmaVertical)
        let sw = try quantise(cue.sigmaVelocityMps, 1e3, 0, Int64(UInt32.max), .sigmaVelocity)
        var ilat: Int64 = 0
        var ilon: Int64 = 0
        var ialt: Int64 = 0
        var itime: Int64 = 0
        var flags: UInt8 = 0
        if let i = cue.intercept {
            flags |= interceptValid
            ilat = try quantise(i.latitudeDeg, 1e7, -900_000_000, 900_000_000, .interceptLatitude)
            ilon = try quantise(i.longitudeDeg, 1e7, -1_800_000_000, 1_800_000_000, .interceptLongitude)
            ialt = try quantise(i.altitudeM, 1e3, i32Min, i32Max, .interceptAltitude)
            itime = i.timeNs
        }
        var entry: Int64 = 0
        if let e = cue.zoneEntryTimeNs {
            flags |= zoneEntryValid
            entry = e
        }

        var w = ByteWriter(buffer)
        w.u32(magic)
        w.u8(version)
        w.u8(cue.kind.rawValue)
        w.u8(cue.targetClass.rawValue)
        w.u8(flags)
        w.u32(cue.nodeId)
        w.u32(cue.sequence)
        w.i64(cue.timeNs)
        w.u32(cue.trackId)
        w.u16(cue.zoneIndex)
        w.u16(cue.interceptorIndex)
        w.u64(cue.zoneName.packed)
        w.u64(cue.interceptorName.packed)
        w.u16(UInt16(p))
        w.u16(0)
        w.i32(Int32(lat))
        w.i32(Int32(lon))
        w.i32(Int32(alt))
        w.i32(Int32(ve))
        w.i32(Int32(vn))
        w.i32(Int32(vu))
        w.u32(UInt32(sh))
        w.u32(UInt32(sv))
        w.u32(UInt32(sw))
        w.i32(Int32(ilat))
        w.i32(Int32(ilon))
        w.i32(Int32(ialt))
        w.i64(itime)
        w.i64(entry)
        precondition(!w.overflowed && w.offset == bodyByteCount, "SKCU layout broken")
        MessageAuthenticator.tag(
            message: UnsafeRawBufferPointer(rebasing: buffer[0..<bodyByteCount]), key: key,
            into: UnsafeMutableRawBufferPointer(rebasing: buffer[bodyByteCount..<byteCount]))
        return byteCount
    }

    /// Encodes into a new 148-byte array (tests and tools; allocates).
    public static func encode(_ cue: CueMessage, key: AuthKey) throws(CueEncodeError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: byteCount)
        let result: Result<Int, CueEncodeError> = out.withUnsafeMutableBytes { buffer in
            do throws(CueEncodeError) {
                return .success(try encode(cue, key: key, into: buffer))
            } catch {
                return .failure(error)
            }
        }
        _ = try result.get()
        return out
    }

    // MARK: decode

    /// Verifies the tag under `key` (constant time), then decodes.
    public static func decode(_ bytes: UnsafeRawBufferPointer, key: AuthKey) throws(CueRejection) -> CueMessage {
        guard bytes.count == byteCount else { throw .badLength }
        let ok = MessageAuthenticator.verify(
            tag: UnsafeRawBufferPointer(rebasing: bytes[bodyByteCount...]),
            message: UnsafeRawBufferPointer(rebasing: bytes[..<bodyByteCount]), key: key)
        guard ok else { throw .badTag }
        return try parseUnauthenticated(bytes)
    }

    /// `decode` for an array (the array is only borrowed).
    public static func decode(_ bytes: [UInt8], key: AuthKey) throws(CueRejection) -> CueMessage {
        let result: Result<CueMessage, CueRejection> = bytes.withUnsafeBytes { raw in
            do throws(CueRejection) {
                return .success(try decode(raw, key: key))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Decodes the fields without checking the tag: for tools, fuzzing and
    /// diagnostics only, never for acting on a cue.
    public static func parseUnauthenticated(_ bytes: UnsafeRawBufferPointer) throws(CueRejection) -> CueMessage {
        guard bytes.count == byteCount else { throw .badLength }
        var r = ByteReader(bytes)
        guard let m = r.readUInt32(), let v = r.readUInt8(), let kindRaw = r.readUInt8(), let classRaw = r.readUInt8(),
            let flags = r.readUInt8(), let node = r.readUInt32(), let seq = r.readUInt32(), let time = r.readInt64(),
            let track = r.readUInt32(), let zoneIndex = r.readUInt16(), let interceptorIndex = r.readUInt16(),
            let zonePacked = r.readUInt64(), let interceptorPacked = r.readUInt64(), let p = r.readUInt16(),
            let reserved = r.readUInt16(), let lat = r.readInt32(), let lon = r.readInt32(), let alt = r.readInt32(),
            let ve = r.readInt32(), let vn = r.readInt32(), let vu = r.readInt32(),
            let sh = r.readUInt32(), let sv = r.readUInt32(), let sw = r.readUInt32(),
            let ilat = r.readInt32(), let ilon = r.readInt32(), let ialt = r.readInt32(), let itime = r.readInt64(),
            let entry = r.readInt64()
        else { throw .badLength }
        guard m == magic else { throw .badMagic }
        guard v == version else { throw .badVersion }
        guard let kind = CueKind(rawValue: kindRaw) else { throw .badKind }
        guard let targetClass = TargetClass(rawValue: classRaw) else { throw .badClass }
        guard flags & ~(interceptValid | zoneEntryValid) == 0 else { throw .unknownFlags }
        guard p <= 10_000 else { throw .badProbability }
        guard reserved == 0 else { throw .reservedNotZero }
        guard abs(Int64(lat)) <= 900_000_000, abs(Int64(lon)) <= 1_800_000_000 else { throw .badPosition }
        guard let zoneName = ShortName(packed: zonePacked),
            let interceptorName = ShortName(packed: interceptorPacked)
        else { throw .badName }
        var intercept: CueIntercept?
        if flags & interceptValid != 0 {
            guard abs(Int64(ilat)) <= 900_000_000, abs(Int64(ilon)) <= 1_800_000_000 else {
                throw .badPosition
            }
            intercept = CueIntercept(
                latitudeDeg: Double(ilat) / 1e7, longitudeDeg: Double(ilon) / 1e7,
                altitudeM: Double(ialt) / 1e3, timeNs: itime)
        } else {
            guard ilat == 0, ilon == 0, ialt == 0, itime == 0 else { throw .absentFieldNotZero }
        }
        var zoneEntry: Int64?
        if flags & zoneEntryValid != 0 {
            zoneEntry = entry
        } else {
            guard entry == 0 else { throw .absentFieldNotZero }
        }
        return CueMessage(
            nodeId: node, sequence: seq, kind: kind, timeNs: time, trackId: track,
            zoneIndex: zoneIndex, zoneName: zoneName, interceptorIndex: interceptorIndex,
            interceptorName: interceptorName, targetClass: targetClass, pUncrewed: Double(p) / 10_000,
            latitudeDeg: Double(lat) / 1e7, longitudeDeg: Double(lon) / 1e7, altitudeM: Double(alt) / 1e3,
            velocityEastMps: Double(ve) / 1e3, velocityNorthMps: Double(vn) / 1e3,
            velocityUpMps: Double(vu) / 1e3, sigmaHorizontalM: Double(sh) / 1e3,
            sigmaVerticalM: Double(sv) / 1e3, sigmaVelocityMps: Double(sw) / 1e3,
            intercept: intercept, zoneEntryTimeNs: zoneEntry)
    }
}
