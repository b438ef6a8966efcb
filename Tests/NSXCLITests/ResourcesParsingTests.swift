import Foundation
import NSXCommandLine
import NSXHTTP
import NSXJSON
import Testing
@testable import NSXCLI

/// The words of the resource commands and `nsx api`, parsed without a server.
@Suite("Resource command parsing")
struct ResourcesParsingTests {
    static func parse(_ words: [String]) throws -> ParsedCommand<CommandRunner> {
        try Parser(root: CommandTree.root).parse(words)
    }

    static func usageMessage(_ body: () throws(CLIError) -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            if case .usage(let message, _) = error { return message }
            return "not a usage error: \(error)"
        }
    }

    // MARK: labels

    @Test("--label k=v and --remove-label k become one merge patch")
    func labels() throws {
        let edits = try LabelEdits(labels: ["env=prod", "owner=", "env=staging", "url=a=b"], removing: ["team", "team"])
        #expect(edits.patch == .object(["owner": "", "env": "staging", "url": "a=b", "team": .null]))
        #expect(!edits.isEmpty)
        #expect(try LabelEdits(labels: []).isEmpty)
    }

    @Test("Bad label words are usage errors", arguments: [
        (["novalue"], [String]()), (["=v"], []), ([], ["k=v"]), (["k=v"], ["k"]), ([], [""]),
    ])
    func badLabels(labels: [String], removing: [String]) {
        #expect(Self.usageMessage { () throws(CLIError) in _ = try LabelEdits(labels: labels, removing: removing) } != nil)
    }

    // MARK: settings

    @Test("settings set: dotted keys nest, booleans and empty URLs are typed")
    func settingsPatch() throws {
        let patch = try SettingsAssignments(["timezone=UTC", "notifications.email=FALSE", "notifications.webhook_url=",
                                             "name=A = B"]).patch
        #expect(JSONValue.object(patch) == .object([
            "timezone": "UTC",
            "notifications": .object(["email": false, "webhook_url": .null]),
            "name": "A = B",
        ]))
        let url = try SettingsAssignments(["notifications.webhook_url=https://example.com/h"]).patch
        #expect(JSONValue.object(url) == .object(["notifications": .object(["webhook_url": "https://example.com/h"])]))
    }

    @Test("settings set: read-only, unknown, malformed and non-boolean words are usage errors")
    func settingsErrors() {
        func message(_ words: [String]) -> String? {
            Self.usageMessage { () throws(CLIError) in _ = try SettingsAssignments(words) }
        }
        #expect(message(["email=x@example.com"])?.contains("read-only") == true)
        #expect(message(["account_id=acc_1"])?.contains("read-only") == true)
        #expect(message(["timezon=UTC"]) == "unknown setting \"timezon\"")
        #expect(message(["notifications=x"]) == "unknown setting \"notifications\"")
        #expect(message(["timezone"]) == "invalid setting \"timezone\"")
        #expect(message(["notifications.email=yes"])?.contains("true or false") == true)
        #expect(message([]) != nil)
    }

    // MARK: lists and waits

    @Test("--limit, --all and neither")
    func extents() throws {
        #expect(try ListExtentOption.parse(Self.parse(["servers", "list"])) == .firstPage)
        #expect(try ListExtentOption.parse(Self.parse(["servers", "list", "--all"])) == .all)
        #expect(try ListExtentOption.parse(Self.parse(["servers", "list", "--limit", "30"])) == .limit(30))
        let both = try Self.parse(["servers", "list", "--all", "--limit=3"])
        #expect(Self.usageMessage { () throws(CLIError) in _ = try ListExtentOption.parse(both) } != nil)
    }

    @Test("--wait with its timeout; --wait-timeout alone is a usage error")
    func waits() throws {
        #expect(try WaitRequest.parse(Self.parse(["instances", "start", "a"])) == nil)
        #expect(try WaitRequest.parse(Self.parse(["instances", "start", "a", "--wait"])) == WaitRequest(timeoutSeconds: 300))
        #expect(try WaitRequest.parse(Self.parse(["instances", "stop", "a", "--wait", "--wait-timeout", "90s"])) == WaitRequest(timeoutSeconds: 90))
        let alone = try Self.parse(["backups", "create", "--instance", "a", "--wait-timeout", "1m"])
        #expect(Self.usageMessage { () throws(CLIError) in _ = try WaitRequest.parse(alone) } == "--wait-timeout only applies with --wait")
    }

    @Test("Every resource verb is wired to an action")
    func wired() throws {
        let verbs: [[String]] = [
            ["servers", "list"], ["servers", "get", "a"], ["servers", "create", "--name", "a", "--region", "us-east", "--plan", "basic-1"],
            ["servers", "update", "a"], ["servers", "delete", "a"],
            ["instances", "list"], ["instances", "get", "a"], ["instances", "create", "--name", "a", "--server", "b", "--image", "c"],
            ["instances", "update", "a"],
            ["instances", "delete", "a"], ["instances", "start", "a"], ["instances", "stop", "a"], ["instances", "restart", "a"],
            ["backups", "list"], ["backups", "get", "a"], ["backups", "create", "--instance", "a"], ["backups", "delete", "a"], ["backups", "restore", "a"],
            ["settings", "get"], ["settings", "set", "a=b"], ["api", "me"],
        ]
        for words in verbs {
            #expect(try Self.parse(words).action != nil, "\(words)")
        }
    }

    // MARK: nsx api

    @Test("-f strings, -F typed values, dotted keys and key[] arrays")
    func apiFields() throws {
        let fields = try APIFields(raw: ["name=web-1", "labels.env=42", "permissions[]=servers:read"],
                                   typed: ["count=3", "ratio=0.5", "on=true", "off=false", "gone=null", "text=12abc",
                                           "permissions[]=instances:read", "labels.team=core", "stdin=@-"],
                                   readStdin: { Array("piped\n".utf8) })
        #expect(fields.body == .object([
            "name": "web-1",
            "labels": .object(["env": "42", "team": "core"]),
            "permissions": .array(["servers:read", "instances:read"]),
            "count": 3, "ratio": .number("0.5"), "on": true, "off": false, "gone": .null, "text": "12abc",
            "stdin": "piped\n",
        ]))
        #expect(fields.query.first! == ("name", "web-1"))
        #expect(fields.query.contains { $0 == ("count", "3") })
    }

    @Test("Bad fields are usage errors; @- may be read once")
    func apiFieldErrors() {
        func message(raw: [String] = [], typed: [String] = []) -> String? {
            Self.usageMessage { () throws(CLIError) in _ = try APIFields(raw: raw, typed: typed, readStdin: { [] }) }
        }
        #expect(message(raw: ["novalue"]) != nil)
        #expect(message(raw: ["=v"]) != nil)
        #expect(message(typed: ["a..b=1"]) != nil)
        #expect(message(typed: ["a=@-", "b=@-"]) != nil)
        #expect(message(raw: ["a.b=1"]) == nil)
    }

    @Test("PATH: relative to /api/v1/, absolute kept, URLs and spaces refused")
    func apiPaths() throws {
        #expect(try API.Options.apiPath("servers") == "/api/v1/servers")
        #expect(try API.Options.apiPath("servers/srv_1?x=1") == "/api/v1/servers/srv_1?x=1")
        #expect(try API.Options.apiPath("/auth/refresh") == "/auth/refresh")
        #expect(Self.usageMessage { () throws(CLIError) in _ = try API.Options.apiPath("https://example.com/x") } != nil)
        #expect(Self.usageMessage { () throws(CLIError) in _ = try API.Options.apiPath("a b") } != nil)
        #expect(Self.usageMessage { () throws(CLIError) in _ = try API.Options.apiPath("") } != nil)
    }

    @Test("-H: Name: value; line breaks and bad names refused")
    func apiHeaders() throws {
        let header = try API.Options.header("X-Trace:  abc: def ")
        #expect(header.0 == "X-Trace")
        #expect(header.1 == "abc: def")
        for bad in ["X-A: b\r\nX-B: c", "X-A: b\nc", "NoColon", ": v", "Bad Name: v"] {
            #expect(Self.usageMessage { () throws(CLIError) in _ = try API.Options.header(bad) } != nil, "\(bad)")
        }
    }

    @Test("METHOD is optional: one word is PATH, two are METHOD PATH")
    func apiArguments() throws {
        let one = try Self.parse(["api", "servers"])
        #expect(one[API.method] == nil)
        #expect(one[API.path] == "servers")
        let two = try Self.parse(["api", "patch", "servers/srv_1"])
        #expect(two[API.method] == "patch")
        #expect(two[API.path] == "servers/srv_1")
    }

    // MARK: names

    @Test("An ambiguous name is a usage error listing every candidate; one match is its ID")
    func ambiguousName() throws {
        let transport = ListTransport(items: [
            ["id": "bak_aaa", "name": "nightly", "created_at": "2024-01-16T10:30:00Z"],
            ["id": "bak_bbb", "name": "weekly", "created_at": "2024-01-17T10:30:00Z"],
            ["id": "bak_ccc", "name": "nightly", "created_at": "2024-01-18T10:30:00Z"],
        ])
        let client = APIClient(baseURL: "http://127.0.0.1:9", http: RetryingClient(transport: transport), credential: nil, testEnvironment: false)
        let resolver = NameResolver(client: client)
        #expect(try resolver.resolve("weekly", kind: .backup) == "bak_bbb")
        #expect(try resolver.resolve("bak_zzz", kind: .backup) == "bak_zzz")
        do {
            _ = try resolver.resolve("nightly", kind: .backup)
            Issue.record("an ambiguous name resolved")
        } catch {
            guard case .ambiguousName(_, _, let candidates) = error else { Issue.record("\(error)"); return }
            #expect(candidates.count == 2)
            #expect(candidates[0].hasPrefix("bak_aaa"))
            #expect(candidates[1].hasPrefix("bak_ccc"))
            let presented = ErrorPresenter.present(error)
            #expect(presented.exitCode == .usage)
            #expect(presented.details.count == 2)
        }
        do {
            _ = try resolver.resolve("monthly", kind: .backup)
            Issue.record("an unknown name resolved")
        } catch {
            #expect(ErrorPresenter.present(error).exitCode == .notFound)
        }
    }
}

/// Answers every GET with one page of `items` in the API's envelope.
final class ListTransport: HTTPTransport, @unchecked Sendable {
    let items: [JSONValue]
    init(items: [JSONObject]) { self.items = items.map(JSONValue.object) }

    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        let body: JSONValue = .object(["success": true, "data": .array(items),
                                       "meta": .object(["limit": 20, "next_cursor": .null, "has_more": false])])
        return HTTPResponse(status: 200, headers: [("Content-Type", "application/json")], body: Array(body.serialized().utf8))
    }
}
