// libFuzzer target for the binary cue decoder (Hardware/ICD.md 2.3). Built
// by Tools/fuzz.sh against the WireFormats module with -sanitize=fuzzer,address.
//
// A random tag almost never verifies, so the field parser is driven
// directly too; whatever parses must re-encode and decode to the same cue.

import FusionCore
import WireFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let key = AuthKey(InlineArray(repeating: 0xA5))
    _ = try? CueCodec.decode(bytes, key: key)
    if let cue = try? CueCodec.parseUnauthenticated(bytes) {
        guard let encoded = try? CueCodec.encode(cue, key: key) else {
            preconditionFailure("a parsed cue must encode")
        }
        let back = try? CueCodec.decode(encoded, key: key)
        precondition(back == cue, "SKCU round trip differs")
    }
    return 0
}
