import Cueing
import FusionMath
import Simulation
import Testing

@Suite struct ZoneEntryTests {
    enum Kind: CaseIterable { case convex, concave, circle }

    /// A random zone around the origin: a convex polygon (vertices on a
    /// circle), a concave star-shaped one (vertices at random radii), or a
    /// circle, with a random floor and ceiling.
    static func randomZone(_ kind: Kind, _ rng: inout SeededGenerator) -> Zone {
        let floor = rng.uniform(0, 600), ceiling = floor + rng.uniform(200, 3000)
        let n = 3 + Int(rng.next() % 10)
        var angles = (0..<n).map { _ in rng.uniform(0, 2 * Double.pi) }.sorted()
        if kind == .convex && angles.last! - angles.first! < Double.pi { angles.append(angles.first! + Double.pi) }
        let r = rng.uniform(800, 3000)
        switch kind {
        case .circle:
            return Fixture.circle("Z", east: rng.uniform(-500, 500), north: rng.uniform(-500, 500), radius: r, floor: floor, ceiling: ceiling)
        case .convex:
            return Fixture.polygon("Z", angles.map { (r * Math.cos($0), r * Math.sin($0)) }, floor: floor, ceiling: ceiling)
        case .concave:
            let star = angles.map { a -> (Double, Double) in
                let ri = r * rng.uniform(0.2, 1)
                return (ri * Math.cos(a), ri * Math.sin(a))
            }
            return Fixture.polygon("Z", star, floor: floor, ceiling: ceiling)
        }
    }

    /// First step `k * dt` at which the trajectory is in the zone.
    static func bruteEntry(_ zone: Zone, _ p: Vector3, _ v: Vector3, from: Double, to: Double, dt: Double) -> Double? {
        var t = from
        while t <= to + 1e-12 {
            if zone.contains(p + t * v) { return t }
            t += dt
        }
        return nil
    }

    /// Closed-form entry times agree with 5 ms stepping on random CV tracks,
    /// and there is no entry exactly when stepping finds none. A closed-form
    /// entry that stepping misses must be a graze shorter than one step:
    /// stepping 100 times finer around it must then find it.
    @Test(arguments: Kind.allCases)
    func closedFormAgreesWithStepping(kind: Kind) {
        var rng = SeededGenerator(seed: 11 + UInt64(Kind.allCases.firstIndex(of: kind)!))
        let horizon = 120.0, dt = 0.005
        var entered = 0, missed = 0, inside = 0, grazes = 0
        for _ in 0..<700 {
            let zone = Self.randomZone(kind, &rng)
            let p = Vector3(rng.uniform(-6000, 6000), rng.uniform(-6000, 6000), rng.uniform(-300, 4000))
            // Aim at a random point near the zone, so that many tracks enter.
            let aim = Vector3(rng.uniform(-2500, 2500), rng.uniform(-2500, 2500), rng.uniform(0, 3500))
            let speed = rng.uniform(10, 150)
            var v = aim - p
            v = (speed / v.norm) * v
            let closedForm = zone.firstEntryS(position: p, velocity: v, horizonS: horizon)
            let brute = Self.bruteEntry(zone, p, v, from: 0, to: horizon, dt: dt)
            switch (closedForm, brute) {
            case (let cf?, let bf?):
                entered += 1
                if cf == 0 { inside += 1 }
                #expect(cf <= bf + 1e-9 && bf - cf <= dt + 1e-6, "closed form \(cf) s, stepping \(bf) s")
                #expect(abs(cf - bf) < 0.1)
            case (nil, let bf?):
                Issue.record("stepping enters at \(bf) s, closed form finds no entry")
            case (let cf?, nil):
                grazes += 1
                let fine = Self.bruteEntry(zone, p, v, from: max(0, cf - dt), to: min(horizon, cf + dt), dt: dt / 100)
                #expect(fine != nil, "closed form \(cf) s not confirmed by fine stepping")
            case (nil, nil):
                missed += 1
            }
        }
        // Both outcomes must be well represented for the comparison to mean anything.
        #expect(entered > 100 && missed > 100, "entered \(entered), missed \(missed)")
        #expect(grazes < 10)
        _ = inside
    }

