import Foundation
import FusionMath
import FusionNode
import WireFormats

/// Hand-built ASTERIX bytes for tests: records from (FRN, item bytes)
/// pairs, FSPEC computed, blocks framed. Independent of any encoder in the
/// sources, so a decoder bug cannot hide behind a matching encoder bug.
enum AsterixBytes {
    /// One record: FSPEC for the FRNs given (any order), then the items in FRN order.
    static func record(_ items: [(frn: Int, bytes: [UInt8])]) -> [UInt8] {
        let sorted = items.sorted { $0.frn < $1.frn }
        let octets = (sorted.last!.frn - 1) / 7 + 1
        var fspec = [UInt8](repeating: 0, count: octets)
        for (frn, _) in sorted {
            let i = (frn - 1) / 7, bit = 7 - (frn - 1) % 7
            fspec[i] |= UInt8(1 << bit)
        }
        for i in 0..<(octets - 1) { fspec[i] |= 1 }
        return fspec + sorted.flatMap(\.bytes)
    }

    static func block(category: UInt8, _ records: [[UInt8]]) -> [UInt8] {
        let body = records.flatMap { $0 }
        let n = body.count + 3
        return [category, UInt8(n >> 8), UInt8(n & 0xFF)] + body
    }

    static func be(_ v: Int, _ n: Int) -> [UInt8] {
        (0..<n).map { UInt8(truncatingIfNeeded: v >> (8 * (n - 1 - $0))) }
    }

    /// A CAT048 plot. `heightM` is above mean sea level (I048/110, 25 ft);
    /// `rangeRateMps` goes in I048/120 CAL; `typ` in I048/020.
    static func cat048(
        sac: UInt8 = 25, sic: UInt8, timeNs: Int64, rangeM: Double, azimuthDeg: Double, heightM: Double? = nil,
        rangeRateMps: Double? = nil, amplitudeDbm: Int? = nil, typ: UInt8 = 1, sim: Bool = false,
        address: UInt32? = nil
    ) -> [UInt8] {
        var items: [(Int, [UInt8])] = [
            (1, [sac, sic]),
            (2, be(Int(AsterixTime.timeOfDay128(ofNs: timeNs)), 3)),
            (3, [typ << 5 | (sim ? 0x10 : 0)]),
            (4, be(Int((rangeM / 1852 * 256).rounded()), 2) + be(Int((azimuthDeg / 360 * 65536).rounded()) & 0xFFFF, 2)),
        ]
        if let a = amplitudeDbm { items.append((7, [0x08, UInt8(bitPattern: Int8(a))])) }
        if let address { items.append((8, be(Int(address), 3))) }
        if let h = heightM { items.append((19, be(Int((h / 0.3048 / 25).rounded()) & 0x3FFF, 2))) }
        if let v = rangeRateMps { items.append((20, [0x80] + be(Int(v.rounded()) & 0x3FF, 2))) }
        return record(items.map { (frn: $0.0, bytes: $0.1) })
    }

    /// A CAT034 north marker, with I034/120 when `site` is given (height MSL, m).
    static func cat034(sac: UInt8 = 25, sic: UInt8, timeNs: Int64, site: Geodetic? = nil) -> [UInt8] {
        var items: [(Int, [UInt8])] = [
            (1, [sac, sic]), (2, [1]), (3, be(Int(AsterixTime.timeOfDay128(ofNs: timeNs)), 3)),
        ]
        if let s = site {
            let lat = Int((s.latitudeDeg / 180 * 8_388_608).rounded())
            let lon = Int((s.longitudeDeg / 180 * 8_388_608).rounded())
            items.append((11, be(Int(s.heightM.rounded()), 2) + be(lat, 3) + be(lon, 3)))
        }
        return record(items.map { (frn: $0.0, bytes: $0.1) })
    }

    /// A CAT021 2.1 report: high-resolution position, geometric height (HAE).
    static func cat021(
        sac: UInt8 = 25, sic: UInt8 = 99, timeNs: Int64, position g: Geodetic, address: UInt32,
        emitterCategory: UInt8, sim: Bool = false
    ) -> [UInt8] {
        let lat = Int((g.latitudeDeg / 180 * 1_073_741_824).rounded())
        let lon = Int((g.longitudeDeg / 180 * 1_073_741_824).rounded())
        let items: [(Int, [UInt8])] = [
            (1, [sac, sic]),
            (2, sim ? [0x01, 0x20] : [0x00]),
            (5, be(Int(AsterixTime.timeOfDay128(ofNs: timeNs)), 3)),
            (7, be(lat, 4) + be(lon, 4)),
            (11, be(Int(address), 3)),
            (16, be(Int((g.heightM / 0.3048 / 6.25).rounded()), 2)),
            (30, [emitterCategory]),
        ]
        return record(items.map { (frn: $0.0, bytes: $0.1) })
    }
}

