/// A moment in UTC: whole seconds since 1970-01-01T00:00:00Z and the nanoseconds after them.
/// Foundation-free, so the CLI and the server can share it. Differences are `Duration`s.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let seconds: Int
    /// 0 ..< 1_000_000_000.
    public let nanoseconds: Int

    public init(seconds: Int, nanoseconds: Int = 0) {
        let carry = nanoseconds >= 0 ? nanoseconds / 1_000_000_000 : (nanoseconds - 999_999_999) / 1_000_000_000
        self.seconds = seconds + carry
        self.nanoseconds = nanoseconds - carry * 1_000_000_000
    }

    /// Midnight UTC at the start of `date`, plus `secondsOfDay`.
    public init(_ date: CivilDate, secondsOfDay: Int = 0, nanoseconds: Int = 0) {
        self.init(seconds: date.daysSinceEpoch * 86_400 + secondsOfDay, nanoseconds: nanoseconds)
    }

    /// The calendar day this moment falls on in UTC.
    public var date: CivilDate { CivilDate(daysSinceEpoch: Self.floorDivide(seconds, 86_400)) }

    /// Seconds since the start of its UTC day, 0 ..< 86 400.
    public var secondsOfDay: Int { seconds - Self.floorDivide(seconds, 86_400) * 86_400 }

    /// Seconds since 1970 with the fraction, for arithmetic that wants a number.
    public var secondsSinceEpoch: Double { Double(seconds) + Double(nanoseconds) / 1_000_000_000 }

    public var description: String { rfc3339 }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }

    public static func - (lhs: Timestamp, rhs: Timestamp) -> Duration {
        .seconds(lhs.seconds - rhs.seconds) + .nanoseconds(lhs.nanoseconds - rhs.nanoseconds)
    }

    public static func + (lhs: Timestamp, rhs: Duration) -> Timestamp {
        let (seconds, attoseconds) = rhs.components
        return Timestamp(seconds: lhs.seconds + Int(seconds), nanoseconds: lhs.nanoseconds + Int(attoseconds / 1_000_000_000))
    }

    public static func - (lhs: Timestamp, rhs: Duration) -> Timestamp { lhs + (.zero - rhs) }

    static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : (value - divisor + 1) / divisor
    }
}

extension Duration {
    /// Whole seconds, the fraction dropped (towards zero): 90.9 s is 90, -0.5 s is 0.
    public var wholeSeconds: Int { Int(components.seconds) }

    /// Whole milliseconds, the fraction dropped (towards zero), for the C calls that take them.
    public var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    /// The duration in seconds as a number.
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
