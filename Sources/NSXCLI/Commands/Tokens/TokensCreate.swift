import NSXCommandLine
import NSXConfig
import NSXJSON

/// `nsx tokens create --name N (--perm P… | --read-only | --for "CMD"…) [--test]
/// [--expires …] [--save [--save-profile NAME]]`.
enum TokensCreate: Verb {
    static let spec = NSXCommand(
        "create", summary: "Create a scoped API token (shown once)",
        discussion: """
            Permissions: --perm takes one permission, a comma list, or wildcards
            (servers:*, *:read); --read-only grants every :read permission; --for
            "servers list" grants exactly what that nsx command needs, and a group
            (--for servers) what all its commands need. They combine; the set is shown
            before the token is made.

            --test makes a test token (nsx_test_…); with a test token nsx makes test
            tokens anyway. --expires takes a duration from now (30d, 12h), a date
            (2027-01-31: valid through that day, until 23:59:59 UTC), an RFC 3339 time,
            or never (the default).

            The full token is printed once. Piped, stdout carries the token alone, so
            TOKEN=$(nsx tokens create …) works; the note goes to stderr. -q prints only the
            token (-q is the value a script needs; here that is the secret, not the ID).
            With -o json the token object includes "token".

            --save stores the token as a profile's credential instead of printing it: by
            default the profile named like the token. Replacing the profile in use, or
            one that already holds a credential, needs --save-profile NAME explicitly.
            """,
        usage: "--name N (--perm P… | --read-only | --for \"CMD\"…) [--test] [--expires 30d|12h|DATE|never] [--save [--save-profile NAME]]",
        options: [.tokenName, .permission, .readOnly, .forCommand, .expires, .save, .saveProfile],
        examples: [
            Example("TOKEN=$(nsx tokens create --name ci --perm servers:read)"),
            Example("nsx tokens create --name deploy --for \"instances restart\" --expires 30d"),
            Example("nsx tokens create --name ci --read-only --save --save-profile ci"),
        ],
        permissions: ["settings:write"], action: runner)

    struct Words {
        var name: String
        /// Canonical order, no duplicates; never empty.
        var permissions: [String]
        /// What `--for` asked for, shown before the token is made.
        var forCommands: CommandPermissions.Resolution?
        /// `--expires` as given (read against the clock when the token is made).
        var expires: String
        var save: SaveTarget?
    }

    /// The token's environment is the client's (`APIClient.environment`): test under `--test`,
    /// with a test token, or through a profile logged in for test.
    struct Dependencies {
        var printer: Printer
        var api: APIAccess
        var profiles: TokenProfiles
    }

    /// Where `--save` puts the token: a profile, named outright or taken from the token's name.
    struct SaveTarget: Equatable {
        var profile: String
        /// `--save-profile` given: replacing that profile's credential is what was asked for.
        var explicit: Bool
    }
}

extension TokensCreate {
    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> Words {
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
        return Words(name: name, permissions: permissions, forCommands: forCommands, expires: parsed[.expires] ?? "never", save: save)
    }

    static func dependencies(_ invocation: Invocation) -> Dependencies {
        Dependencies(printer: invocation.printer, api: invocation.api,
                     profiles: TokenProfiles(factory: invocation.factory))
    }

    static func run(_ words: Words, _ dependencies: Dependencies) throws(CLIError) {
        let printer = dependencies.printer
        let expiresAt = try TokenExpiry.parse(words.expires, now: printer.clock.now())
        let output = NewTokenOutput(printer: printer)
        try printer.validateFields(ResourceView.token.fields)
        if let save = words.save { try checkSaveTarget(save, profiles: dependencies.profiles) }
        if let resolution = words.forCommands {
            printer.note("Permissions for \(resolution.commands.joined(separator: ", ")): \(resolution.permissions.joined(separator: " "))")
        }

        let client = try dependencies.api.client(.renewIfDue)
        let environment = try client.environment.rawValue
        var body: JSONObject = [
            "name": .string(words.name),
            "permissions": .array(words.permissions.map { .string($0) }),
            "environment": .string(environment),
        ]
        if let expiresAt { body["expires_at"] = .string(expiresAt) }
        let token = try client.post(ResourceKind.token.path, body: .object(body)).data
        guard let secret = token["token"]?.stringValue, let id = token["id"]?.stringValue else {
            throw .malformedResponse("a created token without its id and secret", requestID: nil)
        }

        guard let save = words.save else {
            try output.printSecret(token)
            return
        }
        let previous = try dependencies.profiles.facts(of: save.profile)
        do {
            try dependencies.profiles.store(
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
            printer.streams.warn("Profile \"\(save.profile)\" held token \(oldID) before; it still works. Revoke it with `\(printer.suggestions.nsx("tokens revoke \(oldID)"))` if it is no longer needed.")
        }
    }

    /// `--save` never silently replaces a login: the profile in use, or one that already
    /// holds a credential, must be named with `--save-profile` to be replaced.
    static func checkSaveTarget(_ save: SaveTarget, profiles: TokenProfiles) throws(CLIError) {
        guard !save.explicit else { return }
        if save.profile == profiles.activeProfile {
            throw .usage("--save would replace the credential of profile \"\(save.profile)\", the one in use",
                         hint: "Pass --save-profile \(save.profile) to replace it on purpose, or --save-profile with another name.")
        }
        if try profiles.facts(of: save.profile) != nil {
            throw .usage("profile \"\(save.profile)\" already holds a credential",
                         hint: "Pass --save-profile \(save.profile) to replace it, or --save-profile with another name.")
        }
    }
}

extension OptionKey where Self == ValueOption {
    static var tokenName: Self { ValueOption.value("name", .string, valueName: "name", help: "A descriptive name (1–100 characters)").required }
    static var expires: Self {
        .value("expires", .string, valueName: "when", help: "30d, 12h, a date (2027-01-31), an RFC 3339 time, or never", default: "never")
    }
    static var saveProfile: Self {
        ValueOption.value("save-profile", .string, valueName: "name", help: "The profile --save stores into (implies --save; default: the token's name)")
            .completing(.profiles)
    }
}

extension OptionKey where Self == ListOption {
    static var permission: Self {
        ListOption.list("perm", .string, valueName: "permission", help: "Grant a permission, comma list or wildcard")
            .completing(.permissions)
    }
    static var forCommand: Self {
        .list("for", .string, valueName: "command", help: "Grant what this nsx command needs, e.g. \"servers list\"")
    }
}

extension OptionKey where Self == FlagOption {
    static var readOnly: Self { .flag("read-only", help: "Grant every :read permission") }
    static var save: Self { .flag("save", help: "Store the token as a profile's credential instead of printing it") }
}
