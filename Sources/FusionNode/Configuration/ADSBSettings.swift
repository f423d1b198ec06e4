/// The ADS-B feed: ASTERIX CAT021 from a ground station.
///
/// JSON section `adsb` (optional; all keys optional). `sac`/`sic`, when
/// given, restrict the feed to that ground station's data source
/// (I021/010); otherwise any source on the port is accepted.
public struct ADSBSettings: Sendable, Equatable {
    public var port: UInt16
    public var sac: UInt8?
    public var sic: UInt8?

    public init(port: UInt16 = 4021, sac: UInt8? = nil, sic: UInt8? = nil) {
        self.port = port
        self.sac = sac
        self.sic = sic
    }
}

extension ADSBSettings {
    init(reading r: ConfigObject) {
        defer { r.finish() }
        self.init(
            port: UInt16(r.integer("port", in: 1...65535, default: 4021)),
            sac: r.optionalInteger("sac", in: 0...255).map(UInt8.init),
            sic: r.optionalInteger("sic", in: 0...255).map(UInt8.init))
        if (sac == nil) != (sic == nil) {
            r.log.add(r.path(sac == nil ? "sac" : "sic"), "missing: give both sac and sic, or neither")
        }
    }
}
