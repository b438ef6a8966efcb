import GRDB
import Hummingbird

/// `POST` under an `Idempotency-Key`: the first response a handler produces is stored in the
/// handler's own transaction, sealed (`ReplaySeal`) and owned by the credential that sent it;
/// the same request again from the same credential gets it back, a different one 409, and
/// any other credential a key of its own.
extension EndpointResponder {
    private enum Outcome: Sendable {
        case fresh(Reply, [UInt8])
        case replay(status: Int, body: [UInt8])
    }

    func replayOrRun(_ work: @escaping @Sendable (Call, GRDB.Database) throws -> Reply, call: Call, caller: Caller,
                     key: String, rawBody: [UInt8], headers: [(name: String, value: String)]) async throws -> Response {
        try await services.transitions.completeDue(now: call.now)
        let seal = services.replaySeal
        let owner = ReplaySeal.Owner(credentialID: caller.credentialID, environment: caller.environment)
        let request = ReplaySeal.Request(method: call.method, path: call.path, body: rawBody)
        let digest = seal.digest(of: key, for: owner)
        @Sendable func record(status: Int, body: [UInt8]) throws -> IdempotencyRecord {
            IdempotencyRecord(request: request, status: status,
                              sealedBody: try seal.seal(body, key: key, owner: owner, request: request), createdAt: call.second)
        }
        do {
            let outcome: Outcome = try await services.store.write { db in
                let table = IdempotencyTable(db: db, owner: owner)
                if let stored = try table.find(digest: digest, now: call.second) {
                    guard stored.request == request else { throw APIError.idempotencyConflict }
                    guard let body = seal.open(stored.sealedBody, key: key, owner: owner, request: request) else {
                        throw APIError.internalError
                    }
                    return .replay(status: stored.status, body: body)
                }
                let reply = try work(call, db)
                let body = Envelope.body(for: reply)
                try table.save(digest: digest, record: try record(status: reply.status.code, body: body))
                return .fresh(reply, body)
            }
            switch outcome {
            case .fresh(let reply, let body):
                services.apply(reply.effects)
                return Envelope.response(status: reply.status, body: body, headers: headers)
            case .replay(let status, let body):
                return Envelope.response(status: .init(code: status), body: body, headers: headers + [("Idempotent-Replayed", "true")])
            }
        } catch let error as APIError where error.isReplayable {
            let stored = try record(status: error.status.code, body: Envelope.body(for: error))
            try await services.store.write { db in
                let table = IdempotencyTable(db: db, owner: owner)
                if try table.find(digest: digest, now: call.second) == nil { try table.save(digest: digest, record: stored) }
            }
            throw error
        }
    }
}
