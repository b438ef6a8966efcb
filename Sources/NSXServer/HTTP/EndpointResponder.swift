import Hummingbird

/// Runs one endpoint through the contract's order of checks:
/// 413 → 400 (body, query, headers) → 401 → 429 → 403 → idempotency (IdempotentReplay.swift)
/// → the handler (whose own order is 404 → 400 VALIDATION_ERROR → 409).
struct EndpointResponder: HTTPResponder {
    let endpoint: Endpoint
    let services: AppServices
    let idempotent: Bool

    func respond(to request: Request, context: APIContext) async throws -> Response {
        let raw = try await RequestInput.readBody(request)
        let body = try RequestInput.parseBody(raw)
        let query = try endpoint.query.parse(request.uri.query)
        let requestedEnvironment = try RequestInput.environment(request.headers)
        let idempotencyKey = idempotent ? try RequestInput.idempotencyKey(request.headers) : nil

        var headers: [(name: String, value: String)] = []
        do {
            let caller = try await authorize(request, requestedEnvironment: requestedEnvironment, headers: &headers)
            let call = Call(services: services, method: request.method.rawValue, path: request.uri.path,
                            id: context.parameters.get("id") ?? "", body: body, query: query, caller: caller,
                            now: services.clock.now(), peer: context.channel.remoteAddress)
            if let idempotencyKey, let caller, case .write(let work) = endpoint.work {
                return try await replayOrRun(work, call: call, caller: caller, key: idempotencyKey, rawBody: raw, headers: headers)
            }
            let reply = try await run(call)
            return Envelope.response(status: reply.status, body: Envelope.body(for: reply), headers: headers)
        } catch let error as APIError {
            return Envelope.response(for: error, headers: headers)
        }
    }

    /// Credential, rate limit, then permission. Rate-limit headers go on every response to a credential.
    private func authorize(_ request: Request, requestedEnvironment: APIEnvironment?,
                           headers: inout [(name: String, value: String)]) async throws -> Caller? {
        let permission: Permission?
        switch endpoint.access {
        case .open:
            return nil
        case .session:
            permission = nil
        case .credential(let needed):
            permission = needed
        }
        let caller = try await services.authenticator.authenticate(
            authorization: request.headers[.authorization], requestedEnvironment: requestedEnvironment,
            sessionsOnly: { if case .session = endpoint.access { true } else { false } }())
        if services.rateLimiter.isEnabled {
            let now = services.clock.now()
            let decision = services.rateLimiter.admit(caller.credentialID, now: now)
            headers = decision.headers
            guard decision.allowed else {
                throw APIError.rateLimited("Rate limit of \(decision.limit) requests per minute exceeded",
                                           retryAfter: max(1, decision.reset - Int(now)))
            }
        }
        if let permission { try caller.require(permission) }
        return caller
    }

    private func run(_ call: Call) async throws -> Reply {
        let reply: Reply
        switch endpoint.work {
        case .custom(let work):
            reply = try await work(call)
        case .read(let work):
            try await services.transitions.completeDue(now: call.now)
            reply = try await services.store.read { db in try work(call, db) }
        case .write(let work):
            try await services.transitions.completeDue(now: call.now)
            reply = try await services.store.write { db in try work(call, db) }
        }
        services.apply(reply.effects)
        return reply
    }
}
