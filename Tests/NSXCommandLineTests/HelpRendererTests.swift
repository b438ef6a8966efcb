import NSXCommandLine
import Testing

/// Help pages of the sample tree, pinned whole.
struct HelpRendererTests {
    let renderer = HelpRenderer(root: Sample.root, width: 80, learnMore: [#"Read the manual with "man nsx"."#])

    @Test func rootPage() {
        #expect(renderer.render(path: []) == #"""
        Work with Nurosentrix from the command line

        Manage servers and API tokens. Options may stand before or after the command
        words.

        USAGE
          nsx [global options] <command> [<subcommand>] [arguments]

        COMMANDS
          servers      Manage servers
          tokens       Manage API tokens
          config       Read and change settings
          api          Send a request to the API
          completion   Print a shell completion script
          help         Show help for a command

        FLAGS
          -h, --help             Show help for command
              --json             Same as -o json
          -o, --output format    Output format {table|json|yaml} (default "table", env
                                 NSX_OUTPUT)
              --profile string   Stored login to use (default "default", env
                                 NSX_PROFILE)
          -q, --quiet            Print only IDs
              --timeout secs     Seconds allowed per HTTP attempt (default 30)
          -v, --verbose          Trace HTTP requests on stderr (env NSX_DEBUG=1)
              --version          Show nsx version
          -y, --yes              Answer yes to confirmations

        EXAMPLES
          # List servers as JSON
          $ nsx servers list -o json

        LEARN MORE
          Use "nsx <command> --help" for more information about a command.
          Read the manual with "man nsx".

        """#)
    }

    @Test func groupPage() {
        #expect(renderer.render(path: ["servers"]) == #"""
        Manage servers

        USAGE
          nsx servers <command> [flags]

        ALIASES
          nsx server

        COMMANDS
          list     List servers
          get      Show one server
          create   Create a server
          delete   Delete servers

        FLAGS
          -p, --project string   Project to work in

        GLOBAL FLAGS
          -h, --help             Show help for command
              --json             Same as -o json
          -o, --output format    Output format {table|json|yaml} (default "table", env
                                 NSX_OUTPUT)
              --profile string   Stored login to use (default "default", env
                                 NSX_PROFILE)
          -q, --quiet            Print only IDs
              --timeout secs     Seconds allowed per HTTP attempt (default 30)
          -v, --verbose          Trace HTTP requests on stderr (env NSX_DEBUG=1)
          -y, --yes              Answer yes to confirmations

        LEARN MORE
          Use "nsx servers <command> --help" for more information about a command.
          Read the manual with "man nsx".

        """#)
    }

    @Test func leafPageWithAliasInheritedFlagsAndExamples() {
        #expect(renderer.render(path: ["server", "ls"]) == #"""
        List servers

        USAGE
          nsx servers list [flags]

        ALIASES
          nsx servers ls

        FLAGS
              --all               Show every page
              --label key=value   Only servers with this label (repeatable)
          -L, --limit int         Most servers to show (default 20)
          -s, --status string     Only servers in this state {running|stopped|failed}

        INHERITED FLAGS
          -p, --project string   Project to work in

        GLOBAL FLAGS
          -h, --help             Show help for command
              --json             Same as -o json
          -o, --output format    Output format {table|json|yaml} (default "table", env
                                 NSX_OUTPUT)
              --profile string   Stored login to use (default "default", env
                                 NSX_PROFILE)
          -q, --quiet            Print only IDs
              --timeout secs     Seconds allowed per HTTP attempt (default 30)
          -v, --verbose          Trace HTTP requests on stderr (env NSX_DEBUG=1)
          -y, --yes              Answer yes to confirmations

        PERMISSIONS
          servers:read

        EXAMPLES
          $ nsx servers list --status running --label env=prod

        LEARN MORE
          Read the manual with "man nsx".

        """#)
    }

    @Test func customUsageAndDiscussion() {
        #expect(renderer.render(path: ["servers", "create"]) == #"""
        Create a server

        The server starts at once unless the plan is sold out.

        USAGE
          nsx servers create --name NAME --plan PLAN [flags]

        FLAGS
              --cpu-share number        Share of a CPU
              --name string             Name of the new server
              --plan string             Size of the server {small|medium|large}
              --user-data file          Cloud-init file (- for standard input)
              --wait                    Wait until the server runs
              --wait-timeout duration   How long to wait (default 5m)

        INHERITED FLAGS
          -p, --project string   Project to work in

        GLOBAL FLAGS
          -h, --help             Show help for command
              --json             Same as -o json
          -o, --output format    Output format {table|json|yaml} (default "table", env
                                 NSX_OUTPUT)
              --profile string   Stored login to use (default "default", env
                                 NSX_PROFILE)
          -q, --quiet            Print only IDs
              --timeout secs     Seconds allowed per HTTP attempt (default 30)
          -v, --verbose          Trace HTTP requests on stderr (env NSX_DEBUG=1)
          -y, --yes              Answer yes to confirmations

        PERMISSIONS
          servers:write

        LEARN MORE
          Read the manual with "man nsx".

        """#)
    }

    /// What a command needs, described, and its required flags marked and named in its usage.
    @Test func permissionsAndRequiredFlags() {
        let root = Command<Int>("tool", summary: "A tool", subcommands: [
            Command("make", summary: "Make a thing",
                    options: [ValueOption.value("name", help: "Its name").required, .flag("fast", help: "Hurry")],
                    permissions: ["things:write"], action: 1),
            Command("look", summary: "Look around", action: 2),
        ])
        let docs = PermissionDocs(descriptions: ["things:write": "Create things"], note: "A key for {command} needs these.",
                                  none: "Nothing at all.")
        let renderer = HelpRenderer(root: root, permissionDocs: docs)
        let make = renderer.render(path: ["make"]) ?? ""
        #expect(make.contains("USAGE\n  tool make --name string [flags]\n"))
        #expect(make.contains("      --name string   Its name (required)\n"))
        #expect(make.contains("PERMISSIONS\n  things:write   Create things\n  A key for make needs these.\n"))
        #expect(renderer.render(path: ["look"])?.contains("PERMISSIONS\n  Nothing at all.\n") == true)
        #expect(HelpRenderer(root: root).render(path: ["look"])?.contains("PERMISSIONS") == false,
                "without words for it, a command needing nothing has no section")
        #expect(renderer.render(path: [])?.contains("PERMISSIONS") == false, "the program itself needs nothing")
    }

    @Test func argumentsWithChoices() {
        #expect(renderer.render(path: ["api"]) == #"""
        Send a request to the API

        USAGE
          nsx api [METHOD] PATH [flags]

        ARGUMENTS
          [METHOD]   HTTP method {GET|POST|DELETE}
          PATH       Path below /api/v1/

        FLAGS
          -f, --field key=value   Add a body field (repeatable)
              --input file        Read the body from a file

        GLOBAL FLAGS
          -h, --help             Show help for command
              --json             Same as -o json
          -o, --output format    Output format {table|json|yaml} (default "table", env
                                 NSX_OUTPUT)
              --profile string   Stored login to use (default "default", env
                                 NSX_PROFILE)
          -q, --quiet            Print only IDs
              --timeout secs     Seconds allowed per HTTP attempt (default 30)
          -v, --verbose          Trace HTTP requests on stderr (env NSX_DEBUG=1)
          -y, --yes              Answer yes to confirmations

        LEARN MORE
          Read the manual with "man nsx".

        """#)
    }

    @Test func groupWithItsOwnAction() {
        #expect(renderer.render(path: ["config"]) == #"""
        Read and change settings

        USAGE
          nsx config [<command>] [flags]

        COMMANDS
          set   Change a setting

        GLOBAL FLAGS
          -h, --help             Show help for command
              --json             Same as -o json
          -o, --output format    Output format {table|json|yaml} (default "table", env
                                 NSX_OUTPUT)
              --profile string   Stored login to use (default "default", env
                                 NSX_PROFILE)
          -q, --quiet            Print only IDs
              --timeout secs     Seconds allowed per HTTP attempt (default 30)
          -v, --verbose          Trace HTTP requests on stderr (env NSX_DEBUG=1)
          -y, --yes              Answer yes to confirmations

        LEARN MORE
          Use "nsx config <command> --help" for more information about a command.
          Read the manual with "man nsx".

        """#)
    }
}

struct HelpRendererLayoutTests {
    @Test func wrapsToANarrowTerminal() {
        let renderer = HelpRenderer(root: Tiny.root, width: 40)
        #expect(renderer.render(path: ["items", "ls"]) == """
            List items

            USAGE
              tool items list [flags]

            ALIASES
              tool items ls

            FLAGS
                  --input file   Read names from a
                                 file

            GLOBAL FLAGS
              -f, --format string   Output format
                                    {text|json}
              -h, --help            Show help for
                                    command
              -q, --quiet           Say less

            """)
    }

    @Test func namesNoPageForAnUnknownPath() {
        #expect(HelpRenderer(root: Sample.root).render(path: ["servers", "nope"]) == nil)
    }

    @Test func hiddenCommandsHaveHelpButAreNotListed() throws {
        let renderer = HelpRenderer(root: Sample.root)
        let root = try #require(renderer.render(path: []))
        #expect(!root.contains("debug"))
        #expect(renderer.render(path: ["debug"])?.hasPrefix("Internal diagnostics\n\nUSAGE\n  nsx debug [flags]\n") == true)
    }
}
