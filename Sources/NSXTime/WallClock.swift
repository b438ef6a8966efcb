#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where "now" comes from: the system's real-time clock, or a fixed moment in tests.
/// nsx reads the time only through one of these.
public struct WallClock: Sendable {
    private let read: @Sendable () -> Timestamp

    public init(_ read: @escaping @Sendable () -> Timestamp) {
        self.read = read
    }

    public func now() -> Timestamp { read() }

    /// CLOCK_REALTIME.
    public static let system = WallClock {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(seconds: Int(spec.tv_sec), nanoseconds: Int(spec.tv_nsec))
    }

    /// Always `moment`.
    public static func fixed(_ moment: Timestamp) -> WallClock { WallClock { moment } }
}
