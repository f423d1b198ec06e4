import FusionMath

/// Maps the local ENU plane (metres, north up) onto an SVG viewport
/// (pixels, y down) at one scale for both axes, so that shapes keep their
/// proportions; also picks the kilometre grid step.
struct MapProjection {
    /// Viewport in pixels.
    let left: Double
    let top: Double
    let width: Double
    let height: Double
    /// ENU point at the viewport's centre, metres.
    let centerEast: Double
    let centerNorth: Double
    /// Pixels per metre.
    let scale: Double

    /// A projection showing the box `east` x `north` (metres) whole, with a
    /// margin of `marginFraction` of the larger side (at least `minMarginM`)
    /// around it.
    init(
        east: ClosedRange<Double>, north: ClosedRange<Double>, left: Double, top: Double, width: Double, height: Double,
        marginFraction: Double = 0.06, minMarginM: Double = 1000
    ) {
        self.left = left
        self.top = top
        self.width = width
        self.height = height
        let spanE = east.upperBound - east.lowerBound
        let spanN = north.upperBound - north.lowerBound
        let margin = max(minMarginM, marginFraction * max(spanE, spanN))
        centerEast = (east.lowerBound + east.upperBound) / 2
        centerNorth = (north.lowerBound + north.upperBound) / 2
        scale = min(width / (spanE + 2 * margin), height / (spanN + 2 * margin))
    }

    func x(_ east: Double) -> Double { left + width / 2 + (east - centerEast) * scale }
    func y(_ north: Double) -> Double { top + height / 2 - (north - centerNorth) * scale }

    /// East and north ranges the viewport shows, metres.
    var visibleEast: ClosedRange<Double> { (centerEast - width / 2 / scale)...(centerEast + width / 2 / scale) }
    var visibleNorth: ClosedRange<Double> { (centerNorth - height / 2 / scale)...(centerNorth + height / 2 / scale) }

    /// The grid step: the smallest of 0.5, 1, 2, 5, 10, ... km that draws at
    /// most 12 lines across the wider visible side.
    var gridStepM: Double {
        let span = max(
            visibleEast.upperBound - visibleEast.lowerBound, visibleNorth.upperBound - visibleNorth.lowerBound)
        // The 1-2-5 sequence from 500 m: x2, x2, x2.5, repeated.
        var step = 500.0
        var k = 0
        while span / step > 12 {
            step *= (k % 3 == 2) ? 2.5 : 2
            k += 1
        }
        return step
    }
}
