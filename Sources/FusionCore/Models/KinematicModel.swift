import FusionMath

/// One of the motion models, as a closed enum so that an IMM can hold a
/// constant-velocity model and turn models in one fixed-size array without
/// existentials (Embedded Swift has none).
@frozen
public enum KinematicModel: MotionModel, BitwiseCopyable {
    case nearlyConstantVelocity(NearlyConstantVelocity)
    case coordinatedTurn(CoordinatedTurn)

    @inlinable public func propagate(_ mean: StateVector, dt: Double) -> StateVector {
        switch self {
        case .nearlyConstantVelocity(let m): m.propagate(mean, dt: dt)
        case .coordinatedTurn(let m): m.propagate(mean, dt: dt)
        }
    }

    @inlinable public func transition(at mean: StateVector, dt: Double) -> StateCovariance {
        switch self {
        case .nearlyConstantVelocity(let m): m.transition(at: mean, dt: dt)
        case .coordinatedTurn(let m): m.transition(at: mean, dt: dt)
        }
    }

    @inlinable public func predict(_ state: inout GaussianState, to timeNs: Int64) {
        switch self {
        case .nearlyConstantVelocity(let m): m.predict(&state, to: timeNs)
        case .coordinatedTurn(let m): m.predict(&state, to: timeNs)
        }
    }

    @inlinable public func processNoise(dt: Double) -> StateCovariance {
        switch self {
        case .nearlyConstantVelocity(let m): m.processNoise(dt: dt)
        case .coordinatedTurn(let m): m.processNoise(dt: dt)
        }
    }
}

extension KinematicModel {
    /// Horizontal acceleration spectral density, m^2/s^3.
    @inlinable public var horizontalNoiseDensity: Double {
        switch self {
        case .nearlyConstantVelocity(let m): m.horizontalNoiseDensity
        case .coordinatedTurn(let m): m.horizontalNoiseDensity
        }
    }

    /// Vertical acceleration spectral density, m^2/s^3.
    @inlinable public var verticalNoiseDensity: Double {
        switch self {
        case .nearlyConstantVelocity(let m): m.verticalNoiseDensity
        case .coordinatedTurn(let m): m.verticalNoiseDensity
        }
    }

    /// Magnitude of the turn rate the model assumes, rad/s (0 for straight flight).
    @inlinable public var turnRateMagnitudeRadPerS: Double {
        switch self {
        case .nearlyConstantVelocity: 0
        case .coordinatedTurn(let m): abs(m.turnRateRadPerS)
        }
    }
}
