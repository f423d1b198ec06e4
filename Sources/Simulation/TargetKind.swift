import FusionCore

/// What a simulated truth target is, with the physical defaults that the
/// sensor models and scenario builders draw from.
///
/// Figures are typical open-source values, chosen so that the classes overlap
/// where they really do (a light aircraft and a piston drone fly at the same
/// speed; a multirotor and a flock of birds have similar radar cross-sections)
/// and the classifier has to combine evidence rather than read one field.
///
/// Units: speeds m/s (horizontal ground speed), heights metres above the
/// scenario site (the tracking frame's up axis), RCS dBsm, frequencies Hz,
/// turn rates rad/s.
public enum TargetKind: UInt8, Sendable, BitwiseCopyable, CaseIterable, Equatable {
    /// One-way attack drone with a piston engine (Shahed-class): slow, low,
    /// small, loud at a low fundamental.
    case pistonDrone
    /// Jet-powered one-way attack drone or cruise-missile-like target.
    case jetDrone
    /// Small electric multirotor.
    case multirotor
    /// Transport airliner with a Mode S / ADS-B transponder.
    case airliner
    /// Crewed helicopter.
    case helicopter
    /// Crewed light aircraft with a piston engine (often no transponder).
    case lightAircraft
    /// Crewed glider: no engine, no sound, small RCS for its size.
    case glider
    /// A bird or a flock of birds that the radar sees as one plot.
    case bird

    /// The class the classifier should reach for this target.
    public var truthClass: TargetClass {
        switch self {
        case .pistonDrone, .jetDrone, .multirotor: .uncrewed
        case .airliner, .helicopter, .lightAircraft, .glider: .crewed
        case .bird: .bird
        }
    }

    public var isCrewed: Bool { truthClass == .crewed }

    /// Nominal horizontal ground speed, m/s.
    public var nominalSpeedMps: Double {
        switch self {
        case .pistonDrone: 50
        case .jetDrone: 120
        case .multirotor: 15
        case .airliner: 230
        case .helicopter: 60
        case .lightAircraft: 55
        case .glider: 30
        case .bird: 12
        }
    }

    /// Range of plausible ground speeds, m/s, for random draws.
    public var speedRangeMps: ClosedRange<Double> {
        switch self {
        case .pistonDrone: 40...55
        case .jetDrone: 100...150
        case .multirotor: 5...20
        case .airliner: 180...250
        case .helicopter: 30...75
        case .lightAircraft: 45...70
        case .glider: 22...50
        case .bird: 8...18
        }
    }

    /// Typical height band above the site, metres.
    public var altitudeBandM: ClosedRange<Double> {
        switch self {
        case .pistonDrone: 100...2000
        case .jetDrone: 50...3000
        case .multirotor: 20...300
        case .airliner: 2000...11000
        case .helicopter: 50...500
        case .lightAircraft: 300...3000
        case .glider: 500...2500
        case .bird: 10...600
        }
    }

    /// Range of radar cross-sections, dBsm (X/S band, aspect-averaged):
    /// small multirotors -20..-10 (motors, battery and arms are metal and
    /// carbon), fixed-wing piston drones -10..0, light aircraft 0..+10,
    /// single birds -35..-25 (a flock adds 10 log10 of its size). Targets
    /// are drawn triangular over the range (`TruthTarget`).
    public var rcsRangeDbsm: ClosedRange<Double> {
        switch self {
        case .pistonDrone: -10...0
        case .jetDrone: -8...2
        case .multirotor: -20...(-10)
        case .airliner: 20...30
        case .helicopter: 5...15
        case .lightAircraft: 0...10
        case .glider: -5...3
        case .bird: -35...(-25)
        }
    }

    /// The middle of `rcsRangeDbsm`.
    public var nominalRcsDbsm: Double { 0.5 * (rcsRangeDbsm.lowerBound + rcsRangeDbsm.upperBound) }

