import CCurlShim

/// The process-wide "stop now" flag. The CLI raises it from its SIGINT handler;
/// transfers in flight then end with `TransportError.interrupted`, and so do retry waits.
///
/// The flag is a `volatile sig_atomic_t` in the C shim, so `raise()` is async-signal-safe.
public enum CancellationFlag {
    public static func raise() { nsx_cancellation_raise() }
    public static func lower() { nsx_cancellation_lower() }
    public static var isRaised: Bool { nsx_cancellation_is_raised() != 0 }
}
