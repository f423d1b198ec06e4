import FusionMath

/// A `GaussianState` stored compactly: the mean, the lower triangle of the
/// covariance (21 of its 36 elements, row by row) and the time. Every
/// covariance the filters produce is symmetrised, so packing and unpacking
/// is exact (bit for bit): a lagged checkpoint or a scratch copy kept this
/// way resumes exactly the state it was made from, in 224 bytes instead
/// of 344. Same frame and units as `GaussianState` (local ENU, metres,
/// metres per second; time in ns since the Unix epoch).
@frozen
public struct PackedGaussianState: Sendable, BitwiseCopyable {
    public var mean: StateVector
    /// `P[a, b]` for `b <= a`, at index `a (a + 1) / 2 + b`.
    public var lowerTriangle: InlineArray<21, Double>
    public var timeNs: Int64

    @inlinable public init(_ state: GaussianState) {
        mean = state.mean
        timeNs = state.timeNs
        var lower = InlineArray<21, Double>(repeating: 0)
        state.covariance.withUnsafeElements { p in
            var k = 0
            for a in 0..<6 {
                for b in 0...a {
                    lower[k] = p[a * 6 + b]
                    k += 1
                }
            }
        }
        lowerTriangle = lower
    }

    @inlinable public init(mean: StateVector, lowerTriangle: InlineArray<21, Double>, timeNs: Int64) {
        self.mean = mean
        self.lowerTriangle = lowerTriangle
        self.timeNs = timeNs
    }

    /// The full state again (the upper triangle mirrored from the lower).
    @inlinable public var unpacked: GaussianState {
        var cov = StateCovariance.zero
        cov.withUnsafeMutableElements { c in
            var k = 0
            for a in 0..<6 {
                for b in 0...a {
                    let v = lowerTriangle[k]
                    c[a * 6 + b] = v
                    c[b * 6 + a] = v
                    k += 1
                }
            }
        }
        return GaussianState(mean: mean, covariance: cov, timeNs: timeNs)
    }
}
