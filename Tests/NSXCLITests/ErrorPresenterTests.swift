import NSXCommandLine
import NSXConfig
import NSXHTTP
import NSXJSON
import NSXKeyring
import NSXOutput
import Testing
@testable import NSXCLI

/// Every kind of failure → its exit code (Sources/NSXCLI/Errors/ExitCode.swift).
struct ErrorPresenterTests {
    struct Row: @unchecked Sendable, CustomTestStringConvertible {  // CLIError is public and so not inferred Sendable
        var error: CLIError
        var exit: ExitCode
        var code: String
        var testDescription: String { "\(code) → \(exit.rawValue)" }
    }

    static func api(_ status: Int, _ code: String, _ message: String = "message") -> CLIError {
        .api(APIError(status: status, code: code, message: message, requestID: "req_abcdefabcdef"))
    }

    static let rows: [Row] = [
        Row(error: .usage("bad"), exit: .usage, code: "USAGE"),
        Row(error: .confirmationRequired(action: "deleting srv_1"), exit: .usage, code: "USAGE"),
        Row(error: .declined, exit: .failure, code: "DECLINED"),
        Row(error: api(400, "BAD_REQUEST"), exit: .usage, code: "BAD_REQUEST"),
        Row(error: api(400, "VALIDATION_ERROR"), exit: .usage, code: "VALIDATION_ERROR"),
        Row(error: api(401, "UNAUTHORIZED"), exit: .notAuthenticated, code: "UNAUTHORIZED"),
        Row(error: api(401, "INVALID_CREDENTIALS"), exit: .notAuthenticated, code: "INVALID_CREDENTIALS"),
        Row(error: api(403, "FORBIDDEN", "Token does not have permission: servers:write"), exit: .permissionDenied, code: "FORBIDDEN"),
        Row(error: api(404, "NOT_FOUND"), exit: .notFound, code: "NOT_FOUND"),
        Row(error: api(405, "METHOD_NOT_ALLOWED"), exit: .failure, code: "METHOD_NOT_ALLOWED"),
        Row(error: api(409, "CONFLICT"), exit: .conflict, code: "CONFLICT"),
        Row(error: api(409, "IDEMPOTENCY_CONFLICT"), exit: .conflict, code: "IDEMPOTENCY_CONFLICT"),
        Row(error: api(413, "PAYLOAD_TOO_LARGE"), exit: .usage, code: "PAYLOAD_TOO_LARGE"),
        Row(error: api(429, "RATE_LIMITED"), exit: .rateLimited, code: "RATE_LIMITED"),
        Row(error: api(500, "INTERNAL_ERROR"), exit: .failure, code: "INTERNAL_ERROR"),
        Row(error: api(503, "SERVICE_UNAVAILABLE"), exit: .failure, code: "SERVICE_UNAVAILABLE"),
        Row(error: .transport(.couldNotConnect("refused")), exit: .network, code: "NETWORK"),
        Row(error: .transport(.timedOut("slow")), exit: .network, code: "TIMEOUT"),
        Row(error: .transport(.tls("bad cert")), exit: .network, code: "TLS"),
        Row(error: .transport(.connectionLost("reset")), exit: .network, code: "NETWORK"),
        Row(error: .transport(.redirectRefused(location: "https://elsewhere")), exit: .failure, code: "REDIRECT_REFUSED"),
        Row(error: .transport(.responseTooLarge(limit: 10)), exit: .failure, code: "RESPONSE_TOO_LARGE"),
        Row(error: .transport(.schemeRefused(url: "http://example.com")), exit: .usage, code: "USAGE"),
        Row(error: .transport(.interrupted), exit: .interrupted, code: "INTERRUPTED"),
        Row(error: .retryAfterTooLong(seconds: 900, requestID: nil), exit: .rateLimited, code: "RATE_LIMITED"),
        Row(error: .malformedResponse("junk", requestID: nil), exit: .failure, code: "MALFORMED_RESPONSE"),
        Row(error: .unsupported(feature: "/api/v1/me"), exit: .failure, code: "UNSUPPORTED"),
        Row(error: .notLoggedIn(profile: "default"), exit: .notAuthenticated, code: "UNAUTHORIZED"),
        Row(error: .sessionExpired(profile: "default", at: "2024-01-16T10:30:00Z"), exit: .notAuthenticated, code: "UNAUTHORIZED"),
        Row(error: .badCredential("rejected"), exit: .notAuthenticated, code: "UNAUTHORIZED"),
        Row(error: .keyring(.noSecretService("no bus"), storing: true), exit: .failure, code: "KEYRING"),
        Row(error: .keyring(.noSecretService("no bus"), storing: false), exit: .notAuthenticated, code: "KEYRING"),
        Row(error: .keyring(.locked, storing: false), exit: .notAuthenticated, code: "KEYRING"),
        Row(error: .keyring(.timedOut, storing: true), exit: .failure, code: "KEYRING"),
        Row(error: .config(.corrupt(path: "/x/config.json", reason: "not JSON")), exit: .failure, code: "CONFIG"),
        Row(error: .io("cannot read"), exit: .failure, code: "IO"),
        Row(error: .nameNotFound(kind: "server", name: "web"), exit: .notFound, code: "NOT_FOUND"),
        Row(error: .ambiguousName(kind: "server", name: "web", candidates: ["srv_a", "srv_b"]), exit: .usage, code: "AMBIGUOUS"),
        Row(error: .waitTimedOut(what: "srv_a", seconds: 300, lastStatus: "provisioning"), exit: .waitGaveUp, code: "TIMEOUT"),
        Row(error: .waitFailed(what: "bak_a", status: "failed"), exit: .waitGaveUp, code: "WAIT_FAILED"),
        Row(error: .batchFailed(first: .notFound, failures: 1, total: 2), exit: .notFound, code: "PARTIAL_FAILURE"),
        Row(error: .checksFailed(2), exit: .failure, code: "CHECKS_FAILED"),
        Row(error: .findings("found 2 tokens in 1 file"), exit: .findings, code: "FINDINGS"),
        Row(error: .interrupted, exit: .interrupted, code: "INTERRUPTED"),
    ]

