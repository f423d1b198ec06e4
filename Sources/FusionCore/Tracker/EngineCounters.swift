/// What the engine did, for metrics and the replay summary. Monotonic.
@frozen
public struct EngineCounters: Sendable, BitwiseCopyable, Equatable {
    public var measurements: UInt64 = 0
    /// Measurements fused into an existing track.
    public var associated: UInt64 = 0
    /// Of those, late ones fused by reprocessing.
    public var lateFused: UInt64 = 0
    /// Late measurements older than their track's lag window: dropped.
    public var lateDropped: UInt64 = 0
    /// Of those, measurements within the lag that a full window could no
    /// longer take (its checkpoint had advanced early; `FixedLagHistory`).
    public var lateDroppedWindowFull: UInt64 = 0
    /// Times a track's lag window found the shared entry pool empty
    /// (`LagEntryPool`) and folded its oldest entry early instead (or, with
    /// nothing to fold, its newest measurement straight into the checkpoint).
    public var lagPoolExhausted: UInt64 = 0
    public var tracksStarted: UInt64 = 0
    public var tracksConfirmed: UInt64 = 0
    public var tracksDeleted: UInt64 = 0
    /// Of those, confirmed tracks removed as duplicates of an older track
    /// on the same target (tentative duplicates are not counted here).
    public var duplicatesRemoved: UInt64 = 0
    /// New tracks refused because the table was full.
    public var tableFull: UInt64 = 0
    /// Updates refused because a covariance lost definiteness.
    public var numericalFailures: UInt64 = 0
    /// Candidate pairs dropped because the per-batch pair budget was spent.
    public var pairBudgetExceeded: UInt64 = 0

    public init() {}
}