    /// Largest turn rate the kind flies, rad/s: the bound on the coordinated
    /// turns of its trajectories.
    public var maxTurnRateRadPerS: Double {
        switch self {
        case .pistonDrone: 0.12
        case .jetDrone: 0.08
        case .multirotor: 0.6
        case .airliner: 0.05  // rate-one turn, 3 deg/s
        case .helicopter: 0.2
        case .lightAircraft: 0.1
        case .glider: 0.15
        case .bird: 0.6
        }
    }

    /// Whether the kind normally carries a Mode S / ADS-B transponder. Light
    /// aircraft and gliders often fly without one: the hard crewed cases.
    public var hasTransponderByDefault: Bool {
        switch self {
        case .airliner, .helicopter: true
        default: false
        }
    }

    /// ADS-B emitter category (I021/020 ECAT) the kind would broadcast: 4
    /// (34-136 t), 10 rotorcraft, 1 light, 11 glider, 13 UAV; 0 no information.
    public var emitterCategory: UInt8 {
        switch self {
        case .airliner: 4
        case .helicopter: 10
        case .lightAircraft: 1
        case .glider: 11
        case .pistonDrone, .jetDrone, .multirotor: 13
        case .bird: 0
        }
    }

    /// Acoustic source hint (ICD 1.3) an acoustic sensor would report: 0
    /// unknown/no engine, 1 piston engine, 2 electric rotors, 3 turbine or
    /// jet, 4 helicopter main rotor.
    public var acousticSourceHint: UInt8 {
        switch self {
        case .pistonDrone, .lightAircraft: 1
        case .multirotor: 2
        case .jetDrone, .airliner: 3
        case .helicopter: 4
        case .glider, .bird: 0
        }
    }

    /// Range of the harmonic fundamental of the kind's sound, Hz (the base of
    /// the harmonic series an array's pitch tracker reports); nil when it
    /// makes no harmonic sound.
    ///
    /// - Piston one-way attack drones: small two-strokes (the Shahed-class
    ///   MD-550 four-cylinder at 6,000-7,000 rpm; single-cylinder engines of
    ///   smaller drones up to 12,000 rpm): shaft rate 100-200 Hz, the buzz
    ///   of a moped.
    /// - Light aircraft: four-stroke flat-fours and -sixes at 2,100-2,700 rpm
    ///   driving a two-blade propeller directly: firing rate and blade pass
    ///   70-110 Hz. (A geared Rotax ultralight sits at 110-180 Hz: see the
    ///   hard-case suite's drone-sounding light aircraft.)
    /// - Multirotors: blade pass of small electric rotors (two blades at
    ///   3,000-9,000 rpm) 100-300 Hz.
    /// - Helicopters: main-rotor blade pass 10-30 Hz.
    /// - Jets and turbines: broadband, no usable harmonic series here.
    public var fundamentalRangeHz: ClosedRange<Double>? {
        switch self {
        case .pistonDrone: 100...200
        case .lightAircraft: 70...110
        case .multirotor: 100...300
        case .helicopter: 10...30
        case .jetDrone, .airliner, .glider, .bird: nil
        }
    }

    /// Scan-to-scan fluctuation of the kind's echo, dB (standard deviation
    /// of the plot amplitude about its mean, before the radar's own
    /// amplitude noise). A rigid airframe seen at a slowly changing aspect
    /// behaves like a Swerling 3 target (one dominant scatterer: the
    /// log of a chi-square with 4 degrees of freedom has a 3.5 dB spread);
    /// a flapping bird or a flock of independent scatterers like Swerling 1-2
    /// (5.6 dB) with the wingbeat's aspect modulation on top: about 6 dB.
    public var rcsFluctuationDb: Double {
        self == .bird ? 6 : 3.5
    }

    /// Distance at which an acoustic array hears the kind at ~50 % Pd, metres.
    public var acousticDetectionRangeM: Double {
        switch self {
        case .pistonDrone: 4000
        case .jetDrone: 5000
        case .multirotor: 600
        case .airliner: 10000
        case .helicopter: 6000
        case .lightAircraft: 4000
        case .glider, .bird: 0
        }
    }

    /// How many birds a flock holds (one plot for the radar); 1 for the rest.
    public var groupSizeRange: ClosedRange<Int> {
        self == .bird ? 1...30 : 1...1
    }
}