    /// Vertical limits alone: a track climbing through the floor (or
    /// descending through the ceiling) over the zone enters when it crosses.
    @Test func floorAndCeilingCrossings() {
        let zone = Fixture.circle("Z", east: 0, north: 0, radius: 1000, floor: 100, ceiling: 500)
        let climb = zone.firstEntryS(position: Vector3(0, 0, 0), velocity: Vector3(0, 0, 10), horizonS: 600)
        #expect(abs(climb! - 10) < 1e-9)
        let dive = zone.firstEntryS(position: Vector3(0, 0, 900), velocity: Vector3(0, 0, -20), horizonS: 600)
        #expect(abs(dive! - 20) < 1e-9)
        #expect(zone.firstEntryS(position: Vector3(0, 0, 600), velocity: Vector3(50, 0, 0), horizonS: 600) == nil)
        #expect(zone.firstEntryS(position: Vector3(0, 0, 300), velocity: Vector3(50, 0, 0), horizonS: 600) == 0)
        // Beyond the horizon is no entry.
        #expect(zone.firstEntryS(position: Vector3(5000, 0, 300), velocity: Vector3(-10, 0, 0), horizonS: 60) == nil)
        #expect(abs(zone.firstEntryS(position: Vector3(5000, 0, 300), velocity: Vector3(-10, 0, 0), horizonS: 600)! - 400) < 1e-9)
    }

    /// A concave "U": a track flying through the notch enters at the far
    /// arm, not at the first edge line it crosses.
    @Test func concaveNotchIsNotInside() {
        let u = Fixture.polygon("U", [(0, 0), (3000, 0), (3000, 3000), (2000, 3000), (2000, 1000), (1000, 1000), (1000, 3000), (0, 3000)])
        #expect(!u.contains(Vector3(1500, 2000, 100)))
        #expect(u.contains(Vector3(500, 2000, 100)))
        // From inside the notch heading east: meets the right arm at x = 2000.
        let t = u.firstEntryS(position: Vector3(1200, 2000, 100), velocity: Vector3(100, 0, 0), horizonS: 600)
        #expect(abs(t! - 8) < 1e-9)
    }

    /// Zones from WGS84 (the reference site of Hardware/sites): the centre of
    /// the NPP circle is inside, a point 3.1 km away is not, and the CITY
    /// polygon holds a point between its vertices; HAE floor and ceiling
    /// become ENU heights near the node's (origin 180 m HAE).
    @Test func zonesFromWGS84() throws {
        let frame = Fixture.frame
        let npp = try Zone(
            name: Fixture.name("NPP"), center: Geodetic(latitudeDeg: 50.39, longitudeDeg: 30.39, heightM: 0),
            radiusM: 3000, floorHAEM: 0, ceilingHAEM: 4000, frame: frame)
        let c = frame.enu(from: Geodetic(latitudeDeg: 50.39, longitudeDeg: 30.39, heightM: 1000))
        #expect(npp.contains(c))
        #expect(!npp.contains(c + Vector3(3100, 0, 0)))
        #expect(npp.contains(c + Vector3(2900, 0, 0)))
        // The tangent plane lies d^2 / 2R above the ellipsoid at distance d.
        let d2 = c.x * c.x + c.y * c.y, drop = d2 / (2 * WGS84.a)
        #expect(abs(npp.floorUpM - (-180 - drop)) < 1 && abs(npp.ceilingUpM - (3820 - drop)) < 1)
        let city = try Zone(
            name: Fixture.name("CITY"),
            polygon: [(50.41, 30.46), (50.49, 30.46), (50.50, 30.56), (50.47, 30.62), (50.42, 30.60)].map {
                Geodetic(latitudeDeg: $0.0, longitudeDeg: $0.1, heightM: 0)
            }, floorHAEM: 0, ceilingHAEM: 4000, frame: frame)
        #expect(city.contains(frame.enu(from: Geodetic(latitudeDeg: 50.45, longitudeDeg: 30.52, heightM: 800))))
        #expect(!city.contains(frame.enu(from: Geodetic(latitudeDeg: 50.45, longitudeDeg: 30.70, heightM: 800))))
        #expect(throws: ZoneError.floorNotBelowCeiling) {
            _ = try Zone(
                name: Fixture.name("BAD"), center: Geodetic(latitudeDeg: 50.39, longitudeDeg: 30.39, heightM: 0),
                radiusM: 3000, floorHAEM: 4000, ceilingHAEM: 0, frame: frame)
        }
    }
}
