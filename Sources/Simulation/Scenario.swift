import FusionMath

/// A target's truth at one instant, as scoring and the sensor models read it.
@frozen
public struct TruthSample: Sendable {
    public var id: Int
    public var kind: TargetKind
    /// ENU metres and m/s in the scenario's frame.
    public var state: TruthState
}

/// A seeded set of truth targets over a time span, in the tracking ENU frame
/// whose origin is the site.
///
/// Everything random about the targets (paths, signatures, launch times) was
/// drawn from `seed` when the scenario was built, so the same builder call
/// with the same seed gives the same scenario; sensor models draw their noise
/// from generators of their own.
public struct Scenario: Sendable {
    /// The tracking frame; its origin is the site.
    public let frame: LocalFrame
    /// Start and end of the scenario, ns since the Unix epoch.
    public let startNs: Int64
    public let endNs: Int64
    public let seed: UInt64
    public private(set) var targets: [TruthTarget]

    public init(frame: LocalFrame, startNs: Int64, endNs: Int64, seed: UInt64, targets: [TruthTarget]) {
        precondition(endNs >= startNs)
        self.frame = frame
        self.startNs = startNs
        self.endNs = endNs
        self.seed = seed
        self.targets = targets
    }

    /// Duration, seconds.
    public var durationS: Double { Double(endNs - startNs) * 1e-9 }

    /// The next free target id.
    public var nextID: Int { (targets.map(\.id).max() ?? 0) + 1 }

    /// Adds a target; its id must be new.
    public mutating func add(_ target: TruthTarget) {
        precondition(!targets.contains { $0.id == target.id }, "duplicate truth id")
        targets.append(target)
    }

    public func target(id: Int) -> TruthTarget? { targets.first { $0.id == id } }

    /// Every target flying at `timeNs` (inside the scenario span), in the order they were added.
    public func truth(atNs timeNs: Int64) -> [TruthSample] {
        guard timeNs >= startNs, timeNs <= endNs else { return [] }
        var out: [TruthSample] = []
        out.reserveCapacity(targets.count)
        for t in targets {
            if let s = t.state(atNs: timeNs) { out.append(TruthSample(id: t.id, kind: t.kind, state: s)) }
        }
        return out
    }
}
