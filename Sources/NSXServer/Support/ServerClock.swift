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
