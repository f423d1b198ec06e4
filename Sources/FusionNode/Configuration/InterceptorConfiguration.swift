import Cueing
import FusionMath

/// An effector that defends one zone and can be cued onto a threat.
///
/// JSON: an element of `interceptors`. `zone` names an entry of `zones`.
public struct InterceptorConfiguration: Sendable, Equatable {
    /// How the interceptor reaches a target, which decides its intercept
    /// geometry.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Static: engages a target that comes within `rangeM`.
        case gunTeam = "gun-team"
        /// Flies at `speedMps` up to `rangeM` from its site.
        case interceptorDrone = "interceptor-drone"
        /// Flies at `speedMps` up to `rangeM` from its site.
        case missile = "missile"

        /// True for kinds that fly out to the target.
        public var flies: Bool { self != .gunTeam }

        /// `max_targets` when the file does not say (Cueing's default).
        public var defaultMaxTargets: Int { InterceptorKind(configName: rawValue)?.defaultCapacity ?? 1 }
    }

    public var name: String
    /// Name of the zone it defends.
    public var zone: String
    public var kind: Kind
    /// Launch or firing position, WGS84 HAE.
    public var position: Geodetic
    /// Mean speed over the fly-out, m/s; 0 allowed only for a gun team.
    public var speedMps: Double
    /// Engagement range for a gun team; maximum fly-out distance otherwise.
    public var rangeM: Double
    /// Targets it holds at once (`max_targets`; default by kind: a gun
    /// team or an interceptor drone 1, a missile launcher 2).
    public var maxTargets: Int

    public init(
        name: String, zone: String, kind: Kind, position: Geodetic, speedMps: Double, rangeM: Double,
        maxTargets: Int? = nil
    ) {
        self.name = name
        self.zone = zone
        self.kind = kind
        self.position = position
        self.speedMps = speedMps
        self.rangeM = rangeM
        self.maxTargets = maxTargets ?? kind.defaultMaxTargets
    }
}

extension InterceptorConfiguration {
    init(reading r: ConfigObject) {
        defer { r.finish() }
        let kind = r.choice("kind", Kind.allCases.map(\.rawValue)).flatMap(Kind.init(rawValue:))
        let before = r.log.issues.count
        // Faster than any fielded interceptor: a units typo, not a missile.
        let speed = r.number("speed_mps", .within(0...3_000))
        if let kind, kind.flies, speed == 0, r.log.issues.count == before {
            r.log.add(r.path("speed_mps"), "must be greater than 0 for kind \"\(kind.rawValue)\"")
        }
        self.init(
            name: r.string("name"),
            zone: r.string("zone"),
            kind: kind ?? .gunTeam,
            position: r.position(),
            speedMps: speed,
            rangeM: r.number("range_m", .positiveUpTo(1_000_000)),
            maxTargets: r.integer("max_targets", in: 1...64, default: (kind ?? .gunTeam).defaultMaxTargets))
    }
}
