/// A range check for a configuration number, with its message.
enum NumberRule {
    /// Any finite number.
    case finite
    /// Strictly greater than zero (sigmas, periods, ranges).
    case positive
    /// Zero or more.
    case nonNegative
    /// Within closed bounds.
    case within(ClosedRange<Double>)
    /// Greater than zero, at most the bound.
    case positiveUpTo(Double)

    static let latitude = NumberRule.within(-90...90)
    static let longitude = NumberRule.within(-180...180)
    /// Heights HAE from the Dead Sea shore to far above any drone.
    static let altitude = NumberRule.within(-1_000...100_000)

    /// Why `x` breaks the rule, or nil when it does not.
    func violation(_ x: Double) -> String? {
        guard x.isFinite else { return "must be a finite number" }
        switch self {
        case .finite:
            return nil
        case .positive:
            return x > 0 ? nil : "must be greater than 0, not \(Self.format(x))"
        case .nonNegative:
            return x >= 0 ? nil : "must not be negative, not \(Self.format(x))"
        case .within(let range):
            return range.contains(x)
                ? nil : "must be between \(Self.format(range.lowerBound)) and \(Self.format(range.upperBound)), not \(Self.format(x))"
        case .positiveUpTo(let bound):
            return x > 0 && x <= bound ? nil : "must be greater than 0 and at most \(Self.format(bound)), not \(Self.format(x))"
        }
    }

    private static func format(_ x: Double) -> String { JSONKind.format(x) }
}
