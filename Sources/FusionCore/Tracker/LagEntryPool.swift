/// The lag-window entries of every track, in one fixed-size pool allocated
/// at engine start (a slab of `LaggedMeasurement`s with an intrusive free
/// list), instead of a full window inline in each track record.
///
/// A track's window (`FixedLagHistory`) is a short singly linked chain of
/// entries here, oldest first; its record holds only the chain's ends. Most
/// radar tracks use 4-8 entries of their 32, an acoustic target heard by
/// many arrays up to 32, so the pool is sized for a mean
/// (`TrackerConfiguration.lagEntriesPerTrack` x the table capacity) and
/// memory follows what the tracks use, not what one of them might.
///
/// Sensor poses (96 bytes, the same for every plot of a fixed sensor) are
/// shared: entries hold an index into a pose table with reference counts,
/// deduplicated against the pose last stored for the same sensor (bit for
/// bit, so a replay sees exactly the pose of the first update). The pose
/// table has as many slots as there are entries, so it cannot run out
/// before they do.
///
/// Replay snapshots: a window that takes late data marks some of its
/// entries with a snapshot of the filter just after fusing them (one every
/// `lag / 8` of data), so that a late measurement is replayed from the
/// newest one before it instead of from the checkpoint or the pending
/// snapshot: exact, since a snapshot resumes to the same filter. They are
/// slots of raw memory here (`snapshotStride` bytes each, the filter's
/// `Snapshot`), handed out like entries; an empty snapshot table only costs
/// speed (the replay starts further back), so it is not counted.
///
/// Every operation is O(1) and nothing allocates after `init`. Slots are
/// handed out from the low end first and freed slots are reused first, so
/// only the pages of the pool's high-water mark become resident. When the
/// pool is empty `store` returns nil and counts it (`exhaustedCount`); the
/// history then folds its own oldest entry into its checkpoint early
/// instead, as a full window does.
public struct LagEntryPool: ~Copyable {
    @usableFromInline let entries: UnsafeMutablePointer<LaggedMeasurement>
    @usableFromInline let poses: UnsafeMutablePointer<SensorPose>
    /// Per pose slot: entries referring to it; when free, the next free slot.
    @usableFromInline let poseReferences: UnsafeMutablePointer<Int32>
    /// Per pose slot: the sensor it was stored for.
    @usableFromInline let poseSensors: UnsafeMutablePointer<SensorIndex>
    /// Per sensor index below `sensorCapacity`: its newest pose slot, or -1.
    @usableFromInline let sensorPose: UnsafeMutablePointer<Int32>
    public let capacity: Int
    @usableFromInline let sensorCapacity: Int
    @usableFromInline let snapshots: UnsafeMutableRawPointer
    @usableFromInline let snapshotStride: Int
    public let snapshotCapacity: Int
    @usableFromInline var freeSnapshot: Int32 = -1
    @usableFromInline var snapshotHighWater = 0
    @usableFromInline var snapshotsUsed = 0
    /// Replay snapshots held now.
    @inlinable public var snapshotsInUse: Int { snapshotsUsed }
    /// Head of the free list of entries (-1: none) and slots never used yet.
    @usableFromInline var freeEntry: Int32 = -1
    @usableFromInline var entryHighWater = 0
    @usableFromInline var freePose: Int32 = -1
    @usableFromInline var poseHighWater = 0
    @usableFromInline var usedCount = 0
    @usableFromInline var peakUsedCount = 0
    @usableFromInline var exhaustions: UInt64 = 0
    /// Entries held by some window now.
    @inlinable public var inUse: Int { usedCount }
    /// Most entries held at once since `init`.
    @inlinable public var peakInUse: Int { peakUsedCount }
    /// Times `store` found the pool empty.
    @inlinable public var exhaustedCount: UInt64 { exhaustions }

    /// A pool of `capacity` entries (at least 1); poses are deduplicated
    /// for sensor indices below `sensorCapacity`; `snapshotCapacity` replay
    /// snapshots of `snapshotStride` bytes (a `TrackFilter.Snapshot`'s stride).
    public init(capacity: Int, sensorCapacity: Int = 4096, snapshotCapacity: Int = 0, snapshotStride: Int = 0) {
        precondition(capacity > 0 && capacity < Int(Int32.max), "lag entry pool capacity out of range")
        self.capacity = capacity
        self.sensorCapacity = max(1, sensorCapacity)
        entries = .allocate(capacity: capacity)
        poses = .allocate(capacity: capacity)
        poseReferences = .allocate(capacity: capacity)
        poseSensors = .allocate(capacity: capacity)
        sensorPose = .allocate(capacity: self.sensorCapacity)
        sensorPose.initialize(repeating: -1, count: self.sensorCapacity)
        self.snapshotStride = max(16, (snapshotStride + 15) / 16 * 16)
        self.snapshotCapacity = max(0, min(snapshotCapacity, Int(Int32.max) - 1))
        snapshots = .allocate(byteCount: max(1, self.snapshotCapacity) * self.snapshotStride, alignment: 16)
    }

    deinit {
        entries.deallocate()
        poses.deallocate()
        poseReferences.deallocate()
        poseSensors.deallocate()
        sensorPose.deallocate()
        snapshots.deallocate()
    }

    @inlinable public var isExhausted: Bool { freeEntry < 0 && entryHighWater == capacity }

