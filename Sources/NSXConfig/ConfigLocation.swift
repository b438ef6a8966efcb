#if canImport(Glibc)
import Glibc
#endif

/// Where nsx keeps its configuration: `NSX_CONFIG_DIR`, else
/// `$XDG_CONFIG_HOME/nsx`, else `$HOME/.config/nsx`.
public struct ConfigLocation: Sendable, Hashable {
    /// The config folder (mode 0700 when nsx creates it).
    public var folder: String

    public init(folder: String) {
        self.folder = ConfigLocation.trimmingTrailingSlashes(folder)
    }

    /// The non-secret settings and profile facts.
    public var configFile: String { folder + "/config.json" }

    /// Guards read-modify-write of `configFile` across processes.
    public var lockFile: String { folder + "/config.lock" }

    public static func resolve(environment: [String: String]) -> ConfigLocation {
        if let explicit = environment["NSX_CONFIG_DIR"], !explicit.isEmpty {
            return ConfigLocation(folder: explicit)
        }
        // The XDG spec says to ignore an empty or relative XDG_CONFIG_HOME.
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return ConfigLocation(folder: trimmingTrailingSlashes(xdg) + "/nsx")
        }
        let home = trimmingTrailingSlashes(homeFolder(environment))
        return ConfigLocation(folder: (home == "/" ? "" : home) + "/.config/nsx")
    }

    private static func homeFolder(_ environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        // No HOME (cron, some containers): ask the password database.
        if let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir {
            return String(cString: directory)
        }
        return "/"
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }
}
