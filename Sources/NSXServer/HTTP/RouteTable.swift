import Hummingbird
import GRDB

/// Registers endpoints on the Hummingbird router and answers 405 for a known path with a
/// method it does not serve. Every GET route answers HEAD too: the same checks and status,
/// without the body (RequestFrameMiddleware drops it).
struct RouteTable {
    private static let allMethods: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete, .head, .options]

    let router: Router<APIContext>
    let services: AppServices
    private var methods: [String: [HTTPRequest.Method]] = [:]
    private var order: [String] = []

    init(router: Router<APIContext>, services: AppServices) {
        self.router = router
        self.services = services
    }

    mutating func add(_ method: HTTPRequest.Method, _ path: String, _ endpoint: Endpoint) {
        let idempotent = method == .post && path.hasPrefix("/api/v1/")
        let responder = EndpointResponder(endpoint: endpoint, services: services, idempotent: idempotent)
        if methods[path] == nil { order.append(path) }
        for served in method == .get ? [method, .head] : [method] {
            router.on(RouterPath(path), method: served, responder: responder)
            methods[path, default: []].append(served)
        }
    }

    mutating func get(_ path: String, _ access: Endpoint.Access, query: QuerySpec = .none, _ work: @escaping @Sendable (Call, GRDB.Database) throws -> Reply) {
        add(.get, path, Endpoint(access: access, query: query, work: .read(work)))
    }

    mutating func post(_ path: String, _ access: Endpoint.Access, _ work: @escaping @Sendable (Call, GRDB.Database) throws -> Reply) {
        add(.post, path, Endpoint(access: access, work: .write(work)))
    }

    mutating func patch(_ path: String, _ access: Endpoint.Access, _ work: @escaping @Sendable (Call, GRDB.Database) throws -> Reply) {
        add(.patch, path, Endpoint(access: access, work: .write(work)))
    }

    mutating func delete(_ path: String, _ access: Endpoint.Access, _ work: @escaping @Sendable (Call, GRDB.Database) throws -> Reply) {
        add(.delete, path, Endpoint(access: access, work: .write(work)))
    }

    /// Fills every remaining method of every known path with a 405 responder.
    func finish() {
        for path in order {
            let served = methods[path] ?? []
            let allowed = served.map(\.rawValue)
            for method in Self.allMethods where !served.contains(method) {
                router.on(RouterPath(path), method: method, responder: MethodNotAllowedResponder(allowed: allowed))
            }
        }
    }
}

struct MethodNotAllowedResponder: HTTPResponder {
    let allowed: [String]

    func respond(to request: Request, context: APIContext) throws -> Response {
        throw APIError.methodNotAllowed(allowed: allowed)
    }
}
