import GRDB
import Hummingbird
import NIOCore
import NSXJSON

/// One route's contract: who may call it, which query it takes, and the work it does.
struct Endpoint: Sendable {
    enum Access: Sendable {
        /// No credential (login).
        case open
        /// A session JWT only (refresh, logout).
        case session
        /// Any valid credential holding the permission, if one is named.
        case credential(Permission?)
    }

    enum Work: Sendable {
        /// Runs inside one read transaction.
        case read(@Sendable (Call, Database) throws -> Reply)
        /// Runs inside one write transaction (with its idempotency record, for POSTs).
        case write(@Sendable (Call, Database) throws -> Reply)
        /// Manages its own transactions (login hashes a password outside any transaction).
        case custom(@Sendable (Call) async throws -> Reply)
    }

    var access: Access
    var query: QuerySpec = .none
    var work: Work
}

/// A request as a handler sees it: parsed, authenticated and permitted.
struct Call: Sendable {
    let services: AppServices
    let method: String
    let path: String
    let id: String
    let body: JSONObject?
    let query: ParsedQuery
    let caller: Caller?
    let now: Double
    /// Where the request came from (the TCP peer; no forwarding header is trusted).
    let peer: SocketAddress?

    /// The authenticated caller; endpoints that are not `.open` always have one.
    var principal: Caller { caller! }
    var scope: Scope { principal.scope }
    var second: Int { Int(now) }
    var fields: FieldReader { FieldReader(body ?? JSONObject()) }
    /// The client's IP address, what login attempts are counted under besides the email.
    var clientAddress: String { peer?.ipAddress ?? "unknown" }
}
