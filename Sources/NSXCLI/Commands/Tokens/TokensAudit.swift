import NSXCommandLine
import NSXJSON
import NSXOutput
import NSXTime
import NSXTokenScan

/// `nsx tokens audit [--env live|test] [--unused-for 30d] [--max-age 90d] [--fail]`: every
/// active token against the rules of `TokenAudit` (Sources/NSXTokenScan), one finding per
/// rule, with the command that fixes it. This file only maps the API's token objects into
/// the rules' values and prints what they find.
enum TokensAudit: Verb {
    static let spec = NSXCommand(
        "audit", summary: "Find stale, unused, immortal and over-broad tokens",
        discussion: """
            Checks every active token (all pages) against these rules. Each finding
            names the command that fixes it:

              high    never used, and older than a day      revoke it
              high    not used for longer than --unused-for  revoke it
              high    holds every permission                recreate it with --for
              medium  holds every write permission          recreate it with --for
              medium  older than --max-age                  rotate it
              low     never expires                         rotate it with --expires

            Which permissions a token really uses is not knowable from the API: in a
            --for fix, replace COMMAND with the nsx commands the token runs. A token
            that is a stored profile's credential is marked in PROFILE; fixing it
            changes that profile. Replacements expire after --max-age. Fixes name
            the --profile (and an --api-url) the audit used, so they act on the same
            account wherever they are pasted.

            The table is sorted by severity; -o json, ndjson, csv and yaml give one
            object per finding. With --fail, any finding exits 10, for CI. Under --test
            only test tokens are checked, unless --env says otherwise.
            """,
        options: [.tokenEnvironment, .unusedFor, .maxAge, .failOnFindings],
        examples: [
            Example("nsx tokens audit"),
            Example("nsx tokens audit --max-age 30d --fail -o json"),
            Example("nsx tokens audit -o json | jq -r '.[] | select(.severity == \"high\") | .fix'",
                    summary: "The fixes of the high-severity findings, one per line"),
        ],
        permissions: ["settings:read"], action: runner)

    struct Words: Equatable {
        /// `--env`; nil leaves it to `--test`.
        var environment: String?
        var unusedFor: Int64
        var maxAge: Int64
        var fail: Bool
    }

    struct Dependencies {
        /// `--test` or NSX_ENV=test: only test tokens, unless `--env` says otherwise.
        var testEnvironment: Bool
        var printer: Printer
        var api: APIAccess
        var profiles: TokenProfiles
        /// What each fix command ends with (`fixContext`).
        var fixContext: [String]
    }

    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> Words {
        Words(environment: parsed[.tokenEnvironment],
              unusedFor: try threshold(parsed[.unusedFor] ?? "30d", option: "--unused-for"),
              maxAge: try threshold(parsed[.maxAge] ?? "90d", option: "--max-age"),
              fail: parsed[.failOnFindings])
    }

    static func dependencies(_ invocation: Invocation) -> Dependencies {
        Dependencies(testEnvironment: invocation.globals.testEnvironment, printer: invocation.printer,
                     api: invocation.api, profiles: TokenProfiles(factory: invocation.factory),
                     fixContext: fixContext(invocation))
    }

    /// `--profile` and `--api-url` for the fix commands, so that pasted anywhere they act on
    /// the account this audit read: the profile whenever it is not the plain default (or
    /// `--profile` named it, which a config default could otherwise override), the API URL
    /// when `--api-url` gave it (a profile's own URL comes with the profile).
    static func fixContext(_ invocation: Invocation) -> [String] {
        var words: [String] = []
        let profile = invocation.globals.profile
        if invocation.parsed[.profile] != nil || profile != ValueOption.profile.option.defaultValue {
            words += ["--" + ValueOption.profile.option.long, profile]
        }
        if let url = invocation.parsed[.apiURL] { words += ["--" + ValueOption.apiURL.option.long, url] }
        return words
    }

    /// `30d`, `12h`: a bare number is refused, as `--expires` refuses it ("30" could be anything).
    static func threshold(_ word: String, option: String) throws(CLIError) -> Int64 {
        guard let seconds = TokenExpiry.duration(word), seconds > 0 else {
            if !word.isEmpty, word.allSatisfy(\.isNumber) {
                throw .usage("\(option) \(word) needs a unit, e.g. \(word)d for days or \(word)h for hours")
            }
            throw .usage("invalid \(option) \"\(word)\"", hint: "Use a duration such as 30d or 12h.")
        }
        return Int64(seconds)
    }

