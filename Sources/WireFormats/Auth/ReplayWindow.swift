/// Anti-replay window over a 32-bit wrapping sequence number, as in IPsec
/// (RFC 4303 section 3.4.3, RFC 6479's bitmap), 1024 numbers wide.
///
/// `newest` is the highest sequence number accepted so far; bit `i` of the
/// bitmap records whether `newest - i` was accepted. "Newer" is serial-number
/// arithmetic (RFC 1982): `s` is newer than `newest` when `s - newest`, taken
/// as a signed 32-bit number, is positive, so the window slides across the
/// wrap from 0xFFFF_FFFF to 0 without a special case.
///
/// Use `check` before authenticating and `accept` only after the tag
/// verified, so a forged datagram can never move the window (RFC 4303 does
/// the same). 128 bytes inline, never allocates.
public struct ReplayWindow: Sendable, BitwiseCopyable {
    /// Width of the window in sequence numbers (ICD 1.3).
    public static let width = 1024

    /// Why a sequence number is refused.
    public enum Verdict: Sendable, Equatable {
        /// Newer than anything seen, or inside the window and not yet seen.
        case fresh
        /// Inside the window and already accepted.
        case replayed
        /// Older than `newest - 1023`, or so far away that it cannot be ordered.
        case tooOld
    }

    /// Highest accepted sequence number; meaningless until `isStarted`.
    public private(set) var newest: UInt32 = 0
    /// False until the first number is accepted (the first is always fresh).
    public private(set) var isStarted = false
    private var bits = InlineArray<16, UInt64>(repeating: 0)

    public init() {}

    /// Signed distance `s - newest` in serial-number arithmetic.
    @inline(__always)
    private func distance(_ s: UInt32) -> Int64 {
        Int64(Int32(bitPattern: s &- newest))
    }

    private func isSeen(age: Int) -> Bool {
        (bits[age >> 6] >> UInt64(age & 63)) & 1 == 1
    }

    private mutating func markSeen(age: Int) {
        bits[age >> 6] |= 1 << UInt64(age & 63)
    }

    /// Whether `sequence` would be accepted now. Does not change the window.
    public func check(_ sequence: UInt32) -> Verdict {
        guard isStarted else { return .fresh }
        let d = distance(sequence)
        if d > 0 { return .fresh }
        // Int32.min is exactly half the number space away: it cannot be
        // ordered either way, so it is treated as old rather than newest.
        let age = -d
        if age >= Int64(ReplayWindow.width) { return .tooOld }
        return isSeen(age: Int(age)) ? .replayed : .fresh
    }

    /// Records `sequence` as accepted; returns the verdict it had. A number
    /// that is not `.fresh` leaves the window unchanged.
    @discardableResult
    public mutating func accept(_ sequence: UInt32) -> Verdict {
        let verdict = check(sequence)
        guard verdict == .fresh else { return verdict }
        guard isStarted else {
            isStarted = true
            newest = sequence
            bits = InlineArray(repeating: 0)
            markSeen(age: 0)
            return .fresh
        }
        let d = distance(sequence)
        if d > 0 {
            shiftOlder(by: Int(d))
            newest = sequence
            markSeen(age: 0)
        } else {
            markSeen(age: Int(-d))
        }
        return .fresh
    }

    /// Ages every recorded number by `n`: bit i moves to bit i + n, bits
    /// falling off the far end are forgotten.
    private mutating func shiftOlder(by n: Int) {
        let words = 16
        if n >= ReplayWindow.width {
            bits = InlineArray(repeating: 0)
            return
        }
        let wordShift = n >> 6
        let bitShift = UInt64(n & 63)
        var i = words - 1
        while i >= 0 {
            let src = i - wordShift
            var v: UInt64 = 0
            if src >= 0 {
                v = bits[src] << bitShift
                if bitShift != 0, src - 1 >= 0 { v |= bits[src - 1] >> (64 - bitShift) }
            }
            bits[i] = v
            i -= 1
        }
    }
}
