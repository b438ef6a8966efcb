import Foundation
import NSXConfig
import NSXKeyring
import Testing
@testable import NSXCLI

/// A command that calls the API with a credential from the keyring asks for that keyring
/// item to be read early, and libcurl opened meanwhile (`LibraryWarmUp`); with NSX_TOKEN or the
/// credentials file it opens libcurl itself when it sends, and every other command asks
/// for nothing, so it never maps either (LibraryLoadingEndToEndTests checks the real binary).
struct LibraryWarmUpTests {
    static let apiURL = "http://127.0.0.1:9999"
    static let server = #"{"success":true,"data":{"id":"srv_abc123def456","name":"web-1","status":"running"}}"#

    func makeCLI() -> TestCLI {
        let cli = TestCLI()
        cli.environment["NSX_API_URL"] = Self.apiURL
        cli.transport.respond = { _ in FakeTransport.json(200, Self.server) }
        return cli
    }

    func storeProfile(_ cli: TestCLI, storage: SecretStorage) throws {
        let token = "nsx_live_" + TokenFormatTests.body
        if storage == .keyring {
            try cli.keyring.write(token, for: SecretKey(profile: "default", apiURL: Self.apiURL), label: "test")
        } else {
            try FileSecretStore(folder: cli.configDir.path).write(token, for: SecretKey(profile: "default", apiURL: Self.apiURL),
                                                                   label: "test")
        }
        try cli.config.update { document in
            document.profiles["default"] = ProfileFacts(apiURL: Self.apiURL, credentialType: .apiToken, storage: storage,
                                                        permissions: ["servers:read"])
        }
    }

    @Test func aRequestWithNSXTokenAsksForNothing() {
        let cli = makeCLI()
        cli.environment["NSX_TOKEN"] = "nsx_live_" + TokenFormatTests.body
        let run = cli.run(["servers", "get", "srv_abc123def456", "-o", "json"])
        #expect(run.status == 0, "\(run)")
        #expect(cli.warmUps == 0)
    }

    @Test func aRequestWithTheKeyringAsksOnce() throws {
        let cli = makeCLI()
        try storeProfile(cli, storage: .keyring)
        let run = cli.run(["servers", "get", "srv_abc123def456", "-o", "json"])
        #expect(run.status == 0, "\(run)")
        #expect(cli.warmUpKeys == [SecretKey(profile: "default", apiURL: Self.apiURL)])
    }

    /// The profile logged in to another API: the command stops with "logged in to X, not to
    /// Y" before it reads the keyring, so no read is started for it.
    @Test func aProfileAskedForOnAnotherAPIStartsNoRead() throws {
        let cli = makeCLI()
        try storeProfile(cli, storage: .keyring)
        let run = cli.run(["servers", "get", "srv_abc123def456", "--api-url", "http://127.0.0.1:9998"])
        #expect(run.status == 3, "\(run)")
        #expect(run.stderr.contains("not to http://127.0.0.1:9998"), "\(run)")
        #expect(cli.warmUps == 0)
    }

    @Test func nsxTokenBeatsAStoredKeyringProfile() throws {
        let cli = makeCLI()
        try storeProfile(cli, storage: .keyring)
        cli.environment["NSX_TOKEN"] = "  nsx_live_" + TokenFormatTests.body + "\n"
        let run = cli.run(["servers", "get", "srv_abc123def456", "-o", "json"])
        #expect(run.status == 0, "\(run)")
        #expect(cli.warmUps == 0)
    }

    @Test func aRequestWithTheCredentialsFileNeedsNoKeyring() throws {
        let cli = makeCLI()
        try storeProfile(cli, storage: .file)
        let run = cli.run(["servers", "get", "srv_abc123def456", "-o", "json"])
        #expect(run.status == 0, "\(run)")
        #expect(cli.warmUps == 0)
    }

    @Test func notLoggedInAsksForNothing() {
        let cli = makeCLI()
        let run = cli.run(["servers", "get", "srv_abc123def456"])
        #expect(run.status == 3, "\(run)")
        #expect(cli.warmUps == 0)
    }

    @Test(arguments: [["--version"], ["--help"], ["servers", "--help"], ["completion", "bash"], ["config", "list"],
                      ["config", "path"], ["servers", "get"], ["servers", "get", "a", "b"], ["servers", "frobnicate"]])
    func commandsThatCallNoAPIOrStopAtTheirWordsAskForNothing(_ arguments: [String]) throws {
        let cli = makeCLI()
        try storeProfile(cli, storage: .keyring)
        _ = cli.run(arguments)
        #expect(cli.warmUps == 0, "nsx \(arguments.joined(separator: " "))")
    }
}
