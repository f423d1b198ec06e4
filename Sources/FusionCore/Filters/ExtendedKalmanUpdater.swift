import FusionMath

/// The extended Kalman measurement update, generic over the measurement
/// dimension `M`:
///
///     K  = P H^T S^-1
///     x+ = x + K nu
///     P+ = (I - K H) P (I - K H)^T + K R K^T     (Joseph form), symmetrised
///
/// The Joseph form keeps `P+` positive semi-definite under rounding and a
/// suboptimal gain; the result is then checked by a Cholesky factorisation,
/// so a broken covariance is a `FilterError`, never NaN downstream.
/// `ExtendedKalmanUpdater+Measurement.swift` picks `M` and the measurement
/// model from a `Measurement`'s kind and flags.
@frozen
public struct ExtendedKalmanUpdater: Sendable, BitwiseCopyable {
    @inlinable public init() {}

    /// The innovation of `z` (noise covariance `r`) against `state`, whose
    /// measurement model was linearised at `state.mean` into `prediction`.
    /// `S` is computed as its lower triangle, mirrored (exactly symmetric;
    /// it was the mean of the two triangles before, which differs by
    /// rounding only).
    ///
    /// `structured` (the default): the rows of the Jacobian that are zero
    /// in the velocity columns (`prediction.positionOnlyRows`: all of a
    /// range, angle or position model's, all but the range-rate row of a
    /// Doppler radar's) enter `P H^T` and `S` through the three position
    /// columns only. The terms left out are exact zeros, the rest are added
    /// in the same order, so the result is the general form's bit for bit
    /// (`KalmanStructureTests`); `false` forces the general form (the
    /// tests' reference).
    @inlinable public func innovation<let M: Int>(
        of state: GaussianState, prediction: MeasurementPrediction<M>, measured z: Vector<M>, noise r: Matrix<M, M>,
        structured: Bool = true
    ) throws(FilterError) -> Innovation<M> {
        let rows = structured ? prediction.positionOnlyRows : 0
        if rows == M { return try innovation(of: state, prediction: prediction, measured: z, noise: r, positionRows: M) }
        if rows == M - 1 {
            return try innovation(of: state, prediction: prediction, measured: z, noise: r, positionRows: M - 1)
        }
        return try innovation(of: state, prediction: prediction, measured: z, noise: r, positionRows: 0)
    }

    /// The innovation with rows `0..<mp` of `H` zero in the velocity
    /// columns (`mp` a constant after inlining, so the loops unroll).
    @inlinable @inline(__always) func innovation<let M: Int>(
        of state: GaussianState, prediction: MeasurementPrediction<M>, measured z: Vector<M>, noise r: Matrix<M, M>,
        positionRows mp: Int
    ) throws(FilterError) -> Innovation<M> {
        // P H^T, each sum in the order `Matrix.timesTransposed` adds it.
        var pht = Matrix<6, M>.zero
        state.covariance.withUnsafeElements { pp in
            prediction.jacobian.withUnsafeElements { ph in
                pht.withUnsafeMutableElements { pc in
                    for a in 0..<6 {
                        for m in 0..<M {
                            var acc = 0.0
                            for k in 0..<(m < mp ? 3 : 6) { acc += pp[a * 6 + k] * ph[m * 6 + k] }
                            pc[a * M + m] = acc
                        }
                    }
                }
            }
        }
        var s = r
        prediction.jacobian.withUnsafeElements { ph in
            pht.withUnsafeElements { pc in
                s.withUnsafeMutableElements { ps in
                    for i in 0..<M {
                        for j in 0...i {
                            var acc = 0.0
                            for k in 0..<(i < mp ? 3 : 6) { acc += ph[i * 6 + k] * pc[k * M + j] }
                            let v = acc + ps[i * M + j]
                            ps[i * M + j] = v
                            ps[j * M + i] = v
                        }
                    }
                }
            }
        }
        let factor: Cholesky<M>
        do { factor = try Cholesky(s) } catch { throw .innovationCovarianceNotPositiveDefinite }
        return Innovation(
            residual: prediction.residual(z), covariance: s, covarianceFactor: factor, crossCovariance: pht)
    }

