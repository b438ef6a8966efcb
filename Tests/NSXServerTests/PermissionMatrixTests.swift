import Hummingbird
import NSXJSON
import Testing
@testable import NSXServer

/// Every route × a token lacking exactly its permission → 403 naming that permission;
/// a token holding only that permission gets past the check.
@Suite struct PermissionMatrixTests {
    struct Route: Sendable, CustomStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        let permission: Permission
        var body: JSONValue? = nil

        var description: String { "\(method) \(path)" }
    }

    static let routes: [Route] = [
        Route(method: .get, path: "/api/v1/tokens", permission: .settingsRead),
        Route(method: .post, path: "/api/v1/tokens", permission: .settingsWrite, body: ["name": "t", "permissions": ["settings:write"]]),
        Route(method: .get, path: "/api/v1/tokens/tok_missing", permission: .settingsRead),
        Route(method: .delete, path: "/api/v1/tokens/tok_missing", permission: .settingsWrite),
        Route(method: .get, path: "/api/v1/servers", permission: .serversRead),
        Route(method: .post, path: "/api/v1/servers", permission: .serversWrite, body: ["name": "web", "region": "us-east", "plan": "basic-1"]),
        Route(method: .get, path: "/api/v1/servers/srv_missing", permission: .serversRead),
        Route(method: .patch, path: "/api/v1/servers/srv_missing", permission: .serversWrite, body: ["name": "web"]),
        Route(method: .delete, path: "/api/v1/servers/srv_missing", permission: .serversWrite),
        Route(method: .get, path: "/api/v1/instances", permission: .instancesRead),
        Route(method: .post, path: "/api/v1/instances", permission: .instancesWrite, body: ["name": "app", "server_id": "srv_x", "image": "nginx"]),
        Route(method: .get, path: "/api/v1/instances/ins_missing", permission: .instancesRead),
        Route(method: .patch, path: "/api/v1/instances/ins_missing", permission: .instancesWrite, body: ["name": "app"]),
        Route(method: .delete, path: "/api/v1/instances/ins_missing", permission: .instancesWrite),
        Route(method: .post, path: "/api/v1/instances/ins_missing/start", permission: .instancesActions),
        Route(method: .post, path: "/api/v1/instances/ins_missing/stop", permission: .instancesActions),
        Route(method: .post, path: "/api/v1/instances/ins_missing/restart", permission: .instancesActions),
        Route(method: .get, path: "/api/v1/backups", permission: .backupsRead),
        Route(method: .post, path: "/api/v1/backups", permission: .backupsWrite, body: ["instance_id": "ins_x"]),
        Route(method: .get, path: "/api/v1/backups/bak_missing", permission: .backupsRead),
        Route(method: .delete, path: "/api/v1/backups/bak_missing", permission: .backupsWrite),
        Route(method: .post, path: "/api/v1/backups/bak_missing/restore", permission: .backupsRestore),
        Route(method: .get, path: "/api/v1/settings", permission: .settingsRead),
        Route(method: .patch, path: "/api/v1/settings", permission: .settingsWrite, body: ["timezone": "UTC"]),
    ]

    @Test func matrixCoversEveryPermission() {
        #expect(Set(Self.routes.map(\.permission)) == Set(Permission.allCases))
    }

    @Test(arguments: Permission.allCases)
    func tokenLackingPermissionIsRefused(_ permission: Permission) async throws {
        try await TestServer.run { server in
            let session = try await server.login()
            let lacking = try await server.makeToken(Permission.allCases.filter { $0 != permission }, using: session)
            let holding = try await server.makeToken([permission], using: session)
            for route in Self.routes where route.permission == permission {
                let refused = try await server.api.send(route.method, route.path, json: route.body, token: lacking.secret)
                #expect(refused.status == 403, "\(route)")
                #expect(refused.errorCode == "FORBIDDEN", "\(route)")
                #expect(refused.errorMessage == "Token does not have permission: \(permission.rawValue)", "\(route)")

                let allowed = try await server.api.send(route.method, route.path, json: route.body, token: holding.secret)
                #expect(allowed.status != 403 && allowed.status != 401, "\(route): \(allowed.text)")
            }
        }
    }

    @Test func meNeedsNoPermission() async throws {
        try await TestServer.run { server in
            let token = try await server.makeToken([.backupsRead])
            let response = try await server.api.get("/api/v1/me", token: token.secret)
            #expect(response.status == 200)
        }
    }
}
