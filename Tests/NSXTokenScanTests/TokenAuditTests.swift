import NSXTokenScan
import Testing

/// The audit rules over plain values, with the clock wherever a test puts it.
struct TokenAuditTests {
    static let day = AuditPolicy.day
    static let now: Int64 = 1_800_000_000
    static let everything = [
        "servers:read", "servers:write", "instances:read", "instances:write", "instances:actions",
        "backups:read", "backups:write", "backups:restore", "settings:read", "settings:write",
    ]
    static let policy = AuditPolicy(knownPermissions: everything)

    /// A token that breaks no rule unless told to.
    static func token(_ name: String, id: String? = nil, environment: TokenEnvironment = .live,
                      permissions: [String] = ["servers:read"], age: Int64 = 2 * day, usedAgo: Int64? = 3600,
                      expiresIn: Int64? = 30 * day, revoked: Bool = false) -> AuditToken {
        AuditToken(id: id ?? "tok_\(name)", name: name, prefix: "nsx_\(environment.rawValue)_Ab12", environment: environment,
                   permissions: permissions, createdAt: now - age, lastUsedAt: usedAgo.map { now - $0 },
                   expiresAt: expiresIn.map { now + $0 }, revokedAt: revoked ? now - 60 : nil)
    }

    func audit(_ tokens: [AuditToken], policy: AuditPolicy = policy, profiles: [String: [String]] = [:],
               context: [String] = []) -> [AuditFinding] {
        TokenAudit.findings(tokens: tokens, now: Self.now, policy: policy, profileCredentials: profiles, commandContext: context)
    }

