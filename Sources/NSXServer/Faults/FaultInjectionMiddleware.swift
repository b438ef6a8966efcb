import Hummingbird
import NIOCore

/// Thrown once a fault has closed the connection: there is nobody left to answer.
struct ConnectionDropped: Error {}

/// Applies the first queued fault that matches a request. Requests to `/__faults` never match.
struct FaultInjectionMiddleware: RouterMiddleware {
    typealias Context = APIContext
    let queue: FaultQueue

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard !path.hasPrefix("/__faults"), let rule = queue.take(method: request.method.rawValue, path: path) else {
            return try await next(request, context)
        }
        if let delay = rule.delayMilliseconds, delay > 0 {
            try await Task.sleep(for: .milliseconds(delay))
        }
        if rule.drop == .before {
            try? await context.channel.close()
            throw ConnectionDropped()
        }
        if let status = rule.status {
            return Envelope.response(for: .injected(status: status, retryAfter: rule.retryAfter))
        }
        if rule.body == .malformed {
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers,
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "<html><body><h1>502 Bad Gateway</h1></body></html>")))
        }
        var response = try await next(request, context)
        if rule.drop == .after {
            try? await context.channel.close()
            throw ConnectionDropped()
        }
        if rule.body == .truncated {
            let sink = ByteSink()
            try await response.body.write(BodyCollector(sink: sink))
            let bytes = sink.bytes.prefix(sink.bytes.count / 2)
            response.headers[.contentLength] = nil
            response.body = ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        }
        return response
    }
}

/// Gathers a response body in memory.
private final class ByteSink: @unchecked Sendable {
    var bytes: [UInt8] = []
}

private struct BodyCollector: ResponseBodyWriter {
    let sink: ByteSink

    mutating func write(_ buffer: ByteBuffer) async throws {
        sink.bytes.append(contentsOf: buffer.readableBytesView)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
