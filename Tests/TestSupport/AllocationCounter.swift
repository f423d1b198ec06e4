#if canImport(Glibc)
import Glibc

/// Counts Swift heap allocations (swift_allocObject: class instances, array
/// and string buffers, boxes, closure contexts) made on the calling thread,
/// through the runtime's instrumentation hook. Other threads (parallel
/// tests) are not counted. Shared by every test module that counts
/// allocations.
public enum AllocationCounter {
    public typealias AllocFn = @convention(c) (UnsafeRawPointer?, Int, Int) -> UnsafeMutableRawPointer?
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

    /// Serialises every count in the process. Counts used to race when two
    /// counting suites ran at once: the second saved the first's hook as
    /// "original", the first then put the runtime's function back, and the
    /// second restored the first's hook on exit, whose "original" now
    /// pointed at itself: the next allocation anywhere recursed until the
    /// stack ran out (a crash seen once in a fresh clone, in a decoder
    /// frame). With one lock and the runtime's own function captured once,
    /// a count can only ever restore the runtime's function.
    nonisolated(unsafe) static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        // A nested count on one thread reports EDEADLK instead of stalling.
        pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_ERRORCHECK))
        pthread_mutex_init(lock, &attributes)
        pthread_mutexattr_destroy(&attributes)
        return lock
    }()

    /// The runtime's allocation function, read before any count installs
    /// the hook (first use is under `lock`, by `counting`).
    static let runtimeAllocate: AllocFn? = hookSlot?.pointee

    /// Allocations `body` made on this thread.
    public static func counting(_ body: () -> Void) -> Int {
        guard let hookSlot, let enableSlot else { return -1 }
        let locked = pthread_mutex_lock(lock)
        precondition(locked == 0, "AllocationCounter.counting is not reentrant (error \(locked))")
        defer { pthread_mutex_unlock(lock) }
        guard let runtimeAllocate else { preconditionFailure("the runtime's allocation function is missing") }
        thread = pthread_self()
        count = 0
        hookSlot.pointee = { metadata, size, alignMask in
            if pthread_equal(pthread_self(), AllocationCounter.thread) != 0 { AllocationCounter.count += 1 }
            return AllocationCounter.runtimeAllocate.unsafelyUnwrapped(metadata, size, alignMask)
        }
        let wasEnabled = enableSlot.pointee
        enableSlot.pointee = true
        body()
        enableSlot.pointee = wasEnabled
        hookSlot.pointee = runtimeAllocate
        return count
    }

    public nonisolated(unsafe) static var controlSink: ContiguousArray<Int> = []

    /// Allocations `body` made, or nil when the count cannot be trusted.
    ///
    /// The control allocation, run last in the window, voids a window that
    /// something cut short (the hook removed or swizzling disabled while
    /// `body` ran): a count of zero then cannot pass for "no allocations".
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
