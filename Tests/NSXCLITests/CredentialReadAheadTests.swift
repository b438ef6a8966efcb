import Foundation
import NSXConfig
import NSXHTTP
import NSXKeyring
import Testing
@testable import NSXCLI

/// When the keyring read runs ahead in a child process (`Dependencies.warmUp` says so), the
/// first request of an API-token profile connects first and asks for its credential only once
/// connected (`HTTPRequest.credentialHeaders`). What the person sees must not change: the same
/// headers, the same checks, and a credential's failure still comes before the network's.
struct CredentialReadAheadTests {
    static let apiURL = "http://127.0.0.1:9999"
    static let token = "nsx_live_" + TokenFormatTests.body
    static let server = #"{"success":true,"data":{"id":"srv_abc123def456","name":"web-1","status":"running"}}"#

    func makeCLI(readsAhead: Bool = true, kind: CredentialKind = .apiToken, secret: String = token) throws -> TestCLI {
        let cli = TestCLI()
        cli.environment["NSX_API_URL"] = Self.apiURL
        cli.readsAhead = readsAhead
        cli.transport.respond = { _ in FakeTransport.json(200, Self.server) }
        try cli.keyring.write(secret, for: SecretKey(profile: "default", apiURL: Self.apiURL), label: "test")
        try cli.config.update { document in
            document.profiles["default"] = ProfileFacts(apiURL: Self.apiURL, credentialType: kind, storage: .keyring,
                                                        permissions: ["servers:read"])
        }
        return cli
    }

    @Test func aTokenReadAheadIsAskedForOnceConnectedAndSentAsBefore() throws {
        let cli = try makeCLI()
        let run = cli.run(["servers", "get", "srv_abc123def456", "-o", "json"])
        #expect(run.status == 0, "\(run)")
        #expect(cli.transport.credentialsAskedLate == [true])
        let sent = try #require(cli.transport.requests.first)
        #expect(sent.header("Authorization") == "Bearer \(Self.token)")
        #expect(sent.header("Accept") == "application/json")
    }

    @Test func withoutAReadAheadTheCredentialIsGivenUpFront() throws {
        let cli = try makeCLI(readsAhead: false)
        let run = cli.run(["servers", "get", "srv_abc123def456", "-o", "json"])
        #expect(run.status == 0, "\(run)")
        #expect(cli.transport.credentialsAskedLate == [false])
        #expect(cli.transport.requests.first?.header("Authorization") == "Bearer \(Self.token)")
    }

    /// A session may need renewing (a request of its own) before it is used, and `-v` shows
    /// the headers before sending: both read the credential first.
    @Test(arguments: ["session", "verbose"])
    func readFirstWhenItIsNeededBeforeTheRequest(_ case: String) throws {
        let cli = try makeCLI(kind: `case` == "session" ? .session : .apiToken,
                              secret: `case` == "session" ? "header.payload.signature" : Self.token)
        let run = cli.run(["servers", "get", "srv_abc123def456", "-o", "json"] + (`case` == "verbose" ? ["-v"] : []))
        #expect(run.status == 0, "\(run)")
        #expect(cli.transport.credentialsAskedLate == [false])
    }

    /// The credential's failure is what the person sees, whether the connection worked (the
    /// request is withdrawn unsent) or failed first (the credential is read then, before any
    /// retry: one attempt, no "retrying" pause).
    @Test(arguments: [false, true])
    func aKeyringFailureStillComesBeforeTheNetworks(connectionFails: Bool) throws {
        let cli = try makeCLI()
        cli.keyring = FailingSecretStore(.locked)
        if connectionFails { cli.transport.failsToConnect = .couldNotConnect("Connection refused") }
        let run = cli.run(["servers", "get", "srv_abc123def456"])
        #expect(run.status == 3, "\(run)")
        #expect(run.stderr.contains("the keyring is locked"), "\(run)")
        #expect(cli.transport.attempts == 1, "the request went to the transport before the credential was read, once")
        #expect(cli.transport.requests.isEmpty)
    }

