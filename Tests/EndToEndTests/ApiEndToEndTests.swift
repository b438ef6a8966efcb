import Foundation
import Testing

/// `nsx api [METHOD] PATH`: fields, input, headers, pagination, -i and exit codes.
@Suite("nsx api end to end")
struct ApiEndToEndTests {
    @Test("GET prints the body byte for byte when piped")
    func getUntouched() throws {
        let world = try ResourceWorld()
        _ = try world.createServer("web-1", extra: ["--wait"])
        let viaNSX = try world.ok(["api", "servers"])
        let token = try world.sessionToken()
        let viaCurl = try Curl.run(["-sS", "-H", "Authorization: Bearer \(token)", "\(world.server.url)/api/v1/servers"])
        #expect(viaNSX.stdout == viaCurl.stdout)

        let absolute = try world.ok(["api", "/api/v1/me"])
        let me = try #require(try absolute.json() as? [String: Any])
        let data = try #require(me["data"] as? [String: Any])
        #expect((data["user"] as? [String: Any])?["email"] as? String == TestServer.email)
        #expect((data["auth"] as? [String: Any])?["type"] as? String == "session")
    }

    @Test("Fields: POST by default, typed values, nested keys, arrays; query parameters on GET")
    func fieldsAndMethods() throws {
        let world = try ResourceWorld()
        let created = try world.ok(["api", "servers", "-f", "name=web-1", "-f", "region=eu-central", "-f", "plan=basic-1",
                                    "-F", "labels.env=prod", "-F", "labels.team=core"])
        let envelope = try #require(try created.json() as? [String: Any])
        let server = try #require(envelope["data"] as? [String: Any])
        let id = try #require(server["id"] as? String)
        #expect((server["labels"] as? [String: String]) == ["env": "prod", "team": "core"])

        // A merge patch: null removes a label.
        let patched = try world.ok(["api", "patch", "servers/\(id)", "-F", "labels.team=null", "-f", "labels.env=42"])
        let patchedServer = try #require((try patched.json() as? [String: Any])?["data"] as? [String: Any])
        #expect((patchedServer["labels"] as? [String: String]) == ["env": "42"])

        _ = try world.createServer("us-1", region: "us-east")
        let filtered = try world.ok(["api", "GET", "servers", "-f", "region=us-east", "-F", "limit=5"])
        let items = try #require((try filtered.json() as? [String: Any])?["data"] as? [[String: Any]])
        #expect(items.compactMap { $0["name"] as? String } == ["us-1"])
        let meta = try #require((try filtered.json() as? [String: Any])?["meta"] as? [String: Any])
        #expect(meta["limit"] as? Int == 5)

        // -F numbers are numbers: a string limit would be the same on the query, but not in a body.
        let token = try world.ok(["api", "POST", "tokens", "-f", "name=ci", "-f", "permissions[]=servers:read",
                                  "-f", "permissions[]=instances:read"])
        let tokenData = try #require((try token.json() as? [String: Any])?["data"] as? [String: Any])
        #expect((tokenData["permissions"] as? [String]) == ["servers:read", "instances:read"])

        let deleted = try world.ok(["api", "DELETE", "servers/\(id)"])
        let deletedData = try #require((try deleted.json() as? [String: Any])?["data"] as? [String: Any])
        #expect(deletedData["deleted"] as? Bool == true)
    }

    @Test("-F @file and @- read values; --input sends a raw body; fields and --input do not mix")
    func filesAndInput() throws {
        let world = try ResourceWorld()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-api-\(UUID().uuidString).txt")
        try "from-a-file".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        let fromFile = try world.ok(["api", "servers", "-F", "name=@\(file.path)", "-f", "region=us-east", "-f", "plan=basic-1"])
        #expect(((try fromFile.json() as? [String: Any])?["data"] as? [String: Any])?["name"] as? String == "from-a-file")

        let fromStdin = try world.ok(["api", "servers", "-F", "name=from-stdin", "-f", "region=us-east", "-F", "plan=@-"],
                                     stdin: "basic-1")
        #expect(((try fromStdin.json() as? [String: Any])?["data"] as? [String: Any])?["plan"] as? String == "basic-1")

        let body = #"{"name":"from-input","region":"us-west","plan":"standard-2"}"#
        let input = try world.ok(["api", "servers", "--input", "-"], stdin: body)
        #expect(((try input.json() as? [String: Any])?["data"] as? [String: Any])?["region"] as? String == "us-west")

        let bodyFile = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-api-\(UUID().uuidString).json")
        try #"{"name":"from-input-file","region":"us-west","plan":"basic-1"}"#.write(to: bodyFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: bodyFile) }
        try world.ok(["api", "servers", "--input", bodyFile.path])
        #expect(try world.array(["servers", "list"]).count == 4)

        let mixed = try world.user.nsx(["api", "servers", "--input", "-", "-f", "name=x"], stdin: body)
        #expect(mixed.status == 2, "\(mixed)")
        let missing = try world.user.nsx(["api", "servers", "-F", "name=@/nonexistent/file"])
        #expect(missing.status == 1, "\(missing)")
        #expect(missing.stderr.contains("/nonexistent/file"))
        #expect(try world.array(["servers", "list"]).count == 4)
    }

