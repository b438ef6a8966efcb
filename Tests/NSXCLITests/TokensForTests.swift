import NSXCommandLine
import Testing
@testable import NSXCLI

@Suite("tokens create --for: permissions read from the command tree")
struct TokensForTests {
    @Test("one command, several, aliases and a leading nsx", arguments: [
        (["servers list"], ["servers list"], ["servers:read"]),
        (["servers list", "instances restart"], ["servers list", "instances restart"], ["servers:read", "instances:read", "instances:actions"]),
        (["servers ls"], ["servers list"], ["servers:read"]),
        (["nsx  servers   create"], ["servers create"], ["servers:read", "servers:write"]),
        (["backups restore", "backups restore"], ["backups restore"], ["instances:read", "backups:read", "backups:restore"]),
        (["tokens list"], ["tokens list"], ["settings:read"]),
    ])
    func commands(phrases: [String], names: [String], expected: [String]) throws {
        let resolution = try CommandPermissions.resolve(phrases)
        #expect(resolution.commands == names)
        #expect(resolution.permissions == expected)
    }

    @Test("the permissions are exactly what each command declares in the tree")
    func matchesTheTree() throws {
        for leaf in CommandTree.root.leaves() where !leaf.command.permissions.isEmpty && !leaf.command.hidden {
            let resolution = try CommandPermissions.resolve([leaf.path.joined(separator: " ")])
            #expect(resolution.permissions == Permission.canonicalOrder(leaf.command.permissions), "\(leaf.path)")
        }
    }

    @Test("every permission a command declares is a known permission")
    func declaredPermissionsAreKnown() {
        for leaf in CommandTree.root.leaves() {
            for permission in leaf.command.permissions {
                #expect(Permission.all.contains(permission), "\(leaf.path): \(permission)")
            }
        }
    }

    @Test("a group stands for the union of its commands")
    func group() throws {
        let servers = try CommandPermissions.resolve(["servers"])
        #expect(servers.commands == ["servers"])
        #expect(servers.permissions == ["servers:read", "servers:write"])
        let instances = try CommandPermissions.resolve(["instances"])
        #expect(instances.permissions == ["servers:read", "instances:read", "instances:write", "instances:actions"])
    }

    @Test("an unknown command suggests the closest one")
    func unknown() {
        #expect(message(["servers lst"]) == "unknown command \"servers lst\" in --for; did you mean \"servers list\"?")
        #expect(message(["instance restart"]) == "unknown command \"instance restart\" in --for; did you mean \"instances restart\"?")
        #expect(message(["frobnicate everything"]) == "unknown command \"frobnicate everything\" in --for")
    }

    @Test("commands that need no permission, nsx api, and nothing at all are usage errors")
    func refused() {
        #expect(message(["config list"]) == "\"nsx config list\" needs no API permission")
        #expect(message(["login"]) == "\"nsx login\" needs no API permission")
        #expect(message(["api"]) == "\"nsx api\" can call any API route, so nsx cannot tell what it needs")
        #expect(message(["  "]) == "--for needs an nsx command, e.g. --for \"servers list\"")
    }

    @Test("suggestions only name commands that need permissions")
    func suggestionsAreUseful() {
        let paths = CommandPermissions.visibleCommandPaths(CommandTree.root)
        #expect(paths.contains("servers list"))
        #expect(paths.contains("servers"))
        #expect(!paths.contains("config list"))
        #expect(!paths.contains("man"))
    }

    private func message(_ phrases: [String]) -> String? {
        do {
            _ = try CommandPermissions.resolve(phrases)
            return nil
        } catch {
            if case .usage(let message, _) = error { return message }
            return "\(error)"
        }
    }
}
