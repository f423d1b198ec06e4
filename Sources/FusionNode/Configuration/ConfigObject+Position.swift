import Foundation
import FusionMath

extension ConfigObject {
    /// This object's own `lat`, `lon` (degrees) and `alt_m` (metres HAE).
    ///
    /// `alt_m` defaults to 0 where the altitude is not what matters (zone
    /// vertices, whose floor and ceiling bound the height instead).
    func position(altitudeRequired: Bool = true) -> Geodetic {
        let lat = number("lat", .latitude)
        let lon = number("lon", .longitude)
        let alt = number("alt_m", .altitude, default: altitudeRequired ? nil : 0)
        return Geodetic(latitudeDeg: lat, longitudeDeg: lon, heightM: alt)
    }

    /// A nested `{"lat", "lon", "alt_m"}` object under `key`; an optional
    /// one may also be null.
    func point(_ key: String, required: Bool, altitudeRequired: Bool = true) -> Geodetic? {
        if !required, raw(key, required: false) is NSNull { return nil }
        guard let object = object(key, required: required) else { return nil }
        defer { object.finish() }
        return object.position(altitudeRequired: altitudeRequired)
    }
}