    @Test("-i prints the status line and headers; -H adds or replaces a header")
    func includeAndHeaders() throws {
        let world = try ResourceWorld()
        _ = try world.object(["servers", "create", "--name", "test-1", "--region", "us-east", "--plan", "basic-1", "--test"])

        let included = try world.ok(["api", "-i", "servers"])
        let parts = included.stdout.components(separatedBy: "\n\n")
        #expect(parts.count >= 2)
        let head = parts[0].split(separator: "\n")
        #expect(head[0] == "HTTP 200 OK")
        #expect(head.contains { $0.lowercased().hasPrefix("x-request-id: req_") })
        #expect(head.contains { $0.lowercased().hasPrefix("content-type: application/json") })
        let bodyText = parts.dropFirst().joined(separator: "\n\n")
        let body = try JSONSerialization.jsonObject(with: Data(bodyText.utf8)) as? [String: Any]
        #expect((body?["data"] as? [Any])?.isEmpty == true)

        let test = try world.ok(["api", "servers", "-H", "Nurosentrix-Environment: test"])
        let names = ((try test.json() as? [String: Any])?["data"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["test-1"])

        let badHeader = try world.user.nsx(["api", "servers", "-H", "Nurosentrix-Environment: test\r\nX-Evil: 1"])
        #expect(badHeader.status == 2, "\(badHeader)")
        let noColon = try world.user.nsx(["api", "servers", "-H", "Broken"])
        #expect(noColon.status == 2, "\(noColon)")

        // HEAD: a status line and headers, never a body (whatever the server thinks of HEAD).
        let head2 = try world.user.nsx(["api", "HEAD", "servers", "-i"])
        #expect(head2.stdout.hasPrefix("HTTP "), "\(head2)")
        #expect(head2.stdout.hasSuffix("\n\n"), "\(head2)")
        #expect(head2.stdout.lowercased().contains("x-request-id: req_"))
    }

    @Test("--paginate merges every page's data into one array, or NDJSON lines")
    func paginate() throws {
        let world = try ResourceWorld()
        try world.seedServers(130, prefix: "page")

        let merged = try world.ok(["api", "servers", "--paginate"])
        let items = try #require(try merged.json() as? [[String: Any]])
        #expect(items.count == 130)
        #expect(Set(items.compactMap { $0["id"] as? String }).count == 130)

        let small = try world.ok(["api", "servers?limit=7", "--paginate", "-o", "ndjson"])
        let lines = try parseNDJSON(small.stdout)
        #expect(lines.count == 130)
        #expect(Set(lines.compactMap { $0["id"] as? String }).count == 130)

        let post = try world.user.nsx(["api", "POST", "servers", "--paginate"])
        #expect(post.status == 2, "\(post)")
        let notAList = try world.user.nsx(["api", "settings", "--paginate"])
        #expect(notAList.status == 2, "\(notAList)")
    }

    @Test("Exit codes follow the status; the error body is still printed")
    func exitCodes() throws {
        let world = try ResourceWorld()
        let notFound = try world.user.nsx(["api", "servers/srv_nothing"])
        #expect(notFound.status == 5, "\(notFound)")
        let body = try #require(try notFound.json() as? [String: Any])
        #expect((body["error"] as? [String: Any])?["code"] as? String == "NOT_FOUND")
        #expect(notFound.stderr.contains("Server not found: srv_nothing"))

        let invalid = try world.user.nsx(["api", "servers", "-f", "name=Bad Name!", "-f", "region=us-east", "-f", "plan=basic-1"])
        #expect(invalid.status == 2, "\(invalid)")
        #expect(invalid.stdout.contains("VALIDATION_ERROR"))
        #expect(invalid.stderr.contains("name:"))

        let method = try world.user.nsx(["api", "PUT", "servers"])
        #expect(method.status == 1, "\(method)")

        let unauthenticated = try world.user.nsx(["api", "me"], extraEnvironment: ["NSX_TOKEN": "nsx_live_" + String(repeating: "a", count: 32)])
        #expect(unauthenticated.status == 3, "\(unauthenticated)")
        #expect(unauthenticated.stdout.contains("UNAUTHORIZED"))

        let badMethod = try world.user.nsx(["api", "FETCH", "servers"])
        #expect(badMethod.status == 2, "\(badMethod)")
        let url = try world.user.nsx(["api", "https://example.com/api/v1/me"])
        #expect(url.status == 2, "\(url)")

        // A JSON error object on stderr with -o json, the body on stdout as always.
        let machine = try world.user.nsx(["api", "servers/srv_nothing", "-o", "json"])
        #expect(machine.status == 5)
        let error = try JSONSerialization.jsonObject(with: Data(machine.stderr.utf8)) as? [String: Any]
        #expect(error?["success"] as? Bool == false)
    }

    @Test("Retries like every command: 503s then success")
    func retries() throws {
        let world = try ResourceWorld()
        try world.server.injectFault(#"{"count":2,"status":503,"retry_after":0,"method":"GET","path_prefix":"/api/v1/me"}"#)
        let me = try world.ok(["api", "me", "-v"])
        let attempts = me.stderr.split(separator: "\n").filter { $0.hasPrefix("> GET ") && $0.hasSuffix("/api/v1/me") }
        #expect(attempts.count == 3, "\(me.stderr)")
        #expect(me.stderr.split(separator: "\n").filter { $0.hasPrefix("< 503") }.count == 2)
        #expect(((try me.json() as? [String: Any])?["data"] as? [String: Any])?["user"] != nil)
    }
}
