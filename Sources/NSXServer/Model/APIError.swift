import Hummingbird

/// One bad field of a request, as listed in an error's `details`.
public struct FieldIssue: Sendable, Equatable {
    public let field: String
    public let message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}

/// Every failure the API reports. `Envelope` turns it into the JSON error body in one place.
public enum APIError: Error, Sendable, Equatable {
    case badRequest(String, details: [FieldIssue] = [])
    /// Bad fields; past `FieldReader.maxIssues` the rest are only counted (`unlisted`).
    case validation([FieldIssue], unlisted: Int = 0)
    case unauthorized
    case invalidCredentials
    case missingPermission(Permission)
    case forbidden(String)
    case notFound(String)
    case routeNotFound(method: String, path: String)
    case methodNotAllowed(allowed: [String])
    case conflict(String)
    case idempotencyConflict
    case payloadTooLarge
    case rateLimited(String, retryAfter: Int)
    case internalError
    case serviceUnavailable(retryAfter: Int?)
    /// A status queued through fault injection.
    case injected(status: Int, retryAfter: Int?)

    public var status: HTTPResponse.Status {
        switch self {
        case .badRequest, .validation: .badRequest
        case .unauthorized, .invalidCredentials: .unauthorized
        case .missingPermission, .forbidden: .forbidden
        case .notFound, .routeNotFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .conflict, .idempotencyConflict: .conflict
        case .payloadTooLarge: .contentTooLarge
        case .rateLimited: .tooManyRequests
        case .internalError: .internalServerError
        case .serviceUnavailable: .serviceUnavailable
        case .injected(let status, _): .init(code: status)
        }
    }

    public var code: String {
        switch self {
        case .badRequest: "BAD_REQUEST"
        case .validation: "VALIDATION_ERROR"
        case .unauthorized: "UNAUTHORIZED"
        case .invalidCredentials: "INVALID_CREDENTIALS"
        case .missingPermission, .forbidden: "FORBIDDEN"
        case .notFound, .routeNotFound: "NOT_FOUND"
        case .methodNotAllowed: "METHOD_NOT_ALLOWED"
        case .conflict: "CONFLICT"
        case .idempotencyConflict: "IDEMPOTENCY_CONFLICT"
        case .payloadTooLarge: "PAYLOAD_TOO_LARGE"
        case .rateLimited: "RATE_LIMITED"
        case .internalError: "INTERNAL_ERROR"
        case .serviceUnavailable: "SERVICE_UNAVAILABLE"
        case .injected(let status, _): APIError.code(forStatus: status)
        }
    }

    public var message: String {
        switch self {
        case .badRequest(let message, _): message
        case .validation(let issues, let unlisted):
            issues.count == 1 ? "Invalid field: \(issues[0].field)"
                : "Invalid fields: " + issues.prefix(10).map(\.field).joined(separator: ", ")
                    + (issues.count + unlisted > 10 ? " and \(issues.count + unlisted - 10) more" : "")
        case .unauthorized: "Invalid or missing authentication token"
        case .invalidCredentials: "Invalid email or password"
        case .missingPermission(let permission): "Token does not have permission: \(permission.rawValue)"
        case .forbidden(let message): message
        case .notFound(let message): message
        case .routeNotFound(let method, let path): "No route for \(method) \(path)"
        case .methodNotAllowed(let allowed): "Method not allowed; allowed: \(allowed.joined(separator: ", "))"
        case .conflict(let message): message
        case .idempotencyConflict: "Idempotency-Key was already used with a different request"
        case .payloadTooLarge: "Request body is larger than 1 MiB"
        case .rateLimited(let message, _): message
        case .internalError: "An unexpected error occurred"
        case .serviceUnavailable: "The service is temporarily unavailable"
        case .injected(let status, _): "Injected fault: HTTP \(status)"
        }
    }

    public var details: [FieldIssue] {
        switch self {
        case .badRequest(_, let details): details
        case .validation(let issues, _): issues
        default: []
        }
    }

    /// Extra headers the error carries (`Retry-After`, `Allow`).
    public var headers: [(name: String, value: String)] {
        switch self {
        case .rateLimited(_, let seconds): [("Retry-After", String(seconds))]
        case .serviceUnavailable(let seconds?), .injected(_, let seconds?): [("Retry-After", String(seconds))]
        case .methodNotAllowed(let allowed): [("Allow", allowed.joined(separator: ", "))]
        default: []
        }
    }

    /// Whether an idempotent replay may serve this error again. Credential, permission,
    /// throttling and availability failures say nothing about the request itself.
    var isReplayable: Bool {
        switch status.code {
        case 401, 403, 429, 503: false
        case 500...: false
        default: self != .idempotencyConflict
        }
    }

    static func code(forStatus status: Int) -> String {
        switch status {
        case 400: "BAD_REQUEST"
        case 401: "UNAUTHORIZED"
        case 403: "FORBIDDEN"
        case 404: "NOT_FOUND"
        case 405: "METHOD_NOT_ALLOWED"
        case 409: "CONFLICT"
        case 413: "PAYLOAD_TOO_LARGE"
        case 429: "RATE_LIMITED"
        case 503: "SERVICE_UNAVAILABLE"
        case 500...: "INTERNAL_ERROR"
        default: "HTTP_\(status)"
        }
    }
}
