import NSXCommandLine
import NSXConfig
import NSXJSON

/// `nsx tokens create --name N (--perm P… | --read-only | --for "CMD"…) [--test]
/// [--expires …] [--save [--save-profile NAME]]`.
enum CreateToken {
    struct Options {
        var name: String
        /// Canonical order, no duplicates; never empty.
        var permissions: [String]
        /// What `--for` asked for, shown before the token is made.
        var forCommands: CommandPermissions.Resolution?
        /// "test" with `--test`; nil lets the credential decide (a test token makes test tokens).
        var environment: String?
        /// RFC 3339, or nil for a token that never expires.
        var expiresAt: String?
        var save: SaveTarget?
    }

    /// Where `--save` puts the token: a profile, named outright or taken from the token's name.
    struct SaveTarget: Equatable {
        var profile: String
        /// `--save-profile` given: replacing that profile's credential is what was asked for.
        var explicit: Bool
    }

    static func parse(_ invocation: Invocation) throws(CLIError) -> Options {
        let parsed = invocation.parsed
        guard let name = parsed[.tokenName]?.trimmingWhitespace(), !name.isEmpty else {
            throw .usage("--name is required", hint: "Give the token a descriptive name, e.g. --name ci-deploy.")
        }
        guard name.count <= 100 else { throw .usage("--name is longer than 100 characters") }

        var permissions = try Permission.expand(all: parsed[.permission])
        if parsed[.readOnly] { permissions += Permission.readOnly }
        var forCommands: CommandPermissions.Resolution?
        let phrases = parsed[.forCommand]
        if !phrases.isEmpty {
            let resolution = try CommandPermissions.resolve(phrases)
            permissions += resolution.permissions
            forCommands = resolution
        }
        permissions = Permission.canonicalOrder(permissions)
        guard !permissions.isEmpty else {
            throw .usage("a token needs at least one permission",
                         hint: "Use --perm (e.g. --perm servers:read), --read-only, or --for \"servers list\".")
        }

        let expiresAt = try TokenExpiry.parse(parsed[.expires] ?? "never", now: invocation.factory.clock.now())

        var save: SaveTarget?
        if let profile = parsed[.saveProfile] {
            save = SaveTarget(profile: profile, explicit: true)
        } else if parsed[.save] {
            save = SaveTarget(profile: name, explicit: false)
        }
        if let save, !ProfileName.isValid(save.profile) {
            throw .usage("\"\(save.profile)\" cannot be a profile name",
                         hint: save.explicit ? "Use letters, digits, '-', '_' and '.'."
                                             : "Name the profile with --save-profile (letters, digits, '-', '_' and '.').")
        }
        return Options(name: name, permissions: permissions, forCommands: forCommands,
                       environment: invocation.globals.testEnvironment ? "test" : nil,
                       expiresAt: expiresAt, save: save)
    }

    static func run(_ invocation: Invocation) throws(CLIError) {
        let options = try parse(invocation)
        let output = NewTokenOutput(invocation: invocation)
        try invocation.printer.validateFields(ResourceView.token.fields)
        if let save = options.save { try checkSaveTarget(save, invocation: invocation) }
        if let resolution = options.forCommands {
            invocation.printer.note("Permissions for \(resolution.commands.joined(separator: ", ")): \(resolution.permissions.joined(separator: " "))")
        }

        let client = try invocation.api.client(.renewIfDue)
        let environment = options.environment ?? (client.credential?.tokenEnvironment == .test ? "test" : "live")
        var body: JSONObject = [
            "name": .string(options.name),
            "permissions": .array(options.permissions.map { .string($0) }),
            "environment": .string(environment),
        ]
        if let expiresAt = options.expiresAt { body["expires_at"] = .string(expiresAt) }
        let token = try client.post(ResourceKind.token.path, body: .object(body)).data
        guard let secret = token["token"]?.stringValue, let id = token["id"]?.stringValue else {
            throw .malformedResponse("a created token without its id and secret", requestID: nil)
        }

        guard let save = options.save else {
            try output.printSecret(token)
            return
        }
        let previous = try invocation.factory.configDocument().profiles[save.profile]
        do {
            try TokenProfiles(factory: invocation.factory).store(
                secret: secret, token: token, profile: save.profile, apiURL: client.baseURL,
                previous: previous, account: client.credential?.facts)
        } catch {
            // The secret exists nowhere else: show it rather than lose it.
            try output.printSecret(token)
            throw .stoppedPartWay(done: "created token \(id), but could not save it as profile \"\(save.profile)\"",
                                  next: ["The token is shown above, once: store it now, e.g. with `nsx login --with-token --profile \(save.profile)`."],
                                  cause: error)
        }
        try output.printSaved(token, message: "Saved token \(NewTokenOutput.label(token)) as profile \"\(save.profile)\"")
        if let previous, previous.credentialType == .apiToken, let oldID = previous.tokenID, oldID != id {
            invocation.streams.warn("Profile \"\(save.profile)\" held token \(oldID) before; it still works. Revoke it with `nsx tokens revoke \(oldID)` if it is no longer needed.")
        }
    }

    /// `--save` never silently replaces a login: the profile in use, or one that already
    /// holds a credential, must be named with `--save-profile` to be replaced.
    static func checkSaveTarget(_ save: SaveTarget, invocation: Invocation) throws(CLIError) {
        guard !save.explicit else { return }
        if save.profile == invocation.globals.profile {
            throw .usage("--save would replace the credential of profile \"\(save.profile)\", the one in use",
                         hint: "Pass --save-profile \(save.profile) to replace it on purpose, or --save-profile with another name.")
        }
        if try invocation.factory.configDocument().profiles[save.profile] != nil {
            throw .usage("profile \"\(save.profile)\" already holds a credential",
                         hint: "Pass --save-profile \(save.profile) to replace it, or --save-profile with another name.")
        }
    }
}

extension OptionKey where Self == ValueOption {
    static var tokenName: Self { .value("name", .string, valueName: "name", help: "A descriptive name (1–100 characters)") }
    static var expires: Self {
        .value("expires", .string, valueName: "when", help: "30d, 12h, a date (2027-01-31), an RFC 3339 time, or never", default: "never")
    }
    static var saveProfile: Self {
        .value("save-profile", .string, valueName: "name", help: "The profile --save stores into (implies --save; default: the token's name)")
    }
}

extension OptionKey where Self == ListOption {
    static var permission: Self { .list("perm", .string, valueName: "permission", help: "Grant a permission, comma list or wildcard (repeatable)") }
    static var forCommand: Self {
        .list("for", .string, valueName: "command", help: "Grant what this nsx command needs, e.g. \"servers list\" (repeatable)")
    }
}

extension OptionKey where Self == FlagOption {
    static var readOnly: Self { .flag("read-only", help: "Grant every :read permission") }
    static var save: Self { .flag("save", help: "Store the token as a profile's credential instead of printing it") }
}
