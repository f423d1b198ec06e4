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
    /// Per sensor: newest arrival, reports, and its sequence numbers.
    private var lastHeardNs: [Int64] = []
    private var reports: [UInt64] = []
    private var sequences: [SequenceGap] = []

    init(capacity: Int, firstIndex: SensorIndex) {
        self.capacity = capacity
        self.firstIndex = firstIndex
        ids.reserveCapacity(capacity)
        positions.reserveCapacity(capacity)
        poses.reserveCapacity(capacity)
        lastHeardNs.reserveCapacity(capacity)
        reports.reserveCapacity(capacity)
        sequences.reserveCapacity(capacity)
    }

    var count: Int { ids.count }

    /// The sensor index and pose for a report's header that arrived at
    /// `arrivalNs`, adding the sensor on first contact and moving it when
    /// its position changed; nil when the table is full. Notes the report
    /// for `SensorHealth`.
    mutating func sensor(
        for h: SKACHeader, frame: LocalFrame, arrivalNs: Int64
    ) -> (index: SensorIndex, pose: SensorPose, isNew: Bool)? {
        let position = (h.latitudeE7, h.longitudeE7, h.altitudeMm)
        var slot = -1
        for i in ids.indices where ids[i] == h.sensorId {
            slot = i
            break
        }
        let isNew = slot < 0
        if isNew {
            guard ids.count < capacity else { return nil }
            ids.append(h.sensorId)
            positions.append(position)
            poses.append(Self.pose(h, frame))
            lastHeardNs.append(arrivalNs)
            reports.append(0)
            sequences.append(SequenceGap())
            slot = ids.count - 1
        } else if positions[slot] != position {
            positions[slot] = position
            poses[slot] = Self.pose(h, frame)
        }
        lastHeardNs[slot] = max(lastHeardNs[slot], arrivalNs)
        reports[slot] &+= 1
        sequences[slot].note(h.sequence)
        return (firstIndex + SensorIndex(slot), poses[slot], isNew)
    }

    /// Every sensor's health, in the order they were met.
    var health: [SensorHealth.Acoustic] {
        ids.indices.map {
            SensorHealth.Acoustic(
                sensorId: ids[$0], lastHeardNs: lastHeardNs[$0], reports: reports[$0],
                lostReports: sequences[$0].lost, restarts: sequences[$0].restarts)
        }
    }

    private static func pose(_ h: SKACHeader, _ frame: LocalFrame) -> SensorPose {
        SensorPose(
            at: Geodetic(latitudeDeg: h.latitudeDeg, longitudeDeg: h.longitudeDeg, heightM: h.altitudeM), in: frame)
    }
}