    /// Ctrl-C while connecting is reported as that, not as whatever the keyring then says.
    @Test func anInterruptedConnectionIsNotFollowedByARead() throws {
        let cli = try makeCLI()
        cli.keyring = FailingSecretStore(.locked)
        cli.transport.failsToConnect = .interrupted
        let run = cli.run(["servers", "get", "srv_abc123def456"])
        #expect(run.status == 130, "\(run)")
        #expect(!run.stderr.contains("keyring"), "\(run)")
    }

    /// Commands that act on several items report each item's failure on its own, so they read
    /// the credential first: a locked keyring is one error, before any item.
    @Test func severalItemsReadTheCredentialFirst() throws {
        let cli = try makeCLI()
        cli.transport.respond = { _ in FakeTransport.json(200, #"{"success":true,"data":{"id":"srv_abc123def456","deleted":true}}"#) }
        let ok = cli.run(["servers", "delete", "srv_abc123def456", "srv_abc123def457", "--yes"])
        #expect(ok.status == 0, "\(ok)")
        #expect(cli.transport.credentialsAskedLate == [false, false])

        let locked = try makeCLI()
        locked.keyring = FailingSecretStore(.locked)
        let run = locked.run(["servers", "delete", "srv_abc123def456", "srv_abc123def457", "--yes", "-o", "json"])
        #expect(run.status == 3, "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
        #expect(run.stderr.components(separatedBy: "keyring is locked").count == 2, "\(run)")
        #expect(locked.transport.attempts == 0)
    }

    /// A request timeout within reach of the keyring's 5 s reads first: the wait would count against it.
    @Test func aShortTimeoutReadsFirst() throws {
        let cli = try makeCLI()
        let run = cli.run(["servers", "get", "srv_abc123def456", "--timeout", "5"])
        #expect(run.status == 0, "\(run)")
        #expect(cli.transport.credentialsAskedLate == [false])
    }

    @Test func aNetworkFailureWithAGoodCredentialIsTheNetworks() throws {
        let cli = try makeCLI()
        cli.transport.failsToConnect = .couldNotConnect("Connection refused")
        let run = cli.run(["servers", "get", "srv_abc123def456"])
        #expect(run.status == 7, "\(run)")
        #expect(run.stderr.contains("cannot connect"), "\(run)")
        #expect(cli.transport.attempts == 4, "retried as ever once the credential was there")
    }

    /// `--test` refuses a live token before anything is sent, read ahead or not.
    @Test func aLiveTokenUnderTestIsRefusedUnsent() throws {
        let cli = try makeCLI()
        let run = cli.run(["servers", "get", "srv_abc123def456", "--test"])
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("--test cannot be used with a live API token"), "\(run)")
        #expect(cli.transport.attempts == 1)
        #expect(cli.transport.requests.isEmpty)
    }

    /// Later requests of the same command carry the credential read for the first.
    @Test func everyPageCarriesTheCredential() throws {
        let cli = try makeCLI()
        nonisolated(unsafe) var page = 0
        cli.transport.respond = { _ in
            page += 1
            let more = page < 3
            return FakeTransport.json(200, #"{"success":true,"data":[{"id":"srv_abc123def45\#(page)","name":"web-\#(page)","status":"running"}],"meta":{"limit":1,"next_cursor":\#(more ? "\"c\(page)\"" : "null"),"has_more":\#(more)}}"#)
        }
        let run = cli.run(["servers", "list", "--all", "-o", "ndjson"])
        #expect(run.status == 0, "\(run)")
        #expect(cli.transport.requests.count == 3)
        #expect(cli.transport.requests.allSatisfy { $0.header("Authorization") == "Bearer \(Self.token)" })
        #expect(cli.transport.credentialsAskedLate == [true, false, false])
    }
}
