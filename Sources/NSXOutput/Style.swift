/// ANSI styling that switches itself off: with `enabled` false every helper returns its
/// text unchanged, so callers never branch on whether colour is wanted.
public struct Style: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func red(_ text: String) -> String { wrap(text, "31") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    public func cyan(_ text: String) -> String { wrap(text, "36") }

    /// "✓" in green, for a step that worked.
    public var checkMark: String { green("✓") }
    /// "✗" in red, for a step that failed.
    public var crossMark: String { red("✗") }

    /// The text coloured by what a resource status means.
    public func status(_ text: String) -> String {
        switch StatusTone(status: text) {
        case .good: green(text)
        case .transitional: yellow(text)
        case .bad: red(text)
        case .inactive: dim(text)
        case .neutral: text
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        guard enabled, !text.isEmpty else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

/// What a status word means to someone scanning a table.
enum StatusTone: Equatable {
    case good, transitional, bad, inactive, neutral

    init(status: String) {
        switch status.lowercased() {
        case "active", "running", "completed", "available", "succeeded", "success", "ready", "healthy", "ok", "enabled":
            self = .good
        case "pending", "queued", "creating", "provisioning", "starting", "stopping", "restarting", "rebooting",
             "updating", "resizing", "migrating", "deleting", "restoring", "in_progress", "backing_up", "rotating":
            self = .transitional
        case "failed", "error", "errored", "maintenance", "revoked", "expired", "unhealthy", "degraded":
            self = .bad
        case "stopped", "inactive", "disabled", "deleted", "archived":
            self = .inactive
        default:
            self = .neutral
        }
    }
}
