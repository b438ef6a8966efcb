import NSXCommandLine
import NSXOutput
import Testing
@testable import NSXCLI

/// Flag > environment > stored setting > default, for each global option that has all three.
struct GlobalOptionsResolverTests {
    func resolve(_ argv: [String], env: [String: String] = [:], settings: [String: String] = [:]) throws -> GlobalOptions {
        let parsed = try Parser(root: CommandTree.root).parse(argv + ["version"])
        return try GlobalOptionsResolver.resolve(parsed, environment: env, settings: settings)
    }

    @Test func defaults() throws {
        let globals = try resolve([])
        #expect(globals.profile == "default")
        #expect(globals.explicitAPIURL == nil)
        #expect(globals.output == .table)
        #expect(!globals.noColor)
        #expect(!globals.testEnvironment && !globals.verbose && !globals.quiet && !globals.noInput && !globals.assumeYes)
        #expect(globals.timeoutSeconds == 30)
        #expect(globals.fields == nil)
    }

    @Test func profilePrecedence() throws {
        #expect(try resolve([], settings: ["profile": "fromsetting"]).profile == "fromsetting")
        #expect(try resolve([], env: ["NSX_PROFILE": "fromenv"], settings: ["profile": "fromsetting"]).profile == "fromenv")
        #expect(try resolve(["--profile", "fromflag"], env: ["NSX_PROFILE": "fromenv"], settings: ["profile": "fromsetting"]).profile == "fromflag")
        // An empty variable counts as unset.
        #expect(try resolve([], env: ["NSX_PROFILE": ""], settings: ["profile": "fromsetting"]).profile == "fromsetting")
    }

    @Test func outputPrecedence() throws {
        #expect(try resolve([], settings: ["output": "yaml"]).output == .yaml)
        #expect(try resolve([], env: ["NSX_OUTPUT": "csv"], settings: ["output": "yaml"]).output == .csv)
        #expect(try resolve(["-o", "ndjson"], env: ["NSX_OUTPUT": "csv"], settings: ["output": "yaml"]).output == .ndjson)
        #expect(try resolve(["--json"], env: ["NSX_OUTPUT": "csv"]).output == .json)
        #expect(try resolve(["--json", "-o", "json"]).output == .json)
    }

    @Test func apiURLFlagBeatsEnvironment() throws {
        #expect(try resolve([], env: ["NSX_API_URL": "https://env.example"]).explicitAPIURL == "https://env.example")
        #expect(try resolve(["--api-url", "https://flag.example"], env: ["NSX_API_URL": "https://env.example"]).explicitAPIURL == "https://flag.example")
    }

    @Test func noColorFlag() throws {
        #expect(try resolve(["--no-color"]).noColor)
        #expect(try resolve([]).noColor == false)
    }

    @Test func environmentFlags() throws {
        #expect(try resolve([], env: ["NSX_ENV": "test"]).testEnvironment)
        #expect(try resolve(["--test"]).testEnvironment)
        #expect(try resolve([], env: ["NSX_DEBUG": "1"]).verbose)
        #expect(try resolve([], env: ["NSX_DEBUG": "0"]).verbose == false)
        #expect(try resolve([], env: ["NSX_NO_INPUT": "1"]).noInput)
        #expect(try resolve([], env: ["NSX_NO_INPUT": "false"]).noInput == false)
        #expect(try resolve([], env: ["NSX_CA_BUNDLE": "/ca.pem"]).caBundle == "/ca.pem")
        #expect(try resolve(["--cacert", "/flag.pem"], env: ["NSX_CA_BUNDLE": "/ca.pem"]).caBundle == "/flag.pem")
        #expect(try resolve(["--cacert", "/flag.pem"]).caBundleOrigin == "--cacert")
        #expect(try resolve([], env: ["NSX_CA_BUNDLE": "/ca.pem"]).caBundleOrigin == "NSX_CA_BUNDLE")
    }

    @Test func suggestedCommandsNameAChosenProfile() throws {
        #expect(try resolve([]).suggestions.nsx("login") == "nsx login")
        #expect(try resolve(["--profile", "x"]).suggestions.nsx("login") == "nsx login --profile x")
        #expect(try resolve(["--profile", "default"]).suggestions.nsx("login") == "nsx login --profile default")
        #expect(try resolve([], env: ["NSX_PROFILE": "ci"]).suggestions.nsx("auth refresh") == "nsx auth refresh --profile ci")
        #expect(try resolve([], settings: ["profile": "work"]).suggestions.nsx("login") == "nsx login --profile work")
    }

    @Test func fieldsAndTimeout() throws {
        #expect(try resolve(["--fields", "id, name,,status"]).fields == ["id", "name", "status"])
        #expect(try resolve(["--timeout", "45"]).timeoutSeconds == 45)
        #expect(try resolve(["--timeout", "5s"]).timeoutSeconds == 5)
        #expect(try resolve(["--timeout", "1m30s"]).timeoutSeconds == 90)
    }

    struct Rejected: Sendable, CustomTestStringConvertible {
        var argv: [String]
        var env: [String: String] = [:]
        var settings: [String: String] = [:]
        var message: String
        var testDescription: String { message }
    }

    static let rejected: [Rejected] = [
        Rejected(argv: ["--json", "-o", "yaml"], message: "--json and --output yaml contradict each other"),
        Rejected(argv: [], env: ["NSX_OUTPUT": "xml"], message: "invalid output format \"xml\""),
        Rejected(argv: [], settings: ["output": "xml"], message: "invalid output format \"xml\""),
        Rejected(argv: [], env: ["NSX_ENV": "staging"], message: "invalid NSX_ENV \"staging\""),
        Rejected(argv: ["--profile", "no/slash"], message: "invalid profile name \"no/slash\""),
        Rejected(argv: [], env: ["NSX_PROFILE": "bad name"], message: "invalid profile name \"bad name\""),
        Rejected(argv: ["--api-url", "example.com"],
                 message: "invalid API URL \"example.com\": it must start with https:// (or http:// for a loopback server)"),
        Rejected(argv: ["--api-url", "http://127.0.0.1:8080/api/v1"],
                 message: "invalid API URL \"http://127.0.0.1:8080/api/v1\": it names the API's routes (/api/v1), not the server"),
        Rejected(argv: [], env: ["NSX_API_URL": "https://app.nurosentrix.com/api/v1/"],
                 message: "invalid API URL \"https://app.nurosentrix.com/api/v1/\": it names the API's routes (/api/v1), not the server"),
        Rejected(argv: ["--api-url", "http://localhost.:8080"],
                 message: "invalid API URL \"http://localhost.:8080\": plain http is only allowed to loopback addresses (127.0.0.0/8, ::1, localhost); use https"),
        Rejected(argv: ["--timeout", "0"], message: "--timeout must be more than 0 seconds"),
        Rejected(argv: ["--fields", ","], message: "--fields needs at least one field name"),
    ]

    @Test(arguments: rejected)
    func rejects(_ rejected: Rejected) throws {
        #expect {
            try resolve(rejected.argv, env: rejected.env, settings: rejected.settings)
        } throws: { error in
            guard case .usage(let message, _) = error as? CLIError else { return false }
            return message == rejected.message
        }
    }
}
