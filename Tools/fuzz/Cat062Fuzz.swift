// libFuzzer target: the CAT062 reader (our own output's inverse) is total,
// and what it decodes re-encodes to a record it decodes again.
import WireFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCat062(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    var rejections = AsterixRejectionCounts()
    var again: [UInt8] = []
    let encoder = Cat062Encoder(sac: 1, sic: 2)
    Cat062Decoder.decode(bytes, referenceNs: 1_700_000_000_000_000_000, rejections: &rejections) { track in
        again.removeAll(keepingCapacity: true)
        encoder.appendBlock([track], to: &again)
        var inner = AsterixRejectionCounts()
        let n = Cat062Decoder.decode(again, referenceNs: track.timeNs, rejections: &inner) { _ in }
        if n != 1 || inner.total != 0 { fatalError("re-encoded track does not decode") }
    }
    return 0
}
