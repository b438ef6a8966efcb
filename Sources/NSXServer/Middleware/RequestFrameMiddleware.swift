import HTTPTypes
import Hummingbird

/// The outermost layer: every response gets `X-Request-Id` and the JSON envelope, whatever
/// failed below (unknown route, unexpected error); every request gets its log line. An answer
/// to HEAD keeps its status and headers but never a body.
struct RequestFrameMiddleware: RouterMiddleware {
    typealias Context = APIContext
    static let requestIDHeader = HTTPField.Name("X-Request-Id")!

    let log: RequestLog

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        var note: String?
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            response = Envelope.response(for: error)
        } catch is ConnectionDropped {
            log.record(method: request.method.rawValue, path: request.uri.path, status: "dropped",
                       milliseconds: Self.milliseconds(since: started), requestID: context.requestID)
            return Response(status: .internalServerError)
        } catch let error as HTTPResponseError {
            response = Envelope.response(for: Self.apiError(for: error.status, request: request))
        } catch {
            note = "error=\(String(reflecting: type(of: error)))"
            response = Envelope.response(for: .internalError)
        }
        response.headers[Self.requestIDHeader] = context.requestID
        if request.method == .head { response = response.createHeadResponse() }
        log.record(method: request.method.rawValue, path: request.uri.path, status: String(response.status.code),
                   milliseconds: Self.milliseconds(since: started), requestID: context.requestID, note: note)
        return response
    }

    private static func apiError(for status: HTTPResponse.Status, request: Request) -> APIError {
        switch status {
        case .notFound: .routeNotFound(method: request.method.rawValue, path: request.uri.path)
        case .contentTooLarge: .payloadTooLarge
        case .badRequest: .badRequest("Malformed request")
        case .methodNotAllowed: .methodNotAllowed(allowed: [])
        default: status.code >= 500 ? .internalError : .injected(status: status.code, retryAfter: nil)
        }
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
}
