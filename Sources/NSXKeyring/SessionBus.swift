#if canImport(Glibc)
import Glibc
#endif

/// Decides, before libsecret is touched, whether a D-Bus session bus can be
/// found the way GLib finds one without autolaunching. Without an address
/// GLib would run `dbus-launch --autolaunch`, which wants X11 and can hang or
/// leave a stray bus behind, so in that case nsx gives up at once.
enum SessionBus {
    /// The same, for this process: GLib reads the process's own environment, so this does too.
    static func unavailableReason() -> String? {
        let names = ["DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"]
        var environment: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return unavailableReason(environment: environment)
    }

    /// nil when a bus address is available, else why not.
    static func unavailableReason(environment: [String: String]) -> String? {
        if let address = environment["DBUS_SESSION_BUS_ADDRESS"], !address.isEmpty {
            let transports = address.split(separator: ";")
            if transports.contains(where: { $0.hasPrefix("autolaunch:") }) {
                return "DBUS_SESSION_BUS_ADDRESS asks for D-Bus autolaunch, which nsx does not use"
            }
            return nil
        }
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty, access(runtime + "/bus", F_OK) == 0 {
            return nil // GLib uses $XDG_RUNTIME_DIR/bus when no address is set
        }
        return "no D-Bus session (DBUS_SESSION_BUS_ADDRESS is not set and there is no $XDG_RUNTIME_DIR/bus)"
    }
}
