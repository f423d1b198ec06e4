import FusionCore
import FusionMath
import WireFormats

/// Acoustic sensors met so far, created on first contact: each SKAC report
/// carries its sensor's own GPS position, which gives the pose of its
/// bearings. Fixed capacity (`limits.max_acoustic_sensors`), reserved at
/// start-up, so a flood of sensor ids cannot grow memory.
struct AcousticSensorTable {
    let capacity: Int
    /// Engine sensor index of the first acoustic sensor.
    let firstIndex: SensorIndex
    private var ids: [UInt32] = []
    /// Position as last reported (wire units), and the pose built from it.
    private var positions: [(Int32, Int32, Int32)] = []
    private var poses: [SensorPose] = []

    init(capacity: Int, firstIndex: SensorIndex) {
        self.capacity = capacity
        self.firstIndex = firstIndex
        ids.reserveCapacity(capacity)
        positions.reserveCapacity(capacity)
        poses.reserveCapacity(capacity)
    }

    var count: Int { ids.count }

    /// The sensor index and pose for a report's header, adding the sensor
    /// on first contact and moving it when its position changed; nil when
    /// the table is full.
    mutating func sensor(for h: SKACHeader, frame: LocalFrame) -> (index: SensorIndex, pose: SensorPose, isNew: Bool)? {
        let position = (h.latitudeE7, h.longitudeE7, h.altitudeMm)
        for i in ids.indices where ids[i] == h.sensorId {
            if positions[i] != position {
                positions[i] = position
                poses[i] = Self.pose(h, frame)
            }
            return (firstIndex + SensorIndex(i), poses[i], false)
        }
        guard ids.count < capacity else { return nil }
        ids.append(h.sensorId)
        positions.append(position)
        poses.append(Self.pose(h, frame))
        return (firstIndex + SensorIndex(ids.count - 1), poses[ids.count - 1], true)
    }

    private static func pose(_ h: SKACHeader, _ frame: LocalFrame) -> SensorPose {
        SensorPose(
            at: Geodetic(latitudeDeg: h.latitudeDeg, longitudeDeg: h.longitudeDeg, heightM: h.altitudeM), in: frame)
    }
}
