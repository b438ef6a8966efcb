import NSXConfig
import NSXHTTP
import NSXJSON

/// A successful API answer: the envelope's `data` (and `meta` for lists).
public struct APIResponse: Sendable {
    public var data: JSONValue
    public var meta: JSONValue?
    public var http: HTTPResponse
    public var requestID: String? { http.header("X-Request-Id") }

    /// `data` as one resource: an object with a string `id`. Anything else is a response
    /// nsx cannot trust (exit 1), never something to print or wait on.
    public func resource() throws(CLIError) -> JSONValue {
        guard case .object(let object) = data, object["id"]?.stringValue != nil else {
            throw .malformedResponse("expected an object with an id in data", requestID: requestID)
        }
        return data
    }
}

/// Speaks the Nurosentrix API: URLs, the credential, the environment header, the envelope.
/// Everything above it sees `JSONValue`s and `APIError`s, never bytes.
public final class APIClient {
    public let baseURL: String
    let http: RetryingClient
    private var known: Credential?
    /// Set while the credential is still being read: requests connect first and ask for it
    /// once connected.
    private var deferred: DeferredCredential?
    /// `--test` or `NSX_ENV=test` asked for the test environment.
    let testRequested: Bool

    public convenience init(baseURL: String, http: RetryingClient, credential: Credential?, testEnvironment: Bool) {
        self.init(baseURL: baseURL, http: http, known: credential, deferred: nil, testEnvironment: testEnvironment)
    }

    /// A client whose credential is still being read (`DeferredCredential`).
    convenience init(baseURL: String, http: RetryingClient, deferred: DeferredCredential, testEnvironment: Bool) {
        self.init(baseURL: baseURL, http: http, known: nil, deferred: deferred, testEnvironment: testEnvironment)
    }

