// libFuzzer target for the SKAC acoustic decoder (ICD 1.3). Built by
// Tools/fuzz.sh against the WireFormats module with -sanitize=fuzzer,address.
//
// Exercises the structural parser and the full receive path (with and
// without required authentication, with a key configured for sensor 1 so
// tag verification and the replay window run too).

import FusionCore
import WireFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    var report = SKACReport()
    do throws(SKACRejection) {
        try SKACCodec.parse(bytes, into: &report)
        // A parsed report must re-encode to the same bytes when untagged.
        if !report.header.flags.contains(.authenticated) {
            var again = [UInt8](repeating: 0, count: size)
            let n = again.withUnsafeMutableBytes { out in
                (try? SKACCodec.encode(report, key: nil, into: out)) ?? -1
            }
            precondition(n == size && again.elementsEqual(bytes), "SKAC re-encode differs")
        }
    } catch {
        _ = error
    }
    var keys = SensorKeyTable(capacity: 2)
    try? keys.insert(sensorId: 1, key: AuthKey(InlineArray(repeating: 0x5A)))
    for required in [false, true] {
        var receiver = SKACReceiver(keys: keys, requireAuthentication: required)
        _ = try? receiver.receive(bytes, into: &report)
        _ = try? receiver.receive(bytes, into: &report)  // second time: replay path
    }
    return 0
}
