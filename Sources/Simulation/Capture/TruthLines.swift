import FusionMath
import WireFormats

/// A scenario's truth as JSON Lines: one object per flying target per
/// period (default 1 s, from the scenario's start), in time order, targets
/// in scenario order within one time:
///
///     {"t": 1794787200.000, "id": 3, "kind": "piston_drone", "class": "uncrewed",
///      "lat": 50.4500000, "lon": 30.5200000, "alt_m": 812.40, "ve": -48.10,
///      "vn": 3.20, "vu": 0.10}
///
/// Number formats as the replay reports (Hardware/ICD.md 2.4): `t` seconds
/// since the Unix epoch, 3 decimals; `lat`/`lon` WGS84 degrees, 7;
/// `alt_m` metres HAE, 2; `ve`/`vn`/`vu` m/s in the local East-North-Up axes
/// at the target, 2. `class` is the class the node should reach
/// (`uncrewed`, `crewed`, `bird`). Byte-deterministic.
public enum TruthLines {
    /// Appends every line of `scenario` to `out`.
    public static func append(_ scenario: Scenario, periodNs: Int64 = 1_000_000_000, to out: inout TextByteBuffer) {
        precondition(periodNs > 0)
        var t = scenario.startNs
        while t <= scenario.endNs {
            for target in scenario.targets {
                guard let s = target.state(atNs: t) else { continue }
                appendLine(id: target.id, kind: target.kind, state: s, timeNs: t, frame: scenario.frame, to: &out)
            }
            t += periodNs
        }
    }

    /// Lines `append` writes for `scenario` (for tests: one per flying target per period).
    public static func lineCount(_ scenario: Scenario, periodNs: Int64 = 1_000_000_000) -> Int {
        var n = 0
        var t = scenario.startNs
        while t <= scenario.endNs {
            for target in scenario.targets where target.state(atNs: t) != nil { n += 1 }
            t += periodNs
        }
        return n
    }

    /// One line (newline included).
    public static func appendLine(
        id: Int, kind: TargetKind, state: TruthState, timeNs: Int64, frame: LocalFrame, to out: inout TextByteBuffer
    ) {
        let g = frame.geodetic(fromENU: state.positionENU)
        // The frame's axes turn with distance from its origin; report the
        // velocity in the axes at the target, as a track report would.
        let v = LocalFrame(origin: g).rotateToENU(frame.rotateToECEF(state.velocityENU))
        out.append("{\"t\": ")
        out.appendEpochSeconds(ns: timeNs)
        out.append(", \"id\": ")
        out.appendInteger(Int64(id))
        out.append(", \"kind\": \"")
        out.append(name(of: kind))
        out.append("\", \"class\": \"")
        out.append(className(of: kind))
        out.append("\", \"lat\": ")
        out.appendJSONNumber(g.latitudeDeg, decimals: 7)
        out.append(", \"lon\": ")
        out.appendJSONNumber(g.longitudeDeg, decimals: 7)
        out.append(", \"alt_m\": ")
        out.appendJSONNumber(g.heightM, decimals: 2)
        out.append(", \"ve\": ")
        out.appendJSONNumber(v.x, decimals: 2)
        out.append(", \"vn\": ")
        out.appendJSONNumber(v.y, decimals: 2)
        out.append(", \"vu\": ")
        out.appendJSONNumber(v.z, decimals: 2)
        out.append("}\n")
    }

    /// The kind's name in truth files.
    public static func name(of kind: TargetKind) -> StaticString {
        switch kind {
        case .pistonDrone: "piston_drone"
        case .jetDrone: "jet_drone"
        case .multirotor: "multirotor"
        case .airliner: "airliner"
        case .helicopter: "helicopter"
        case .lightAircraft: "light_aircraft"
        case .glider: "glider"
        case .bird: "bird"
        }
    }

    /// The class the node should reach, as replay reports name classes.
    public static func className(of kind: TargetKind) -> StaticString {
        switch kind.truthClass {
        case .uncrewed: "uncrewed"
        case .crewed: "crewed"
        case .bird: "bird"
        case .unknown: "unknown"
        }
    }
}
