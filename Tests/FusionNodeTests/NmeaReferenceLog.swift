import Foundation

/// The truth for the gpsd integration tests, read straight from a gpsd
/// regression log's NMEA sentences (independently of gpsd): every valid
/// GGA, RMC and GLL position in log order, with the RMC speed and course
/// and the GGA altitude of each epoch.
struct NmeaReferenceLog {
    struct Position {
        /// Order in the log.
        var index: Int
        /// UTC time of day, ms.
        var timeOfDayMs: Int64
        var latitudeDeg: Double
        var longitudeDeg: Double
    }

    private(set) var positions: [Position] = []
    /// RMC speed over ground (m/s) and course (deg, when given), by time of day.
    private(set) var rmcByTime: [Int64: (speedMps: Double, courseDeg: Double?)] = [:]
    /// GGA height above the ellipsoid: MSL altitude plus geoid separation.
    private(set) var haeByTime: [Int64: Double] = [:]

    /// Times of day with a GGA or RMC fix: the receiver's fix epochs.
    var epochs: Set<Int64> { Set(rmcByTime.keys).union(haeByTime.keys) }

    init(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("$") {
            let body = line.split(separator: "*", maxSplits: 1)[0]
            let fields = body.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard let kind = fields.first?.suffix(3) else { continue }
            switch kind {
            case "GGA" where fields.count > 11 && (Int(fields[6]) ?? 0) > 0:
                add(time: fields[1], lat: fields[2], ns: fields[3], lon: fields[4], ew: fields[5])
                if let time = Self.timeOfDayMs(fields[1]), let msl = Double(fields[9]),
                    let separation = Double(fields[11])
                {
                    haeByTime[time] = msl + separation
                }
            case "RMC" where fields.count > 8 && fields[2] == "A":
                add(time: fields[1], lat: fields[3], ns: fields[4], lon: fields[5], ew: fields[6])
                if let time = Self.timeOfDayMs(fields[1]), let knots = Double(fields[7]) {
                    rmcByTime[time] = (knots * 1852.0 / 3600.0, Double(fields[8]))
                }
            case "GLL" where fields.count > 6 && fields[6] == "A":
                add(time: fields[5], lat: fields[1], ns: fields[2], lon: fields[3], ew: fields[4])
            default:
                continue
            }
        }
    }

    private mutating func add(time: String, lat: String, ns: String, lon: String, ew: String) {
        guard let timeOfDay = Self.timeOfDayMs(time), let latitude = Self.degrees(lat, hemisphere: ns),
            let longitude = Self.degrees(lon, hemisphere: ew)
        else { return }
        positions.append(
            Position(
                index: positions.count, timeOfDayMs: timeOfDay, latitudeDeg: latitude,
                longitudeDeg: longitude))
    }

    /// "hhmmss.ss" -> ms since midnight.
    static func timeOfDayMs(_ text: String) -> Int64? {
        guard text.count >= 6, let seconds = Double(text.dropFirst(4)),
            let hours = Int64(text.prefix(2)), let minutes = Int64(text.dropFirst(2).prefix(2))
        else { return nil }
        return (hours * 3600 + minutes * 60) * 1000 + Int64((seconds * 1000).rounded())
    }

    /// NMEA "dddmm.mmmmm" with N/S/E/W -> signed degrees.
    static func degrees(_ text: String, hemisphere: String) -> Double? {
        guard let value = Double(text) else { return nil }
        let whole = (value / 100).rounded(.towardZero)
        let degrees = whole + (value - whole * 100) / 60
        return hemisphere == "S" || hemisphere == "W" ? -degrees : degrees
    }

    /// Metres between two positions, on a local flat earth (fine over the
    /// few km of a test log).
    static func distanceM(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let metresPerDegree = 6_371_000.0 * Double.pi / 180
        let north = (lat2 - lat1) * metresPerDegree
        let east = (lon2 - lon1) * metresPerDegree * cos((lat1 + lat2) / 2 * Double.pi / 180)
        return (north * north + east * east).squareRoot()
    }

    /// Initial bearing from 1 to 2, degrees clockwise from north, flat earth.
    static func bearingDeg(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let north = lat2 - lat1
        let east = (lon2 - lon1) * cos((lat1 + lat2) / 2 * Double.pi / 180)
        let bearing = atan2(east, north) * 180 / Double.pi
        return bearing < 0 ? bearing + 360 : bearing
    }
}