    /// Stores `m` in a free entry (unlinked, `next` -1) and returns its
    /// index, or nil (counted) when the pool is full.
    @inlinable public mutating func store(_ m: Measurement) -> Int32? {
        let index: Int32
        if freeEntry >= 0 {
            index = freeEntry
            freeEntry = entries[Int(index)].next
        } else if entryHighWater < capacity {
            index = Int32(entryHighWater)
            entryHighWater += 1
        } else {
            exhaustions &+= 1
            return nil
        }
        (entries + Int(index)).initialize(to: LaggedMeasurement(m, poseIndex: retainPose(m.pose, sensor: m.sensor)))
        usedCount += 1
        peakUsedCount = max(peakUsedCount, usedCount)
        return index
    }

    /// Returns entry `index` to the pool; gives back its `next`.
    @inlinable @discardableResult public mutating func free(_ index: Int32) -> Int32 {
        let next = entries[Int(index)].next
        releasePose(entries[Int(index)].poseIndex)
        if entries[Int(index)].snapshot >= 0 {
            releaseSnapshot(entries[Int(index)].snapshot)
            entries[Int(index)].snapshot = -1
        }
        entries[Int(index)].next = freeEntry
        freeEntry = index
        usedCount -= 1
        return next
    }

    @inlinable public subscript(index: Int32) -> LaggedMeasurement {
        _read { yield entries[Int(index)] }
        nonmutating _modify { yield &entries[Int(index)] }
    }

    /// Entry `index` as the measurement it was stored from (without evidence).
    @inlinable public func measurement(at index: Int32) -> Measurement {
        let e = entries[Int(index)]
        return e.measurement(sensor: poseSensors[Int(e.poseIndex)], pose: poses[Int(e.poseIndex)])
    }

    /// Keeps `snapshot` in a free replay-snapshot slot and returns it, or
    /// -1 when none is free (`S` must be the type of `snapshotStride`).
    @inlinable public mutating func storeSnapshot<S: BitwiseCopyable>(_ snapshot: S) -> Int32 {
        let slot: Int32
        if freeSnapshot >= 0 {
            slot = freeSnapshot
            freeSnapshot = snapshots.load(fromByteOffset: Int(slot) * snapshotStride, as: Int32.self)
        } else if snapshotHighWater < snapshotCapacity {
            slot = Int32(snapshotHighWater)
            snapshotHighWater += 1
        } else {
            return -1
        }
        snapshotsUsed += 1
        replaceSnapshot(slot, with: snapshot)
        return slot
    }

    @inlinable public func replaceSnapshot<S: BitwiseCopyable>(_ slot: Int32, with snapshot: S) {
        precondition(MemoryLayout<S>.size <= snapshotStride, "snapshot larger than its slot")
        snapshots.storeBytes(of: snapshot, toByteOffset: Int(slot) * snapshotStride, as: S.self)
    }

    @inlinable public func snapshot<S: BitwiseCopyable>(_ slot: Int32, as type: S.Type) -> S {
        snapshots.load(fromByteOffset: Int(slot) * snapshotStride, as: S.self)
    }

    @inlinable mutating func releaseSnapshot(_ slot: Int32) {
        snapshots.storeBytes(of: freeSnapshot, toByteOffset: Int(slot) * snapshotStride, as: Int32.self)
        freeSnapshot = slot
        snapshotsUsed -= 1
    }

    /// A pose slot holding `pose`: the sensor's newest one when it is the
    /// same bit for bit, else a new one. Cannot fail: an entry is being
    /// stored, so fewer than `capacity` entries, hence poses, are in use.
    @inlinable mutating func retainPose(_ pose: SensorPose, sensor: SensorIndex) -> Int32 {
        let known = Int(sensor) < sensorCapacity ? sensorPose[Int(sensor)] : -1
        if known >= 0 && Self.isSame(poses[Int(known)], pose) {
            poseReferences[Int(known)] += 1
            return known
        }
        let slot: Int32
        if freePose >= 0 {
            slot = freePose
            freePose = poseReferences[Int(slot)]
        } else {
            precondition(poseHighWater < capacity, "lag pose table cannot run out before the entries")
            slot = Int32(poseHighWater)
            poseHighWater += 1
        }
        (poses + Int(slot)).initialize(to: pose)
        poseReferences[Int(slot)] = 1
        poseSensors[Int(slot)] = sensor
        if Int(sensor) < sensorCapacity { sensorPose[Int(sensor)] = slot }
        return slot
    }

    @inlinable mutating func releasePose(_ slot: Int32) {
        poseReferences[Int(slot)] -= 1
        guard poseReferences[Int(slot)] == 0 else { return }
        let sensor = poseSensors[Int(slot)]
        if Int(sensor) < sensorCapacity && sensorPose[Int(sensor)] == slot { sensorPose[Int(sensor)] = -1 }
        poseReferences[Int(slot)] = freePose
        freePose = slot
    }

    /// Bitwise equality (so that -0.0, 0.0 and NaNs are told apart exactly).
    @inlinable static func isSame(_ a: SensorPose, _ b: SensorPose) -> Bool {
        withUnsafeBytes(of: a) { pa in
            withUnsafeBytes(of: b) { pb in
                var offset = 0
                while offset + 8 <= pa.count {
                    if pa.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                        != pb.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
                    offset += 8
                }
                while offset < pa.count {
                    if pa[offset] != pb[offset] { return false }
                    offset += 1
                }
                return true
            }
        }
    }
}
