import Glibc

/// Monotonic nanoseconds.
@inline(__always) func nowNs() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
}

/// This thread's CPU time, ns (a system call: ~0.1-1 µs).
@inline(__always) func cpuNs() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
}

/// The first three fields of /proc/loadavg.
func loadAverage() -> String {
    guard let f = fopen("/proc/loadavg", "r") else { return "?" }
    defer { fclose(f) }
    var line = [CChar](repeating: 0, count: 128)
    guard fgets(&line, Int32(line.count), f) != nil else { return "?" }
    return cString(line).split(separator: " ").prefix(3).joined(separator: " ")
}

/// Counts Swift heap allocations (swift_allocObject: class instances, array
/// and string buffers, boxes, closure contexts) through the runtime's
/// instrumentation hook, as Tests/*/AllocationTests.swift do. The harness is
/// single-threaded, so every allocation counted is the engine's.
enum SwiftAllocations {
    typealias AllocFn = @convention(c) (UnsafeRawPointer?, Int, Int) -> UnsafeMutableRawPointer?
    nonisolated(unsafe) static var original: AllocFn?
    nonisolated(unsafe) static var count = 0

    nonisolated(unsafe) static let hookSlot: UnsafeMutablePointer<AllocFn?>? = dlsym(
        dlopen(nil, RTLD_NOW), "_swift_allocObject")?.assumingMemoryBound(to: AllocFn?.self)
    nonisolated(unsafe) static let enableSlot: UnsafeMutablePointer<Bool>? = dlsym(
        dlopen(nil, RTLD_NOW), "_swift_enableSwizzlingOfAllocationAndRefCountingFunctions_forInstrumentsOnly")?
        .assumingMemoryBound(to: Bool.self)

    static var available: Bool { hookSlot != nil && enableSlot != nil }

    /// Allocations made by `body`; -1 when the hook is missing.
    static func counting(_ body: () -> Void) -> Int {
        guard let hookSlot, let enableSlot else {
            body()
            return -1
        }
        original = hookSlot.pointee
        count = 0
        hookSlot.pointee = { metadata, size, alignMask in
            SwiftAllocations.count += 1
            return SwiftAllocations.original!(metadata, size, alignMask)
        }
        let wasEnabled = enableSlot.pointee
        enableSlot.pointee = true
        body()
        enableSlot.pointee = wasEnabled
        hookSlot.pointee = original
        return count
    }
}

/// Counts every malloc-family call of the process (Swift objects reach
/// malloc through swift_slowAlloc, so do `UnsafeMutablePointer.allocate` and
/// C code), by defining the malloc family in the executable: the dynamic
/// linker binds every library's malloc to these, which count and forward to
/// glibc's exported `__libc_*` entry points. Counting is off unless
/// `MallocCounter.enabled`; the counter is a plain global since the harness
/// runs one thread.
enum MallocCounter {
    nonisolated(unsafe) static var enabled = false
    nonisolated(unsafe) static var count = 0

    static func counting(_ body: () -> Void) -> Int {
        count = 0
        enabled = true
        body()
        enabled = false
        return count
    }
}

@_silgen_name("__libc_malloc") func libcMalloc(_ size: Int) -> UnsafeMutableRawPointer?
@_silgen_name("__libc_calloc") func libcCalloc(_ n: Int, _ size: Int) -> UnsafeMutableRawPointer?
@_silgen_name("__libc_realloc") func libcRealloc(_ p: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer?
@_silgen_name("__libc_memalign") func libcMemalign(_ alignment: Int, _ size: Int) -> UnsafeMutableRawPointer?

@_cdecl("malloc") public func countingMalloc(_ size: Int) -> UnsafeMutableRawPointer? {
    if MallocCounter.enabled { MallocCounter.count &+= 1 }
    return libcMalloc(size)
}

@_cdecl("calloc") public func countingCalloc(_ n: Int, _ size: Int) -> UnsafeMutableRawPointer? {
    if MallocCounter.enabled { MallocCounter.count &+= 1 }
    return libcCalloc(n, size)
}

@_cdecl("realloc") public func countingRealloc(_ p: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
    if MallocCounter.enabled { MallocCounter.count &+= 1 }
    return libcRealloc(p, size)
}

@_cdecl("aligned_alloc") public func countingAlignedAlloc(_ alignment: Int, _ size: Int) -> UnsafeMutableRawPointer? {
    if MallocCounter.enabled { MallocCounter.count &+= 1 }
    return libcMemalign(alignment, size)
}

@_cdecl("posix_memalign") public func countingPosixMemalign(
    _ out: UnsafeMutablePointer<UnsafeMutableRawPointer?>, _ alignment: Int, _ size: Int
) -> Int32 {
    if MallocCounter.enabled { MallocCounter.count &+= 1 }
    guard let p = libcMemalign(alignment, size) else { return ENOMEM }
    out.pointee = p
    return 0
}

/// A line of /proc/self/status, in KiB (VmRSS, VmHWM).
func procStatusKiB(_ key: String) -> Int {
    guard let f = fopen("/proc/self/status", "r") else { return -1 }
    defer { fclose(f) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, Int32(line.count), f) != nil {
        let s = cString(line)
        if s.hasPrefix(key + ":") {
            let digits = s.dropFirst(key.count + 1).filter { $0.isNumber }
            return Int(digits) ?? -1
        }
    }
    return -1
}

/// The first "model name" of /proc/cpuinfo.
func cpuModel() -> String {
    guard let f = fopen("/proc/cpuinfo", "r") else { return "unknown" }
    defer { fclose(f) }
    var line = [CChar](repeating: 0, count: 512)
    while fgets(&line, Int32(line.count), f) != nil {
        let s = cString(line)
        if s.hasPrefix("model name"), let colon = s.firstIndex(of: ":") {
            return s[s.index(after: colon)...].trimmingCharacters()
        }
    }
    return "unknown"
}

extension StringProtocol {
    func trimmingCharacters() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\n" || $0 == "\t" }.reversed())
    }
}

/// A NUL-terminated C buffer as a String.
func cString(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// glibc's malloc_trim (malloc.h is not in the Glibc module): returns free
/// heap to the kernel so that VmRSS shows what is live.
@discardableResult @_silgen_name("malloc_trim") func mallocTrim(_ pad: Int) -> Int32