    private init(baseURL: String, http: RetryingClient, known: Credential?, deferred: DeferredCredential?, testEnvironment: Bool) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.http = http
        self.known = known
        self.deferred = deferred
        self.testRequested = testEnvironment
    }

    /// The credential the requests carry (read now if it is still being read).
    public var credential: Credential? {
        get throws(CLIError) {
            if let deferred { return try deferred.value() }
            return known
        }
    }

    /// Which resources the requests act on (`Credential.environment(testRequested:)`); a session
    /// in test sends `Nurosentrix-Environment: test`.
    public var environment: APIEnvironment {
        get throws(CLIError) { Self.environment(of: try credential, testRequested: testRequested) }
    }

    private static func environment(of credential: Credential?, testRequested: Bool) -> APIEnvironment {
        credential?.environment(testRequested: testRequested) ?? (testRequested ? .test : .live)
    }

    func replaceCredential(_ credential: Credential?) {
        known = credential
        deferred = nil
    }

    public func get(_ path: String, query: [(String, String)] = []) throws(CLIError) -> APIResponse {
        try call("GET", path, query: query)
    }

    public func post(_ path: String, body: JSONValue? = nil) throws(CLIError) -> APIResponse {
        try call("POST", path, body: body)
    }

    public func patch(_ path: String, body: JSONValue) throws(CLIError) -> APIResponse {
        try call("PATCH", path, body: body)
    }

    public func delete(_ path: String) throws(CLIError) -> APIResponse {
        try call("DELETE", path)
    }

    /// One API call through the retrying client; a non-2xx answer becomes `CLIError.api`, and
    /// a 404 on a route this server may lack (`APIRoutes`) `CLIError.unsupported`.
    public func call(_ method: String, _ path: String, query: [(String, String)] = [],
                     body: JSONValue? = nil, headers extra: [(String, String)] = []) throws(CLIError) -> APIResponse {
        let response = try send(method, path, query: query, body: body.map { Array($0.serialized().utf8) }, headers: extra)
        if response.status == 404, !response.deletedOnEarlierAttempt, let feature = APIRoutes.feature(path) {
            throw .unsupported(feature: feature)
        }
        return try Self.decode(response)
    }

    /// The raw exchange, for `nsx api`: the response whatever its status.
    public func send(_ method: String, _ path: String, query: [(String, String)] = [],
                     body: [UInt8]? = nil, headers extra: [(String, String)] = []) throws(CLIError) -> HTTPResponse {
        var headers: [(String, String)] = [("Accept", "application/json")]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        // Still being read: connect first, and ask for it once connected (its headers cannot
        // replace the extra ones, as below).
        let pending = deferred.flatMap { $0.isSettled ? nil : $0 }
        if pending == nil {
            headers += Self.credentialHeaders(try credential, testRequested: testRequested)
        }
        for (name, value) in extra {
            headers.removeAll { $0.0.lowercased() == name.lowercased() }
            headers.append((name, value))
        }
        // Only `POST`s under /api/v1 take an Idempotency-Key (docs/openapi.yaml); `/auth` routes do not.
        var request = HTTPRequest(method: method, url: url(path, query: query), headers: headers, body: body,
                                  addsIdempotencyKey: !path.hasPrefix("/auth/"))
        if let pending {
            let testRequested = testRequested
            request.credentialHeaders = { Self.credentialHeaders(try pending.value(), testRequested: testRequested) }
        }
        do {
            return try http.send(request)
        } catch {
            // The credential's own failure comes first, as when it was read before connecting;
            // one not asked for yet (the connection failed first) is read now, unless Ctrl-C
            // stopped the request.
            if let pending, !error.isInterruption { _ = try pending.value() }
            switch error {
            case .transport(let transport): throw .transport(transport)
            case .retryAfterTooLong(let seconds, let response):
                throw .retryAfterTooLong(seconds: seconds, requestID: response.header("X-Request-Id"))
            }
        }
    }

    /// `Authorization`, and for a session acting in test `Nurosentrix-Environment: test`.
    private static func credentialHeaders(_ credential: Credential?, testRequested: Bool) -> [(String, String)] {
        guard let credential else { return [] }
        var headers = [("Authorization", "Bearer \(credential.secret)")]
        if credential.kind == .session && environment(of: credential, testRequested: testRequested) == .test {
            headers.append(("Nurosentrix-Environment", "test"))
        }
        return headers
    }

    public func url(_ path: String, query: [(String, String)] = []) -> String {
        var url = baseURL + (path.hasPrefix("/") ? path : "/" + path)
        if !query.isEmpty {
            url += (url.contains("?") ? "&" : "?") + query.map { "\(percentEncode($0.0))=\(percentEncode($0.1))" }.joined(separator: "&")
        }
        return url
    }

    /// Unwraps the envelope, or turns an error envelope into `CLIError.api`.
    static func decode(_ response: HTTPResponse) throws(CLIError) -> APIResponse {
        let requestID = response.header("X-Request-Id")
        if response.deletedOnEarlierAttempt {
            return APIResponse(data: .null, meta: nil, http: response)
        }
        let parsed = try? JSONValue.parse(response.body)
        if (200..<300).contains(response.status) {
            if response.status == 204 || response.body.isEmpty { return APIResponse(data: .null, meta: nil, http: response) }
            guard let parsed, case .object(let envelope) = parsed, envelope["success"] == .bool(true) else {
                throw .malformedResponse("HTTP \(response.status) without a JSON success envelope", requestID: requestID)
            }
            return APIResponse(data: envelope["data"] ?? .null, meta: envelope["meta"], http: response)
        }
        throw .api(apiError(from: response, parsed: parsed))
    }

    static func apiError(from response: HTTPResponse, parsed: JSONValue?) -> APIError {
        let requestID = response.header("X-Request-Id")
        let retryAfter = response.header("Retry-After").flatMap { Int($0.trimmingWhitespace()) }
        if let parsed, case .object(let envelope) = parsed, let error = envelope["error"]?.objectValue,
           let code = error["code"]?.stringValue {
            let details = (error["details"]?.arrayValue ?? []).compactMap { item -> APIError.FieldProblem? in
                guard let field = item["field"]?.stringValue else { return nil }
                return APIError.FieldProblem(field: field, message: item["message"]?.stringValue ?? "invalid")
            }
            return APIError(status: response.status, code: code, message: error["message"]?.stringValue ?? code,
                            details: details, requestID: requestID, retryAfterSeconds: retryAfter, body: .object(error))
        }
        // No body at all (an answer to HEAD, or a bare status) is not an unreadable one.
        let reason = HTTPReason.phrase(response.status)
        let message = response.body.isEmpty
            ? "HTTP \(response.status)\(reason.isEmpty ? "" : " " + reason)"
            : "HTTP \(response.status) with an unreadable body"
        return APIError(status: response.status, code: "HTTP_\(response.status)", message: message,
                        requestID: requestID, retryAfterSeconds: retryAfter)
    }
}

/// RFC 3986 unreserved characters pass; everything else is %XX.
func percentEncode(_ text: String) -> String {
    var result = ""
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            result.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            let hex = Array("0123456789ABCDEF".utf8)
            result += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]], as: UTF8.self)
        }
    }
    return result
}
