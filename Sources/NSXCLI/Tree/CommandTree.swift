import NSXCommandLine

/// The one description of nsx: every command, option, argument, example and the
/// permissions each command needs. The parser, help, completions, the man page and
/// `tokens create --for` all read this value.
public enum CommandTree {
    public static let root = NSXCommand(
        "nsx",
        summary: "Work with the Nurosentrix cloud API from the command line",
        discussion: """
            Log in, mint and revoke scoped API tokens, and drive servers, instances, backups
            and settings. Tables for people; JSON, NDJSON, CSV and YAML for scripts.
            """,
        options: GlobalOptionKeys.all,
        subcommands: [
            Login.spec, Logout.spec, Auth.spec,
            Tokens.spec,
            Servers.spec, Instances.spec, Backups.spec, Settings.spec,
            API.spec,
            Config.spec, Completion.spec, Doctor.spec, Help.spec, Version.spec, Man.spec, Complete.spec,
        ],
        examples: [
            Example("echo \"$PASSWORD\" | nsx login --email me@example.com --password-stdin", summary: "Log in from a script"),
            Example("nsx servers list -o json | jq -r '.[].name'", summary: "Server names, for a script"),
            Example("TOKEN=$(nsx tokens create --name ci --for \"servers list\")", summary: "A token that can only list servers"),
        ]
    )
}
