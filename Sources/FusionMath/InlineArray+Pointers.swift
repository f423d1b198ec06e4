/// Element pointers into an `InlineArray` of plain values, for the filters'
/// fixed-size arrays of states: reading `array[i].field` in a loop made the
/// optimiser copy whole elements (hundreds of bytes each) in some contexts,
/// as it did with matrix rows (see `Matrix.withUnsafeElements`).
extension InlineArray where Element: BitwiseCopyable {
    @inlinable @inline(__always)
    public func withUnsafeElementPointer<T>(_ body: (UnsafePointer<Element>) -> T) -> T {
        withUnsafeBytes(of: self) { body($0.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: Element.self)) }
    }

    @inlinable @inline(__always)
    public mutating func withUnsafeMutableElementPointer<T>(_ body: (UnsafeMutablePointer<Element>) -> T) -> T {
        withUnsafeMutableBytes(of: &self) {
            body($0.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: Element.self))
        }
    }
}
