import FusionMath

/// The multi-target tracker: predict, gate, associate, update, initiate,
/// confirm, coast and delete, over a fixed-capacity track table.
///
/// Measurements arrive in batches (one datagram's plots); each batch is
/// gated against the tracks near it (a spatial grid, so cost follows local
/// density), assigned by an optimal linear assignment per independent
/// cluster, fused (late ones exactly, by bounded reprocessing), and what no
/// track explained starts tentative tracks. `maintain(atNs:)` ages tracks and
/// rebuilds the grid; the node calls it at least once per second of data
/// time. Nothing here allocates after `init`. Time is always an argument.
public struct FusionEngine: ~Copyable {
    /// The filter every track runs: CV plus left and right coordinated turns.
    public typealias Filter = StandardIMM

    public let configuration: TrackerConfiguration
    public var tracks: TrackTable<TrackRecord<Filter>>
    /// The lag-window entries of all tracks (`FixedLagHistory`), sized once
    /// from `capacity` x `lagEntriesPerTrack`, and a quarter as many replay
    /// snapshots (only tracks that take late data use them).
    public var lagPool: LagEntryPool
    /// The acoustic source memories of the tracks that fused a bearing.
    public var acousticSources: AcousticSourceTable
    /// Starts a track's state from a single measurement.
    public var initializer: MeasurementStateInitializer
    public var counters = EngineCounters()
    public var classifier: EvidenceClassifier
    /// Starts tracks from bearings alone (acoustic-only targets).
    public var crossFix: BearingCrossFixInitiator
    var nextID: UInt32 = 1
    var scratch: AssociationScratch
    /// Confirmed or coasting tracks fused, or re-declared by a maintenance
    /// slice, since the last `takeUpdatedTracks`.
    var updated: UpdatedTrackList
    /// Set when a maintenance slice or the duplicate test deleted a track
    /// declared uncrewed (it may hold a cue); the caller resets it after
    /// its periodic cueing step has seen the track gone.
    public var removedDeclaredUncrewed = false
    let gateThresholds: InlineArray<7, Double>
    /// Revisit period per sensor index, ns (0: unknown, use the default).
    let revisitBySensor: UnsafeMutablePointer<Int64>
    public static var maxSensors: Int { 4096 }

    public init(
        configuration: TrackerConfiguration = TrackerConfiguration(),
        classifier: ClassifierConfiguration = ClassifierConfiguration()
    ) {
        self.configuration = configuration
        self.classifier = EvidenceClassifier(configuration: classifier)
        initializer = MeasurementStateInitializer(
            velocitySigmaMps: configuration.initialVelocitySigmaMps, verticalVelocitySigmaMps: 20,
            assumedAltitudeM: 150, altitudeSigmaM: 1_000)
        tracks = TrackTable(capacity: configuration.capacity)
        let lagEntries = max(1, configuration.capacity * configuration.lagEntriesPerTrack)
        lagPool = LagEntryPool(
            capacity: lagEntries, sensorCapacity: Self.maxSensors, snapshotCapacity: lagEntries / 4,
            snapshotStride: MemoryLayout<Filter.Snapshot>.stride)
        acousticSources = AcousticSourceTable(capacity: configuration.capacity)
        crossFix = BearingCrossFixInitiator(
            configuration: configuration.crossFix, maxRangeM: configuration.acousticRangeM,
            soundDelayNsPerM: configuration.compensatesSoundDelay ? SoundPropagation.delayNsPerM : 0)
        scratch = AssociationScratch(
            trackCapacity: configuration.capacity, maxBatch: configuration.maxBatch,
            maxPairs: configuration.maxPairs, gridCellM: configuration.gridCellM,
            slices: configuration.maintenanceSlices)
        var thresholds = InlineArray<7, Double>(repeating: .infinity)
        for dof in 1...6 {
            thresholds[dof] = ChiSquare.quantile(configuration.gateProbability, degreesOfFreedom: dof)
        }
        gateThresholds = thresholds
        updated = UpdatedTrackList(capacity: configuration.capacity)
        revisitBySensor = .allocate(capacity: Self.maxSensors)
        revisitBySensor.initialize(repeating: 0, count: Self.maxSensors)
    }

    deinit { revisitBySensor.deallocate() }

    /// Tells the engine how often `sensor` revisits a target (a radar's
    /// antenna period, an acoustic sensor's report interval).
    public mutating func setRevisit(sensor: SensorIndex, periodNs: Int64) {
        guard Int(sensor) < Self.maxSensors, periodNs > 0 else { return }
        revisitBySensor[Int(sensor)] = periodNs
    }

    func revisit(of sensor: SensorIndex) -> Int64 {
        guard Int(sensor) < Self.maxSensors else { return configuration.defaultRevisitNs }
        let r = revisitBySensor[Int(sensor)]
        return r > 0 ? r : configuration.defaultRevisitNs
    }

    /// Processes one batch of measurements (typically one datagram's).
    public mutating func process(_ batch: UnsafeBufferPointer<Measurement>) {
        var start = 0
        while start < batch.count {
            let end = min(batch.count, start + configuration.maxBatch)
            processChunk(UnsafeBufferPointer(rebasing: batch[start..<end]))
            start = end
        }
    }

    /// Processes a single measurement.
    public mutating func process(_ measurement: Measurement) {
        withUnsafePointer(to: measurement) { p in
            process(UnsafeBufferPointer(start: p, count: 1))
        }
    }
}