    @Test(arguments: rows)
    func exitCodeAndCode(_ row: Row) {
        let presentation = ErrorPresenter.present(row.error)
        #expect(presentation.exitCode == row.exit)
        #expect(presentation.json["success"] == .bool(false))
        #expect(presentation.json["error.code"]?.stringValue == row.code)
        #expect(!presentation.message.isEmpty)
    }

    @Test func exitCodesAreCLIMds() {
        #expect(ExitCode.allCases.map(\.rawValue) == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 130])
    }

    @Test func storingInTheKeyringNamesInsecureStorage() {
        let presentation = ErrorPresenter.present(CLIError.keyring(.noSecretService("no D-Bus session"), storing: true))
        #expect(presentation.message.contains("no Secret Service"))
        #expect(presentation.hints.contains { $0.contains("--insecure-storage") })
    }

    @Test func wrongPasswordHintIsAboutThePassword() {
        let presentation = ErrorPresenter.present(Self.api(401, "INVALID_CREDENTIALS", "Invalid email or password"))
        #expect(presentation.message == "Invalid email or password")
        #expect(presentation.hints.first?.contains("email and password") == true)
        #expect(presentation.requestID == "req_abcdefabcdef")
    }

    @Test func forbiddenNamesTheMissingPermissionAndATokenThatCouldDoIt() {
        let context = ErrorPresenter.Context(permissions: { ["servers:read"] }, commandPath: ["servers", "create"])
        let presentation = ErrorPresenter.present(Self.api(403, "FORBIDDEN", "Token does not have permission: servers:write"), context: context)
        #expect(presentation.exitCode == .permissionDenied)
        #expect(presentation.hints.contains("This credential has: servers:r."))
        #expect(presentation.hints.contains { $0.hasPrefix("A token that can do this: nsx tokens create --name <name> --perm ") && $0.contains("servers:write") })
    }

    @Test func thePermissionLookupIsAskedOnlyOnA403() {
        var asked = 0
        let context = ErrorPresenter.Context(permissions: { asked += 1; return ["servers:read"] }, commandPath: ["servers", "list"])
        for error in [Self.api(404, "NOT_FOUND"), Self.api(401, "UNAUTHORIZED"), CLIError.usage("bad"), .transport(.timedOut("slow"))] {
            _ = ErrorPresenter.present(error, context: context)
        }
        #expect(asked == 0)
        _ = ErrorPresenter.present(Self.api(403, "FORBIDDEN", "Token does not have permission: servers:write"), context: context)
        #expect(asked == 1)
    }

    @Test func validationDetailsArePrinted() {
        let error = APIError(status: 400, code: "VALIDATION_ERROR", message: "Validation failed",
                             details: [.init(field: "name", message: "must be 1-63 characters")])
        let presentation = ErrorPresenter.present(CLIError.api(error))
        #expect(presentation.details == ["name: must be 1-63 characters"])
    }

    @Test func parseErrorsCarrySuggestionAndUsage() throws {
        do {
            _ = try Parser(root: CommandTree.root).parse(["sevrers"])
            Issue.record("parsed")
        } catch {
            let presentation = ErrorPresenter.present(error)
            #expect(presentation.exitCode == .usage)
            #expect(presentation.hints == ["Did you mean \"servers\"?", "Usage: nsx <command> [flags]"])
        }
    }
}
