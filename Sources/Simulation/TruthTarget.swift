import FusionMath

/// One simulated target: what it is, how it flies, and the signature values
/// the sensor models read (drawn once per target, so a target keeps its RCS
/// and its engine note for the whole run).
public struct TruthTarget: Sendable {
    /// Scenario-unique id, >= 1; detections carry it as their truth id.
    public let id: Int
    public let kind: TargetKind
    public let trajectory: Trajectory
    /// Mean radar cross-section, dBsm (a flock: the sum over its birds).
    public let rcsDbsm: Double
    /// 24-bit ICAO address of its transponder; nil when it has none.
    public let icaoAddress: UInt32?
    /// Callsign broadcast by ADS-B (up to 8 characters); nil without a transponder.
    public let callsign: String?
    /// Fundamental of its harmonic sound, Hz; nil when it makes none.
    public let fundamentalHz: Double?
    /// Birds in a flock; 1 otherwise.
    public let groupSize: Int

    public init(
        id: Int, kind: TargetKind, trajectory: Trajectory, rcsDbsm: Double, icaoAddress: UInt32?,
        callsign: String?, fundamentalHz: Double?, groupSize: Int = 1
    ) {
        self.id = id
        self.kind = kind
        self.trajectory = trajectory
        self.rcsDbsm = rcsDbsm
        self.icaoAddress = icaoAddress.map { $0 & 0xFF_FFFF }
        self.callsign = callsign
        self.fundamentalHz = fundamentalHz
        self.groupSize = groupSize
    }

    /// A target of `kind` with its signature drawn from the kind's ranges.
    /// `transponder` overrides the kind's default.
    public init(
        id: Int, kind: TargetKind, trajectory: Trajectory, transponder: Bool? = nil,
        generator: inout SeededGenerator
    ) {
        // Triangular over the kind's range: most airframes of a kind are
        // near its typical size, few at the edges where kinds overlap.
        let rcsRange = kind.rcsRangeDbsm
        let u = generator.uniform(), width = rcsRange.upperBound - rcsRange.lowerBound
        var rcs = u < 0.5
            ? rcsRange.lowerBound + width * (0.5 * u).squareRoot() : rcsRange.upperBound - width * (0.5 * (1 - u)).squareRoot()
        let group = kind.groupSizeRange
        let size = group.lowerBound + Int(generator.uniform() * Double(group.count))
        // Incoherent sum of equal scatterers: + 10 log10(n).
        if size > 1 { rcs += 10 * Math.log10(Double(size)) }
        var fundamental: Double? = nil
        if let f = kind.fundamentalRangeHz { fundamental = generator.uniform(f.lowerBound, f.upperBound) }
        var icao: UInt32? = nil
        var callsign: String? = nil
        if transponder ?? kind.hasTransponderByDefault {
            // Avoid 0 and 0xFFFFFF, which decoders may treat as unset.
            icao = 1 + UInt32(generator.next() % 0xFF_FFFE)
            callsign = TruthTarget.callsign(for: kind, number: id, generator: &generator)
        }
        self.init(
            id: id, kind: kind, trajectory: trajectory, rcsDbsm: rcs, icaoAddress: icao, callsign: callsign,
            fundamentalHz: fundamental, groupSize: size)
    }

    public var hasTransponder: Bool { icaoAddress != nil }

    /// Position and velocity at `timeNs`, nil when it is not flying.
    public func state(atNs timeNs: Int64) -> TruthState? { trajectory.state(atNs: timeNs) }

    private static func callsign(for kind: TargetKind, number: Int, generator: inout SeededGenerator) -> String {
        let prefixes = kind == .airliner ? ["AUA", "LOT", "DLH", "THY", "WZZ"] : ["UR", "SP", "D-"]
        let prefix = prefixes[Int(generator.next() % UInt64(prefixes.count))]
        return prefix + String(100 + (number * 37 + Int(generator.next() % 900)) % 900)
    }
}
