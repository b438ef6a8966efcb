import Testing
@testable import NSXCLI

@Suite("Permission words: expansion, order, compact form, suggestions")
struct PermissionTests {
    @Test("one permission, comma and space lists, duplicates dropped, canonical order")
    func lists() throws {
        #expect(try Permission.expand(all: ["servers:read"]) == ["servers:read"])
        #expect(try Permission.expand(all: ["settings:read,servers:write", "servers:read"])
                == ["servers:read", "servers:write", "settings:read"])
        #expect(try Permission.expand(all: ["backups:read backups:read", " backups:read ,"]) == ["backups:read"])
        #expect(try Permission.expand(all: ["Servers:READ"]) == ["servers:read"])
        #expect(try Permission.expand(all: []) == [])
    }

    @Test("wildcards", arguments: [
        ("servers:*", ["servers:read", "servers:write"]),
        ("*:read", ["servers:read", "instances:read", "backups:read", "settings:read"]),
        ("*:actions", ["instances:actions"]),
        ("*:restore", ["backups:restore"]),
        ("backups:*", ["backups:read", "backups:write", "backups:restore"]),
    ])
    func wildcards(word: String, expected: [String]) throws {
        #expect(try Permission.expand(word) == expected)
    }

    @Test("* and *:* are every permission")
    func everything() throws {
        #expect(try Permission.expand("*") == Permission.all)
        #expect(try Permission.expand("*:*") == Permission.all)
    }

    @Test("--read-only is every :read permission")
    func readOnly() {
        #expect(Permission.readOnly == ["servers:read", "instances:read", "backups:read", "settings:read"])
    }

    @Test("the compact form reads back", arguments: [
        ["servers:read", "servers:write"],
        ["instances:read", "instances:actions"],
        ["backups:read", "backups:write", "backups:restore", "settings:write"],
        Permission.all,
        ["instances:actions"],
    ])
    func compactRoundTrip(permissions: [String]) throws {
        let compact = Permission.compact(permissions)
        #expect(try Permission.expand(compact) == Permission.canonicalOrder(permissions))
    }

    @Test("compact display")
    func compact() {
        #expect(Permission.compact(["instances:actions", "servers:write", "instances:read", "servers:read"])
                == "servers:rw instances:r+actions")
        #expect(Permission.compact(["backups:restore", "backups:write"]) == "backups:w+restore")
        #expect(Permission.compact([]) == "")
    }

    @Test("canonical order drops unknown words and repeats")
    func canonicalOrder() {
        #expect(Permission.canonicalOrder(["settings:write", "nonsense", "servers:read", "settings:write"])
                == ["servers:read", "settings:write"])
    }

    @Test("an unknown permission names the closest known one", arguments: [
        ("server:read", "servers:read"),
        ("servers:reed", "servers:read"),
        ("instance:actions", "instances:actions"),
        ("srvers:*", "servers:*"),
        ("*:reed", "*:read"),
        ("backup:restor", "backups:restore"),
        ("setings:wirte", "settings:write"),
    ])
    func suggestion(typed: String, suggested: String) {
        #expect(throws: CLIError.self) { try Permission.expand(typed) }
        let message = permissionUsageMessage { try Permission.expand(typed) }
        #expect(message == "unknown permission \"\(typed)\"; did you mean \"\(suggested)\"?")
    }

    @Test("words that are far from anything are refused without a guess", arguments: ["admin", "root:everything", "servers:actions", "servers:r+actions"])
    func noGuess(typed: String) {
        let message = permissionUsageMessage { try Permission.expand(typed) }
        #expect(message?.hasPrefix("unknown permission \"\(typed)\"") == true)
        #expect(message?.contains("did you mean") == false)
    }

    @Test("the hint lists every known permission")
    func hintListsAll() {
        do {
            _ = try Permission.expand("nope:nope")
            Issue.record("expected a usage error")
        } catch {
            guard case .usage(_, let hint) = error else { Issue.record("not a usage error: \(error)"); return }
            for permission in Permission.all { #expect(hint?.contains(permission) == true) }
        }
    }
}

/// The message of the usage error `body` throws, or nil when it throws none.
func permissionUsageMessage(_ body: () throws -> Any) -> String? {
    do {
        _ = try body()
        return nil
    } catch {
        if case .usage(let message, _)? = error as? CLIError { return message }
        return nil
    }
}