    /// `state` updated with the measurement whose innovation is `nu`.
    ///
    /// `considerVertical`: altitude and vertical velocity (states 2 and 5)
    /// are consider states (Schmidt-Kalman): the innovation covariance keeps
    /// their uncertainty (so gates and likelihoods stay honest), but their
    /// gain rows are zero, so the measurement never moves them. A 2D radar
    /// sees altitude only through the slant range; letting that weak,
    /// linearised coupling drive the altitude made 2D-only tracks wander by
    /// kilometres (and their ground position by hundreds of metres) in the
    /// reference raid. The Joseph form is exact for any gain, so `P+` stays
    /// the true covariance of the suboptimal update.
    @inlinable public func update<let M: Int>(
        _ state: GaussianState, innovation nu: Innovation<M>, prediction: MeasurementPrediction<M>,
        noise r: Matrix<M, M>, considerVertical: Bool = false, structured: Bool = true
    ) throws(FilterError) -> GaussianState {
        var next = state
        try update(
            &next, innovation: nu, prediction: prediction, noise: r, considerVertical: considerVertical,
            structured: structured)
        return next
    }

    /// The same update in place; on error `state` is unchanged.
    ///
    /// In pointer loops on locals, for the fixed sizes 6 and `M`:
    /// - the gain `K = (P H^T) S^-1` row by row through `L^-1` (`S = L L^T`,
    ///   inverted once with `M` reciprocals): `k_a = L^-T (L^-1 (P H^T)_a)`,
    ///   multiplications only, where solving each of the six rows by
    ///   substitution divided by the pivots 12 times a row (the solves were
    ///   a twentieth of the engine's time);
    /// - `(I - K H) P` as `P - K (P H^T)^T` (`H P = (P H^T)^T`, `P` being
    ///   exactly symmetric), reusing `P H^T` instead of a 6x6x6 product;
    /// - then only the lower triangle of `((I - K H) P)(I - K H)^T + K R K^T`
    ///   (Joseph form kept: a sum of two products, positive semi-definite
    ///   under rounding), mirrored.
    /// The result equals the textbook operator form's up to rounding
    /// (`KalmanKernelTests`).
    ///
    /// `structured` (the default): `K H` is summed over the position
    /// columns only in the rows of `H` that are zero in the velocity
    /// columns (`prediction.positionOnlyRows`). When all are (`H = [H_p 0]`:
    /// every range, angle and position model), `I - K H` differs from `I`
    /// only in its three position columns, so the Joseph product
    /// `A (I - K H)^T` sums three products per element plus `A`'s own
    /// element in a velocity column, and `A`'s elements that product never
    /// reads are not formed. Still the Joseph form, the same terms in the
    /// same order, less the exact zeros and the multiplications by one:
    /// the general form's result bit for bit (`KalmanStructureTests`).
    @inlinable public func update<let M: Int>(
        _ state: inout GaussianState, innovation nu: Innovation<M>, prediction: MeasurementPrediction<M>,
        noise r: Matrix<M, M>, considerVertical: Bool = false, structured: Bool = true
    ) throws(FilterError) {
        let rows = structured ? prediction.positionOnlyRows : 0
        let c = considerVertical
        if rows == M {
            try update(&state, innovation: nu, prediction: prediction, noise: r, considerVertical: c, positionRows: M)
        } else if rows == M - 1 {
            try update(&state, innovation: nu, prediction: prediction, noise: r, considerVertical: c, positionRows: M - 1)
        } else {
            try update(&state, innovation: nu, prediction: prediction, noise: r, considerVertical: c, positionRows: 0)
        }
    }

