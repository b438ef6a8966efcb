/// The audit rules, as pure code over plain values: which tokens are stale, unused,
/// immortal or over-broad, and the exact command that fixes each.
///
/// Tokens that are revoked or already expired are left out: they can do nothing. Every
/// rule stands alone (one finding per rule per token), so a script can act on the rules
/// it cares about. Which permissions a token actually used is not knowable from the API,
/// so an over-broad token is recreated with `--for` naming the commands it runs.
public enum TokenAudit {
    /// - Parameters:
    ///   - profileCredentials: token ID → the stored profiles holding it.
    ///   - commandContext: words each fix command ends with, so it reaches the same account
    ///     the audit read (`["--profile", "work"]`).
    public static func findings(tokens: [AuditToken], now: Int64, policy: AuditPolicy,
                                profileCredentials: [String: [String]] = [:],
                                commandContext: [String] = []) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        for token in tokens where token.revokedAt == nil && (token.expiresAt.map { $0 > now } ?? true) {
            let profiles = (profileCredentials[token.id] ?? []).sorted()
            let commands = FixCommands(token: token, profiles: profiles, expires: Self.durationWord(policy.maxAge),
                                       context: commandContext)
            func add(_ rule: AuditRule, _ message: String, _ fix: String) {
                findings.append(AuditFinding(token: token, rule: rule, message: message, fix: fix, profiles: profiles))
            }
            let age = now - token.createdAt
            if let lastUsed = token.lastUsedAt {
                let idle = now - lastUsed
                if idle > policy.unusedFor {
                    add(.unused, "not used for \(spoken(idle)) (more than \(spoken(policy.unusedFor)))", commands.revoke)
                }
            } else if age > policy.neverUsedGrace {
                add(.neverUsed, "never used since it was created \(spoken(age)) ago", commands.revoke)
            }
            let held = Set(token.permissions)
            let known = policy.knownPermissions
            if !known.isEmpty && known.allSatisfy(held.contains) {
                add(.allPermissions, "has every permission", commands.recreateNarrower)
            } else if !policy.writePermissions.isEmpty && policy.writePermissions.allSatisfy(held.contains) {
                add(.allWritePermissions, "has every write permission", commands.recreateNarrower)
            }
            if age > policy.maxAge {
                add(.maxAge, "created \(spoken(age)) ago (older than \(spoken(policy.maxAge)))", commands.rotate)
            }
            if token.expiresAt == nil {
                add(.noExpiry, "never expires", commands.rotateExpiring)
            }
        }
        return findings.sorted(by: order)
    }

    /// Severity first; then the rules' order, the token's name and ID, so the same tokens
    /// always give the same list.
    static func order(_ a: AuditFinding, _ b: AuditFinding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        let rules = AuditRule.allCases
        if a.rule != b.rule { return rules.firstIndex(of: a.rule)! < rules.firstIndex(of: b.rule)! }
        if a.token.name != b.token.name { return a.token.name < b.token.name }
        return a.token.id < b.token.id
    }

    /// `90d`, `12h`, `45m`, `30s`: the largest unit that states the duration exactly, as
    /// `--expires` takes it.
    public static func durationWord(_ seconds: Int64) -> String {
        for (unit, size) in [("d", AuditPolicy.day), ("h", 3600), ("m", 60)] where seconds >= size && seconds % size == 0 {
            return "\(seconds / size)\(unit)"
        }
        return "\(seconds)s"
    }

    /// "5 days", "1 day", "3 hours", "20 minutes".
    static func spoken(_ seconds: Int64) -> String {
        func plural(_ count: Int64, _ unit: String) -> String { "\(count) \(unit)\(count == 1 ? "" : "s")" }
        switch seconds {
        case AuditPolicy.day...: return plural(seconds / AuditPolicy.day, "day")
        case 3600...: return plural(seconds / 3600, "hour")
        case 60...: return plural(seconds / 60, "minute")
        default: return plural(max(0, seconds), "second")
        }
    }
}
