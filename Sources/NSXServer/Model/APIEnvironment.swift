/// The two disjoint worlds of one account: live resources and the test sandbox.
public enum APIEnvironment: String, Sendable, CaseIterable {
    case live
    case test

    /// API token type prefix for this environment.
    var tokenPrefix: String { "nsx_\(rawValue)_" }
}

/// The owner and environment every resource query is confined to.
public struct Scope: Sendable, Equatable {
    public let userID: String
    public let environment: APIEnvironment
}
