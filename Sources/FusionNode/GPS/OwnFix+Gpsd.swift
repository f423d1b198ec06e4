import CGPS

extension OwnFix {
    /// Reads a libgps fix merged from a TPV report (absent fields are NaN
    /// there). Returns nil below mode 2 or without a finite latitude and
    /// longitude: such a TPV says "no fix", not where we are.
    ///
    /// Altitude is taken in mode 3 only (gps.h: valid if mode == 3); then
    /// `altitudeHaeM` is `altHAE`, else `altMSL + geoidSep`, else `altMSL +
    /// configuredGeoidSeparationM`, else nil.
    public init?(
        tpv fix: gps_fix_t, mask: gps_mask_t, receivedNs: Int64, configuredGeoidSeparationM: Double?
    ) {
        guard fix.mode >= 2, fix.latitude.isFinite, fix.longitude.isFinite else { return nil }
        let is3D = fix.mode >= 3
        let hae = is3D ? Self.finite(fix.altHAE) : nil
        let msl = is3D ? Self.finite(fix.altMSL) : nil
        let geoid = is3D ? Self.finite(fix.geoid_sep) : nil
        let altitude: Double?
        let source: AltitudeSource
        if let hae {
            (altitude, source) = (hae, .reportedHAE)
        } else if let msl, let geoid {
            (altitude, source) = (msl + geoid, .mslPlusReportedGeoid)
        } else if let msl, let configured = configuredGeoidSeparationM {
            (altitude, source) = (msl + configured, .mslPlusConfiguredGeoid)
        } else {
            (altitude, source) = (nil, .none)
        }
        // TIME_SET is what libgps sets when the TPV carried a time; a zero
        // timespec is its "no time" too, so check both.
        let hasTime = cgps_time_is_set(mask) && fix.time.tv_sec != 0
        self.init(
            mode: Int(fix.mode),
            timeNs: hasTime ? Self.nanoseconds(fix.time) : nil,
            receivedNs: receivedNs,
            latitudeDeg: fix.latitude,
            longitudeDeg: fix.longitude,
            altitudeHaeM: altitude,
            altitudeMslM: msl,
            geoidSeparationM: geoid,
            altitudeSource: source,
            speedMps: Self.finite(fix.speed),
            trackDeg: Self.finite(fix.track),
            climbMps: Self.finite(fix.climb),
            ephM: Self.finite(fix.eph),
            epvM: Self.finite(fix.epv))
    }

    static func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }

    static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

extension ClockOffset {
    /// Reads a libgps TOFF or PPS pair (`real` = GPS time, `clock` = the
    /// system clock). Nil when gpsd left the GPS time empty.
    public init?(source: Source, delta: timedelta_t, receivedNs: Int64) {
        guard delta.real.tv_sec > 0 else { return nil }
        self.init(
            source: source,
            gpsTimeNs: OwnFix.nanoseconds(delta.real),
            systemTimeNs: OwnFix.nanoseconds(delta.clock),
            receivedNs: receivedNs)
    }
}
