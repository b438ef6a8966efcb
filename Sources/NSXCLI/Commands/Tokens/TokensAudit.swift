#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NSXJSON
import NSXOutput
import NSXTokenScan

/// `nsx tokens audit [--env live|test] [--unused-for 30d] [--max-age 90d] [--fail]`: every
/// active token against the rules of `TokenAudit` (Sources/NSXTokenScan), one finding per
/// rule, with the command that fixes it. This file only maps the API's token objects into
/// the rules' values and prints what they find.
enum AuditTokens {
    struct Options: Equatable {
        var environment: String?
        var unusedFor: Int64
        var maxAge: Int64
        var fail: Bool
    }

    static func parse(_ invocation: Invocation) throws(CLIError) -> Options {
        let parsed = invocation.parsed
        return Options(environment: parsed.value("env") ?? (invocation.globals.testEnvironment ? "test" : nil),
                       unusedFor: try threshold(parsed.value("unused-for") ?? "30d", option: "--unused-for"),
                       maxAge: try threshold(parsed.value("max-age") ?? "90d", option: "--max-age"),
                       fail: parsed.flag("fail"))
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

    static func run(_ invocation: Invocation) throws(CLIError) {
        let options = try parse(invocation)
        let printer = Printer(factory: invocation.factory)
        try printer.validateFields(fields)
        let client = try invocation.factory.api()

        var query: [(String, String)] = []
        if let environment = options.environment { query.append(("environment", environment)) }
        var tokens: [AuditToken] = []
        try client.forEachPage(ResourceKind.token.path, query: query, extent: .all) { (page: [JSONValue]) throws(CLIError) in
            for item in page { tokens.append(try auditToken(item)) }
        }
        let policy = AuditPolicy(unusedFor: options.unusedFor, maxAge: options.maxAge, knownPermissions: Permission.all)
        let findings = TokenAudit.findings(tokens: tokens, now: Int64(Date().timeIntervalSince1970), policy: policy,
                                           profileCredentials: try profileCredentials(invocation.factory, apiURL: client.baseURL))

        let globals = invocation.globals
        if globals.output == .table && !globals.quiet && globals.fields == nil {
            let style = Style(enabled: globals.colour && invocation.streams.stdoutIsTerminal)
            invocation.streams.out.write(AuditFindingsText.render(findings, style: style))
        } else {
            // CSV has every key, as JSON does.
            let writer = try printer.list(columns: globals.output == .table ? columns : fields.map { Column($0, style: $0 == "profiles" ? .list : .plain) },
                                          fields: fields)
            var listed = Set<String>()
            for finding in findings {
                // -q prints token IDs, each once, however many rules it breaks.
                if globals.quiet, !listed.insert(finding.token.id).inserted { continue }
                writer.write(json(finding))
            }
            writer.finish()
        }

        let tokenCount = Set(findings.map(\.token.id)).count
        let summary = "\(findings.count) finding\(findings.count == 1 ? "" : "s") for \(tokenCount) of \(tokens.count) token\(tokens.count == 1 ? "" : "s")"
        if findings.isEmpty {
            if globals.output == .table {
                printer.note("\(printer.style.checkMark) No findings: \(tokens.count) token\(tokens.count == 1 ? "" : "s") checked.")
            }
        } else if options.fail {
            throw .findings(summary)
        } else if globals.output == .table {
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
            guard let text = value.stringValue, let date = Timestamps.parse(text) else {
                throw .malformedResponse("a token whose \(key) is not an RFC 3339 time", requestID: nil)
            }
            return Int64(date.timeIntervalSince1970)
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

    /// Token ID → the stored profiles (logged in to this API URL) whose credential it is.
    static func profileCredentials(_ factory: Factory, apiURL: String) throws(CLIError) -> [String: [String]] {
        let url = APIURL.normalized(apiURL)
        var result: [String: [String]] = [:]
        for (name, facts) in try factory.configDocument().profiles
        where facts.credentialType == Credential.Kind.apiToken.rawValue && APIURL.normalized(facts.apiURL) == url {
            if let id = facts.tokenID { result[id, default: []].append(name) }
        }
        return result
    }
}
