// libFuzzer target: ASTERIX input decoding (CAT021, CAT034, CAT048) is
// total (Tools/fuzz.sh builds and runs it). Any bytes, as a whole datagram
// and as the body of one block of each input category, give records or
// counted rejections: never a trap, overrun or stall.
import WireFormats

private struct CountingSink: AsterixSink {
    var delivered = 0
    mutating func receive(_ plot: Cat048Plot, record: UnsafeRawBufferPointer) { delivered += 1 }
    mutating func receive(_ message: Cat034Message, record: UnsafeRawBufferPointer) { delivered += 1 }
    mutating func receive(_ report: Cat021Report, record: UnsafeRawBufferPointer) { delivered += 1 }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAsterix(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    var decoder = AsterixDecoder()
    var sink = CountingSink()
    decoder.decode(bytes, into: &sink)
    // Accounting invariant: non-empty input always yields something.
    if size > 0 && sink.delivered == 0 && decoder.rejections.total == 0 { fatalError("input neither decoded nor rejected") }
    for category: UInt8 in [21, 34, 48] {
        var blockDecoder = AsterixDecoder()
        blockDecoder.decodeBlock(category: category, body: bytes, into: &sink)
        if blockDecoder.records == 0 && blockDecoder.rejections.total == 0 {
            fatalError("CAT\(category) block neither decoded nor rejected")
        }
    }
    return 0
}