    @Test func everyCommandOfAFixEndsWithTheContext() {
        let context = ["--profile", "work", "--api-url", "http://127.0.0.1:8080"]
        let fixes = audit([Self.token("root", permissions: Self.everything, age: 100 * Self.day, usedAgo: 40 * Self.day, expiresIn: nil)],
                          context: context).map(\.fix)
        let suffix = " --profile work --api-url http://127.0.0.1:8080"
        #expect(fixes == [
            "nsx tokens revoke tok_root" + suffix,
            "nsx tokens create --name root --for COMMAND --expires 90d" + suffix + " && nsx tokens revoke tok_root" + suffix,
            "nsx tokens rotate tok_root" + suffix,
            "nsx tokens rotate tok_root --expires 90d" + suffix,
        ])
    }

    @Test func aTidyTokenHasNoFindings() {
        #expect(audit([Self.token("tidy")]).isEmpty)
    }

    @Test func neverUsedAndOlderThanADay() {
        #expect(audit([Self.token("new", age: 23 * 3600, usedAgo: nil)]).isEmpty)
        let findings = audit([Self.token("forgotten", age: 5 * Self.day, usedAgo: nil)])
        #expect(findings.map(\.rule) == [.neverUsed])
        #expect(findings.first?.severity == .high)
        #expect(findings.first?.message == "never used since it was created 5 days ago")
        #expect(findings.first?.fix == "nsx tokens revoke tok_forgotten")
    }

    @Test func unusedForLongerThanTheThreshold() {
        let stale = Self.token("stale", age: 60 * Self.day, usedAgo: 31 * Self.day)
        #expect(audit([stale]).map(\.rule) == [.unused])
        #expect(audit([stale]).first?.message == "not used for 31 days (more than 30 days)")
        #expect(audit([stale]).first?.fix == "nsx tokens revoke tok_stale")
        var lenient = Self.policy
        lenient.unusedFor = 45 * Self.day
        #expect(audit([stale], policy: lenient).isEmpty)
        #expect(audit([Self.token("fresh", age: 60 * Self.day, usedAgo: 29 * Self.day)]).isEmpty)
    }

    @Test func olderThanMaxAgeIsRotated() {
        let old = Self.token("old", age: 91 * Self.day)
        #expect(audit([old]).map(\.rule) == [.maxAge])
        #expect(audit([old]).first?.fix == "nsx tokens rotate tok_old")
        #expect(audit([old]).first?.message == "created 91 days ago (older than 90 days)")
        var strict = Self.policy
        strict.maxAge = 30 * Self.day
        #expect(audit([Self.token("month", age: 31 * Self.day)], policy: strict).map(\.rule) == [.maxAge])
    }

    @Test func noExpiryIsRotatedWithAnEnd() {
        let immortal = Self.token("ci deploy", id: "tok_cideploy", permissions: ["servers:read", "instances:actions"], expiresIn: nil)
        let findings = audit([immortal])
        #expect(findings.map(\.rule) == [.noExpiry])
        #expect(findings.first?.severity == .low)
        #expect(findings.first?.fix == "nsx tokens rotate tok_cideploy --expires 90d")
    }

    @Test func theReplacementFollowsMaxAgeTestEnvironmentAndProfile() {
        var policy = Self.policy
        policy.maxAge = 12 * 3600
        let immortal = Self.token("ci", environment: .test, age: 3600, expiresIn: nil)
        let findings = audit([immortal], policy: policy, profiles: ["tok_ci": ["ci-profile", "a-profile"]])
        #expect(findings.map(\.rule) == [.noExpiry])
        #expect(findings.first?.fix == "nsx tokens rotate tok_ci --expires 12h", "rotate keeps the environment and updates every profile holding it")
        #expect(findings.first?.profiles == ["a-profile", "ci-profile"])
    }

    @Test func everyPermissionOrEveryWritePermission() {
        let all = audit([Self.token("admin", permissions: Self.everything)])
        #expect(all.map(\.rule) == [.allPermissions])
        #expect(all.first?.severity == .high)
        #expect(all.first?.fix == "nsx tokens create --name admin --for COMMAND --expires 90d && nsx tokens revoke tok_admin")
        let immortalAdmin = audit([Self.token("root", permissions: Self.everything, expiresIn: nil)])
        #expect(immortalAdmin.map(\.rule) == [.allPermissions, .noExpiry])
        #expect(immortalAdmin.last?.fix == "nsx tokens rotate tok_root --expires 90d")

        let writes = Self.everything.filter { !$0.hasSuffix(":read") }
        let writer = audit([Self.token("writer", permissions: writes)])
        #expect(writer.map(\.rule) == [.allWritePermissions])
        #expect(writer.first?.severity == .medium)

        let almost = audit([Self.token("almost", permissions: Array(writes.dropLast()))])
        #expect(almost.isEmpty)
        #expect(audit([Self.token("reader", permissions: Self.everything.filter { $0.hasSuffix(":read") })]).isEmpty)
    }

    @Test func revokedAndExpiredTokensAreLeftOut() {
        #expect(audit([Self.token("gone", age: 400 * Self.day, usedAgo: nil, expiresIn: nil, revoked: true)]).isEmpty)
        #expect(audit([Self.token("over", age: 400 * Self.day, usedAgo: nil, expiresIn: -60)]).isEmpty)
    }

    @Test func oneFindingPerRuleSortedBySeverityThenRuleThenName() {
        let tokens = [
            Self.token("zeta", permissions: Self.everything, age: 100 * Self.day, usedAgo: nil, expiresIn: nil),
            Self.token("alpha", age: 100 * Self.day, usedAgo: 40 * Self.day, expiresIn: nil),
        ]
        let findings = audit(tokens, profiles: ["tok_zeta": ["default"]])
        #expect(findings.map { "\($0.severity.name) \($0.rule.rawValue) \($0.token.name)" } == [
            "high never-used zeta",
            "high unused alpha",
            "high all-permissions zeta",
            "medium max-age alpha",
            "medium max-age zeta",
            "low no-expiry alpha",
            "low no-expiry zeta",
        ])
        #expect(findings.filter { $0.token.name == "zeta" }.allSatisfy { $0.profiles == ["default"] })
        #expect(findings.filter { $0.token.name == "alpha" }.allSatisfy { $0.profiles.isEmpty })
    }

    @Test func aTokenFromTheFutureIsNotOld() {
        #expect(audit([Self.token("skewed", age: -3600, usedAgo: nil)]).isEmpty)
    }

    static let durations: [(Int64, String)] = [(90 * 86_400, "90d"), (43_200, "12h"), (5_400, "90m"), (90, "90s"), (86_400 + 1, "86401s")]

    @Test(arguments: durations)
    func durationWords(_ seconds: Int64, _ word: String) {
        #expect(TokenAudit.durationWord(seconds) == word)
    }
}
