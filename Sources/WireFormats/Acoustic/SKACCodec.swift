/// Why an SKAC report could not be encoded (a caller error, not wire input).
public enum SKACEncodeError: Error, Sendable, Equatable {
    /// `detectionCount` is 0 or above 64.
    case badDetectionCount
    /// A flag bit that version 1 does not define is set.
    case unknownFlags
    /// `.authenticated` is set but no key was given.
    case missingKey
    /// The output buffer is shorter than `report.encodedByteCount`.
    case bufferTooSmall
}

/// Byte-exact codec of the SKAC acoustic detection report (ICD 1.3).
///
/// `parse` checks structure only (magic, version, flags, N, exact length,
/// reserved bytes) and is total: any bytes give a report or a rejection,
/// never a trap or a read past the end. Authentication and replay are the
/// job of `SKACReceiver`, which holds keys and per-sensor state.
public enum SKACCodec {
    /// Decodes the structure of `bytes` into `report` without allocating.
    /// On a throw, `report` may be partly overwritten.
    public static func parse(
        _ bytes: UnsafeRawBufferPointer, into report: inout SKACReport
    ) throws(SKACRejection) {
        var r = ByteReader(bytes)
        guard bytes.count >= SKACHeader.byteCount,
            let magic = r.readUInt32(), let version = r.readUInt8(), let flagBits = r.readUInt8(),
            let n = r.readUInt16(), let sensorId = r.readUInt32(), let sequence = r.readUInt32(),
            let timeNs = r.readInt64(), let lat = r.readInt32(), let lon = r.readInt32(), let alt = r.readInt32()
        else { throw .truncatedHeader }
        guard magic == SKACHeader.magic else { throw .badMagic }
        guard version == SKACHeader.version else { throw .badVersion }
        let flags = SKACFlags(rawValue: flagBits)
        guard flags.isSubset(of: .defined) else { throw .unknownFlags }
        guard n >= 1, Int(n) <= SKACReport.maxDetections else { throw .badDetectionCount }
        let tagBytes = flags.contains(.authenticated) ? MessageAuthenticator.tagByteCount : 0
        guard bytes.count == SKACHeader.byteCount + SKACDetection.byteCount * Int(n) + tagBytes else {
            throw .lengthMismatch
        }
        report.header = SKACHeader(
            flags: flags, detectionCount: n, sensorId: sensorId, sequence: sequence,
            reportTimeNs: timeNs, latitudeE7: lat, longitudeE7: lon, altitudeMm: alt)
        for i in 0..<Int(n) {
            // The length check above guarantees every read succeeds; the
            // guard keeps the decoder total even if that ever changed.
            guard let dt = r.readInt32(), let az = r.readUInt16(), let el = r.readInt16(),
                let sigma = r.readUInt16(), let snr = r.readInt16(), let f0 = r.readUInt16(),
                let harmonics = r.readUInt8(), let hint = r.readUInt8(), let confidence = r.readUInt8(),
                let res0 = r.readUInt8(), let res1 = r.readUInt16(), let sourceId = r.readUInt32()
            else { throw .lengthMismatch }
            guard res0 == 0, res1 == 0 else { throw .reservedNotZero }
            report.detections[i] = SKACDetection(
                timeOffsetUs: dt, azimuthRaw: az, elevationCentiDeg: el, bearingSigmaCentiDeg: sigma,
                snrCentiDb: snr, fundamentalDeciHz: f0, harmonicCount: harmonics, sourceHintRaw: hint,
                hintConfidence: confidence, sourceId: sourceId)
        }
    }

    /// `parse` of an array into a new report (tools and tests; the array is
    /// only borrowed).
    public static func parse(_ bytes: [UInt8]) throws(SKACRejection) -> SKACReport {
        var report = SKACReport()
        let result: Result<Void, SKACRejection> = bytes.withUnsafeBytes { raw in
            do throws(SKACRejection) {
                try parse(raw, into: &report)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
        return report
    }

    /// Encodes `report` into `buffer`, appending the tag under `key` when the
    /// report's flags say `.authenticated`. Returns the bytes written
    /// (`report.encodedByteCount`). Does not allocate.
    @discardableResult
    public static func encode(
        _ report: SKACReport, key: AuthKey?, into buffer: UnsafeMutableRawBufferPointer
    ) throws(SKACEncodeError) -> Int {
        let h = report.header
        guard h.detectionCount >= 1, Int(h.detectionCount) <= SKACReport.maxDetections else {
            throw .badDetectionCount
        }
        guard h.flags.isSubset(of: .defined) else { throw .unknownFlags }
        let authenticated = h.flags.contains(.authenticated)
        if authenticated, key == nil { throw .missingKey }
        let total = report.encodedByteCount
        guard buffer.count >= total else { throw .bufferTooSmall }

        var w = ByteWriter(buffer)
        w.u32(SKACHeader.magic)
        w.u8(SKACHeader.version)
        w.u8(h.flags.rawValue)
        w.u16(h.detectionCount)
        w.u32(h.sensorId)
        w.u32(h.sequence)
        w.i64(h.reportTimeNs)
        w.i32(h.latitudeE7)
        w.i32(h.longitudeE7)
        w.i32(h.altitudeMm)
        for i in 0..<report.count {
            let d = report.detections[i]
            w.i32(d.timeOffsetUs)
            w.u16(d.azimuthRaw)
            w.i16(d.elevationCentiDeg)
            w.u16(d.bearingSigmaCentiDeg)
            w.i16(d.snrCentiDb)
            w.u16(d.fundamentalDeciHz)
            w.u8(d.harmonicCount)
            w.u8(d.sourceHintRaw)
            w.u8(d.hintConfidence)
            w.zeros(3)
            w.u32(d.sourceId)
        }
        if authenticated, let key {
            let body = w.offset
            MessageAuthenticator.tag(
                message: UnsafeRawBufferPointer(rebasing: buffer[0..<body]), key: key,
                into: UnsafeMutableRawBufferPointer(rebasing: buffer[body..<total]))
        }
        return total
    }

    /// Encodes into a new array (for the simulator and tests; allocates).
    public static func encode(_ report: SKACReport, key: AuthKey?) throws(SKACEncodeError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: max(report.encodedByteCount, 0))
        let result: Result<Int, SKACEncodeError> = out.withUnsafeMutableBytes { buffer in
            do throws(SKACEncodeError) {
                return .success(try encode(report, key: key, into: buffer))
            } catch {
                return .failure(error)
            }
        }
        _ = try result.get()
        return out
    }
}