/// A deterministic normal generator (64-bit LCG, Box-Muller) for test noise.
struct TestNoise {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func uniform() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return (Double(state >> 11) + 0.5) / Double(1 << 53)
    }
    mutating func normal(_ sigma: Double) -> Double {
        sigma * (-2 * Foundation.log(uniform())).squareRoot() * Foundation.cos(2 * Double.pi * uniform())
    }
}

/// A sink that keeps everything the pipeline produced.
struct CollectingNodeSink: NodeSink {
    var sent: [(output: NodeOutput, bytes: [UInt8], timeNs: Int64)] = []
    var trackLines: [TrackReportLine] = []
    var trackJSON: [String] = []
    var cueLines: [CueReportLine] = []

    mutating func send(_ bytes: UnsafeRawBufferPointer, to output: NodeOutput, atNs timeNs: Int64) {
        sent.append((output, Array(bytes), timeNs))
    }
    mutating func trackReport(_ line: TrackReportLine, json: UnsafeRawBufferPointer) {
        trackLines.append(line)
        trackJSON.append(String(decoding: json, as: UTF8.self))
    }
    mutating func cueReport(_ line: CueReportLine, json: UnsafeRawBufferPointer) { cueLines.append(line) }
}

/// A site for synthetic scenarios: one 3D Doppler radar, ADS-B, acoustic,
/// one circular zone with one interceptor drone and a binary cue endpoint.
enum SyntheticSite {
    static let origin = Geodetic(latitudeDeg: 50.45, longitudeDeg: 30.52, heightM: 180)
    static let radarSite = Geodetic(latitudeDeg: 50.468, longitudeDeg: 30.566, heightM: 200)
    static let radarPort: UInt16 = 4048
    static let adsbPort: UInt16 = 4021
    static let acousticPort: UInt16 = 4100
    /// 2026-11-22 10:00:00 UTC.
    static let startNs: Int64 = 1_795_341_600_000_000_000

    static let json = """
        {"node": {"id": 7, "origin": {"lat": 50.45, "lon": 30.52, "alt_m": 180.0}},
         "radars": [{"name": "R1", "sac": 25, "sic": 1, "port": 4048,
                     "lat": 50.468, "lon": 30.566, "alt_m": 200.0,
                     "period_s": 1.0, "range_m": 16000, "sigma_range_m": 8.0,
                     "sigma_az_deg": 0.2, "sigma_el_deg": 0.3,
                     "three_d": true, "doppler": true, "amplitude_k_db": 70.0}],
         "adsb": {"port": 4021, "sac": 25, "sic": 99},
         "acoustic": {"port": 4100},
         "zones": [{"name": "CITY", "kind": "circle", "floor_m": 0, "ceiling_m": 4000,
                    "center": {"lat": 50.45, "lon": 30.52, "alt_m": 0}, "radius_m": 1500}],
         "interceptors": [{"name": "IDR-1", "zone": "CITY", "kind": "interceptor-drone",
                           "lat": 50.45, "lon": 30.52, "alt_m": 180, "speed_mps": 60, "range_m": 12000}],
         "outputs": {"cues": [{"interceptor": "IDR-1", "host": "10.1.2.3", "port": 5001, "format": "binary"},
                              {"interceptor": "IDR-1", "host": "10.1.2.4", "port": 5002, "format": "cot"}]},
         "keys": {"node_key": "\(String(repeating: "5a", count: 32))"}
        }
        """

    static func configuration() throws -> SiteConfiguration { try SiteConfiguration.parse(json) }

    /// A straight, level flight in the node's frame: position (m) at `t` s.
    static func truth(_ t: Double, start: Vector3, velocity: Vector3) -> Vector3 { start + t * velocity }

    /// Range (m), azimuth (deg) and height above MSL (m) of an ENU point as
    /// the radar sees it, by plain geometry (no radar model).
    static func radarView(of p: Vector3, frame: LocalFrame) -> (rangeM: Double, azimuthDeg: Double, heightM: Double) {
        let ecef = frame.ecef(fromENU: p)
        let local = LocalFrame(origin: radarSite).enu(fromECEF: ecef)
        var az = Foundation.atan2(local.x, local.y) * 180 / Double.pi
        if az < 0 { az += 360 }
        return (local.norm, az, Geodetic(ecef: ecef).heightM)
    }
}
