#if canImport(Glibc)
import Glibc

/// Counts Swift heap allocations (swift_allocObject: class instances, array
/// and string buffers, boxes, closure contexts) made on the calling thread,
/// through the runtime's instrumentation hook. Other threads (parallel
/// tests) are not counted. Shared by every test module that counts
/// allocations.
public enum AllocationCounter {
    public typealias AllocFn = @convention(c) (UnsafeRawPointer?, Int, Int) -> UnsafeMutableRawPointer?
    public nonisolated(unsafe) static var original: AllocFn?
    public nonisolated(unsafe) static var thread: pthread_t = pthread_self()
    public nonisolated(unsafe) static var count = 0

    public nonisolated(unsafe) static let hookSlot: UnsafeMutablePointer<AllocFn?>? = dlsym(
        dlopen(nil, RTLD_NOW),  // the process's global symbols
        "_swift_allocObject")?.assumingMemoryBound(to: AllocFn?.self)
    public nonisolated(unsafe) static let enableSlot: UnsafeMutablePointer<Bool>? = dlsym(
        dlopen(nil, RTLD_NOW),
        "_swift_enableSwizzlingOfAllocationAndRefCountingFunctions_forInstrumentsOnly")?
        .assumingMemoryBound(to: Bool.self)

    public static var available: Bool { hookSlot != nil && enableSlot != nil }

    /// The hook is process-wide: swapping it while other suites allocate on
    /// other threads can crash the test process. These suites therefore run
    /// only in Tools/test.sh's second, serial pass, which sets this variable.
    public static var requested: Bool {
        guard let value = getenv("SKYCUE_ALLOCATION_TESTS") else { return false }
        return String(cString: value) == "1"
    }

    /// Allocations `body` made on this thread.
    public static func counting(_ body: () -> Void) -> Int {
        guard let hookSlot, let enableSlot else { return -1 }
        original = hookSlot.pointee
        thread = pthread_self()
        count = 0
        hookSlot.pointee = { metadata, size, alignMask in
            if pthread_equal(pthread_self(), AllocationCounter.thread) != 0 { AllocationCounter.count += 1 }
            return AllocationCounter.original!(metadata, size, alignMask)
        }
        let wasEnabled = enableSlot.pointee
        enableSlot.pointee = true
        body()
        enableSlot.pointee = wasEnabled
        hookSlot.pointee = original
        return count
    }

    public nonisolated(unsafe) static var controlSink: ContiguousArray<Int> = []

    /// Allocations `body` made, or nil when the count cannot be trusted.
    ///
    /// The hook is process-wide: any other counter that ends while this one
    /// counts puts its saved hook back and stops this count. Tools/test.sh
    /// runs the counting suites alone and serially; the control allocation,
    /// run last in the window, still voids a window that was cut short.
    public static func countingWithControl(_ body: () -> Void) -> Int? {
        let n = counting {
            body()
            controlAllocation()
        }
        return n >= 1 ? n - 1 : nil
    }

    /// Exactly one heap allocation, kept so that it is not optimised away.
    @inline(never) public static func controlAllocation() {
        controlSink = ContiguousArray(repeating: 1, count: 3)
    }
}
#endif
