/// The routes that are our reading of the API rather than the vendor's page (/work/shared/API.md
/// names them; docs/openapi.yaml describes them): a server may lack one. A 404 on the route
/// itself — not on an item under it — means exactly that, and nsx says "this server does not
/// support …" instead of passing on a `No route` as if something were not found.
enum APIRoutes {
    /// What a route offers, in the words of that message; nil for the vendor's own routes and
    /// for item paths, where a 404 means the item is not there.
    static func feature(_ path: String) -> String? {
        switch path {
        case "/api/v1/me": "/api/v1/me"
        case "/api/v1/tokens": "API tokens (/api/v1/tokens)"
        case "/auth/refresh": "session refresh (/auth/refresh)"
        case "/auth/logout": "logging out (/auth/logout)"
        default: nil
        }
    }
}
