/// Durations as people say them, and as `--expires` / `--wait-timeout` take them.
enum Durations {
    static func spoken(seconds: Int) -> String {
        switch seconds {
        case ..<60: return "\(seconds) second\(seconds == 1 ? "" : "s")"
        case ..<3600:
            let m = seconds / 60
            return "\(m) minute\(m == 1 ? "" : "s")"
        case ..<86400:
            let h = seconds / 3600
            return "\(h) hour\(h == 1 ? "" : "s")"
        default:
            let d = seconds / 86400
            return "\(d) day\(d == 1 ? "" : "s")"
        }
    }
}