    /// The update with rows `0..<mp` of `H` zero in the velocity columns
    /// (`mp` a constant after inlining, so the loops unroll).
    @inlinable @inline(__always) func update<let M: Int>(
        _ state: inout GaussianState, innovation nu: Innovation<M>, prediction: MeasurementPrediction<M>,
        noise r: Matrix<M, M>, considerVertical: Bool, positionRows mp: Int
    ) throws(FilterError) {
        // Columns of I - K H that can differ from I's.
        let n = mp == M ? 3 : 6
        // L^-1, lower triangular: forward substitution on the identity.
        var inverseFactor = Matrix<M, M>.zero
        nu.covarianceFactor.lower.withUnsafeElements { pl in
            inverseFactor.withUnsafeMutableElements { pv in
                for c in 0..<M {
                    for i in c..<M {
                        var v = i == c ? 1.0 : 0.0
                        for k in c..<i { v -= pl[i * M + k] * pv[k * M + c] }
                        pv[i * M + c] = v / pl[i * M + i]
                    }
                }
            }
        }
        var gain = Matrix<6, M>.zero
        nu.crossCovariance.withUnsafeElements { pc in
            inverseFactor.withUnsafeElements { pv in
                gain.withUnsafeMutableElements { pk in
                    for a in 0..<6 {
                        if considerVertical && (a == 2 || a == 5) { continue }
                        // y = L^-1 (P H^T)_a, then k_a = L^-T y.
                        var y = Vector<M>.zero
                        for i in 0..<M {
                            var v = 0.0
                            for k in 0...i { v += pv[i * M + k] * pc[a * M + k] }
                            y[i] = v
                        }
                        for j in 0..<M {
                            var v = 0.0
                            for i in j..<M { v += pv[i * M + j] * y[i] }
                            pk[a * M + j] = v
                        }
                    }
                }
            }
        }
        var ikh = StateCovariance.identity
        var a = state.covariance
        var p = StateCovariance.zero
        var kr = Matrix<6, M>.zero
        var mean = state.mean
        gain.withUnsafeElements { pk in
            prediction.jacobian.withUnsafeElements { ph in
                ikh.withUnsafeMutableElements { pi in
                    for i in 0..<6 {
                        for m in 0..<M {
                            let kim = pk[i * M + m]
                            if kim == 0 { continue }
                            for j in 0..<(m < mp ? 3 : 6) { pi[i * 6 + j] -= kim * ph[m * 6 + j] }
                        }
                    }
                }
                for i in 0..<6 {
                    var s = 0.0
                    for m in 0..<M { s += pk[i * M + m] * nu.residual[m] }
                    mean[i] += s
                }
            }
            nu.crossCovariance.withUnsafeElements { pc in
                a.withUnsafeMutableElements { pa in
                    for i in 0..<6 {
                        if considerVertical && (i == 2 || i == 5) { continue }
                        for j in 0..<6 {
                            // Never read below: the Joseph product reads row
                            // i in the first n columns and at (i, j), j <= i.
                            if j >= n && j > i { continue }
                            var s = 0.0
                            for m in 0..<M { s += pk[i * M + m] * pc[j * M + m] }
                            pa[i * 6 + j] -= s
                        }
                    }
                }
            }
            r.withUnsafeElements { pr in
                kr.withUnsafeMutableElements { pkr in
                    for i in 0..<6 {
                        for j in 0..<M {
                            var s = 0.0
                            for m in 0..<M { s += pk[i * M + m] * pr[m * M + j] }
                            pkr[i * M + j] = s
                        }
                    }
                }
            }
            ikh.withUnsafeElements { pi in
                a.withUnsafeElements { pa in
                    kr.withUnsafeElements { pkr in
                        p.withUnsafeMutableElements { out in
                            for i in 0..<6 {
                                for j in 0...i {
                                    // Beyond column n, (I - K H) is I's row.
                                    var joseph = 0.0
                                    for k in 0..<n { joseph += pa[i * 6 + k] * pi[j * 6 + k] }
                                    if j >= n { joseph += pa[i * 6 + j] }
                                    var krk = 0.0
                                    for m in 0..<M { krk += pkr[i * M + m] * pk[j * M + m] }
                                    let v = joseph + krk
                                    out[i * 6 + j] = v
                                    out[j * 6 + i] = v
                                }
                            }
                        }
                    }
                }
            }
        }
        guard Cholesky.isPositiveDefinite(p) else { throw .stateCovarianceNotPositiveDefinite }
        state.mean = mean
        state.covariance = p
    }
}
