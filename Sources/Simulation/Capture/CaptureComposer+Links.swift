import FusionMath
import WireFormats

extension CaptureComposer {
    /// One radar as the capture sees it: its sensor model, its ASTERIX
    /// identity and how its datagrams travel.
    public struct RadarLink: Sendable {
        public var model: RadarSensorModel
        /// I048/010 and I034/010.
        public var sac: UInt8
        public var sic: UInt8
        /// Destination UDP port at the node.
        public var port: UInt16
        /// The radar's source address and port.
        public var sourceIPv4: UInt32
        public var sourcePort: UInt16
        /// The antenna site, WGS84 HAE (I034/120 writes it above MSL).
        public var site: Geodetic
        /// Geoid height above the ellipsoid, m: heights the standard gives
        /// above MSL (I034/120, I048/110, flight levels) are HAE minus this.
        public var geoidSeparationM: Double
        /// Azimuth sectors per scan; each is sent when the antenna has swept it.
        public var sectorsPerScan: Int = 8
        /// Link delay from sector end (or north crossing) to the node, ns.
        public var latencyNs: ClosedRange<Int64> = 1_000_000...3_000_000

        public init(
            model: RadarSensorModel, sac: UInt8, sic: UInt8, port: UInt16, sourceIPv4: UInt32, sourcePort: UInt16,
            site: Geodetic, geoidSeparationM: Double = 0
        ) {
            self.model = model
            self.sac = sac
            self.sic = sic
            self.port = port
            self.sourceIPv4 = sourceIPv4
            self.sourcePort = sourcePort
            self.site = site
            self.geoidSeparationM = geoidSeparationM
        }
    }

    /// The ADS-B ground station: its model and ASTERIX identity.
    public struct ADSBLink: Sendable {
        public var model: ADSBModel
        public var sac: UInt8
        public var sic: UInt8
        public var port: UInt16
        public var sourceIPv4: UInt32
        public var sourcePort: UInt16
        public var geoidSeparationM: Double
        /// From the position's time of applicability to its reception at the station, ns.
        public var receptionDelayNs: ClosedRange<Int64> = 20_000_000...100_000_000
        /// From reception at the station to arrival at the node, ns.
        public var forwardDelayNs: ClosedRange<Int64> = 5_000_000...20_000_000

        public init(
            model: ADSBModel, sac: UInt8, sic: UInt8, port: UInt16, sourceIPv4: UInt32, sourcePort: UInt16,
            geoidSeparationM: Double = 0
        ) {
            self.model = model
            self.sac = sac
            self.sic = sic
            self.port = port
            self.sourceIPv4 = sourceIPv4
            self.sourcePort = sourcePort
            self.geoidSeparationM = geoidSeparationM
        }
    }

    /// One acoustic sensor: its model (which also gives the delivery delay)
    /// and, when the site authenticates it, its key.
    public struct AcousticLink: Sendable {
        public var model: AcousticSensorModel
        public var key: AuthKey?
        public var port: UInt16
        public var sourceIPv4: UInt32
        public var sourcePort: UInt16
        /// Sequence number of the sensor's first datagram (+1 per datagram after).
        public var firstSequence: UInt32 = 1

        public init(model: AcousticSensorModel, key: AuthKey?, port: UInt16, sourceIPv4: UInt32, sourcePort: UInt16) {
            self.model = model
            self.key = key
            self.port = port
            self.sourceIPv4 = sourceIPv4
            self.sourcePort = sourcePort
        }
    }
}
