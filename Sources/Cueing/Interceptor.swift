import FusionMath

/// The kinds of interceptor of ICD 3.
public enum InterceptorKind: UInt8, Sendable, BitwiseCopyable, CaseIterable {
    /// Static; engages what comes within `range_m`.
    case gunTeam = 0
    /// Launched, flies at `speed_mps` up to `range_m`.
    case interceptorDrone = 1
    /// Launched, flies at `speed_mps` up to `range_m`.
    case missile = 2

    /// The configuration spelling (ICD 3).
    public var configName: StaticString {
        switch self {
        case .gunTeam: "gun-team"
        case .interceptorDrone: "interceptor-drone"
        case .missile: "missile"
        }
    }

    /// The kind spelled `name` in a configuration, nil for any other name.
    /// Compared as UTF-8 bytes (no Unicode tables needed in Embedded Swift).
    public init?(configName name: String) {
        for kind in InterceptorKind.allCases {
            let spelled = kind.configName
            let bytes = UnsafeBufferPointer(start: spelled.utf8Start, count: spelled.utf8CodeUnitCount)
            if name.utf8.elementsEqual(bytes) {
                self = kind
                return
            }
        }
        return nil
    }

    /// Targets one interceptor holds at once unless configured otherwise: a
    /// gun team and a drone (one airframe, one pilot) engage one target; a
    /// missile launcher has several rounds and fire control for two.
    public var defaultCapacity: Int {
        switch self {
        case .gunTeam: 1
        case .interceptorDrone: 1
        case .missile: 2
        }
    }
}

/// One interceptor of a zone: where it is (ENU, metres, and WGS84), how fast
/// it flies (m/s, unused for gun teams), how far it reaches (metres) and how
/// many targets it may hold at once.
@frozen
public struct Interceptor: Sendable, BitwiseCopyable {
    public var name: CueName
    /// Name of the zone it defends; resolved by `CueingEngine.configure`.
    public var zoneName: CueName
    public var kind: InterceptorKind
    public var positionENU: Vector3
    public var position: Geodetic
    public var speedMps: Double
    public var rangeM: Double
    /// Targets held at once, >= 1.
    public var capacity: Int

    /// An interceptor at a WGS84 position (height HAE).
    public init(
        name: CueName, zoneName: CueName, kind: InterceptorKind, position: Geodetic, speedMps: Double, rangeM: Double,
        capacity: Int? = nil, frame: LocalFrame
    ) {
        self.name = name
        self.zoneName = zoneName
        self.kind = kind
        self.position = position
        positionENU = frame.enu(from: position)
        self.speedMps = speedMps
        self.rangeM = rangeM
        self.capacity = Swift.max(1, capacity ?? kind.defaultCapacity)
    }

    /// An interceptor at an ENU position of `frame`.
    public init(
        name: CueName, zoneName: CueName, kind: InterceptorKind, positionENU: Vector3, speedMps: Double,
        rangeM: Double, capacity: Int? = nil, frame: LocalFrame
    ) {
        self.init(
            name: name, zoneName: zoneName, kind: kind, position: frame.geodetic(fromENU: positionENU),
            speedMps: speedMps, rangeM: rangeM, capacity: capacity, frame: frame)
        self.positionENU = positionENU
    }

    /// The earliest intercept of a constant-velocity target within
    /// `horizonS` seconds, by this interceptor's kind (see `InterceptSolver`).
    public func intercept(targetPosition p: Vector3, targetVelocity v: Vector3, horizonS: Double) -> InterceptSolution? {
        switch kind {
        case .gunTeam:
            InterceptSolver.staticWeapon(
                site: positionENU, rangeM: rangeM, targetPosition: p, targetVelocity: v, horizonS: horizonS)
        case .interceptorDrone, .missile:
            InterceptSolver.pursuit(
                site: positionENU, speedMps: speedMps, rangeM: rangeM, targetPosition: p, targetVelocity: v,
                horizonS: horizonS)
        }
    }
}