    /// The keys of one finding in json, ndjson, csv and yaml: the token's `id`, `name`,
    /// `prefix` and `environment`, then what is wrong and how to fix it.
    static let fields = ["id", "name", "prefix", "environment", "severity", "rule", "message", "fix", "profiles"]
    /// The table's columns when `--fields` picks from them (AuditFindingsText otherwise).
    static let columns = [
        Column("severity", header: "SEVERITY"),
        Column("name", header: "TOKEN"),
        Column("id", header: "ID", style: .id),
        Column("message", header: "FINDING"),
        Column("fix", header: "FIX"),
        Column("profiles", header: "PROFILE", style: .list),
    ]

    static func run(_ words: Words, _ dependencies: Dependencies) throws(CLIError) {
        let printer = dependencies.printer
        try printer.validateFields(fields)
        let client = try dependencies.api.client(.renewIfDue)

        var query: [(String, String)] = []
        if let environment = words.environment ?? (dependencies.testEnvironment ? "test" : nil) {
            query.append(("environment", environment))
        }
        var tokens: [AuditToken] = []
        try client.forEachPage(ResourceKind.token.path, query: query, extent: .all) { (page: [JSONValue]) throws(CLIError) in
            for item in page { tokens.append(try auditToken(item)) }
        }
        let policy = AuditPolicy(unusedFor: words.unusedFor, maxAge: words.maxAge, knownPermissions: Permission.all)
        let findings = TokenAudit.findings(tokens: tokens, now: Int64(printer.clock.now().seconds), policy: policy,
                                           profileCredentials: try dependencies.profiles.holders(apiURL: client.baseURL),
                                           commandContext: dependencies.fixContext)

        if printer.showsOwnView {
            printer.streams.out.write(AuditFindingsText.render(findings, style: printer.streams.outStyle))
        } else {
            // CSV has every key, as JSON does.
            let shown = printer.format == .table ? columns : fields.map { Column($0, style: $0 == "profiles" ? .list : .plain) }
            let writer = try printer.list(columns: shown, fields: fields)
            var listed = Set<String>()
            for finding in findings {
                // -q prints token IDs, each once, however many rules it breaks.
                if printer.quiet, !listed.insert(finding.token.id).inserted { continue }
                writer.write(json(finding))
            }
            writer.finish()
        }

        let tokenCount = Set(findings.map(\.token.id)).count
        let summary = "\(findings.count) finding\(findings.count == 1 ? "" : "s") for \(tokenCount) of \(tokens.count) token\(tokens.count == 1 ? "" : "s")"
        if findings.isEmpty {
            if printer.format == .table {
                printer.noteDone("No findings: \(tokens.count) token\(tokens.count == 1 ? "" : "s") checked.")
            }
        } else if words.fail {
            throw .findings(summary)
        } else if printer.format == .table {
            printer.note(summary + ".")
        }
    }

    static func json(_ finding: AuditFinding) -> JSONValue {
        .object(JSONObject([
            ("id", .string(finding.token.id)),
            ("name", .string(finding.token.name)),
            ("prefix", .string(finding.token.prefix)),
            ("environment", .string(finding.token.environment.rawValue)),
            ("severity", .string(finding.severity.name)),
            ("rule", .string(finding.rule.rawValue)),
            ("message", .string(finding.message)),
            ("fix", .string(finding.fix)),
            ("profiles", .array(finding.profiles.map { .string($0) })),
        ]))
    }

    /// The API's token object as the rules' plain values.
    static func auditToken(_ item: JSONValue) throws(CLIError) -> AuditToken {
        func time(_ key: String) throws(CLIError) -> Int64? {
            guard let value = item[key], !value.isNull else { return nil }
            guard let text = value.stringValue, let moment = Timestamp(rfc3339: text) else {
                throw .malformedResponse("a token whose \(key) is not an RFC 3339 time", requestID: nil)
            }
            return Int64(moment.seconds)
        }
        guard let id = item["id"]?.stringValue, let createdAt = try time("created_at") else {
            throw .malformedResponse("a token without an id or created_at", requestID: nil)
        }
        return AuditToken(id: id, name: item["name"]?.stringValue ?? "",
                          prefix: item["prefix"]?.stringValue ?? "",
                          environment: item["environment"]?.stringValue == "test" ? .test : .live,
                          permissions: (item["permissions"]?.arrayValue ?? []).compactMap(\.stringValue),
                          createdAt: createdAt, lastUsedAt: try time("last_used_at"),
                          expiresAt: try time("expires_at"), revokedAt: try time("revoked_at"))
    }
}

extension OptionKey where Self == ValueOption {
    // Read as text: a bare number, which the duration kind would take as seconds, is refused.
    static var unusedFor: Self { .value("unused-for", .duration, valueName: "duration", help: "A token unused this long should be revoked", default: "30d") }
    static var maxAge: Self { .value("max-age", .duration, valueName: "duration", help: "A token older than this should be rotated", default: "90d") }
}

extension OptionKey where Self == FlagOption {
    static var failOnFindings: Self { .flag("fail", help: "Exit 10 when anything is found") }
}
