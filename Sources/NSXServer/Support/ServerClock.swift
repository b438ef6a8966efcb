import Foundation

/// Where the server reads the time. Tests substitute a clock they can move forward.
public protocol ServerClock: Sendable {
    /// Seconds since 1970, with a fractional part.
    func now() -> Double
}

public struct SystemClock: ServerClock {
    public init() {}
    public func now() -> Double { Date().timeIntervalSince1970 }
}

/// The system clock moved to start at a chosen moment (`--clock-start`) and run on from
/// there at the normal pace, so a test can make data that looks old to every client.
public struct ShiftedClock: ServerClock {
    let offset: Double

    public init(startingAt start: Double, system: SystemClock = SystemClock()) {
        offset = start - system.now()
    }

    public func now() -> Double { SystemClock().now() + offset }
}
