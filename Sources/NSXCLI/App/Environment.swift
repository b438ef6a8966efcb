/// The environment variables nsx reads, with what they mean (rendered by `nsx help environment`).
enum EnvironmentVariable: String, CaseIterable {
    case profile = "NSX_PROFILE"
    case apiURL = "NSX_API_URL"
    case output = "NSX_OUTPUT"
    case noColor = "NO_COLOR"
    case environment = "NSX_ENV"
    case debug = "NSX_DEBUG"
    case caBundle = "NSX_CA_BUNDLE"
    case noInput = "NSX_NO_INPUT"
    case token = "NSX_TOKEN"
    case configDir = "NSX_CONFIG_DIR"
    case cacheHome = "XDG_CACHE_HOME"
    case httpsProxy = "HTTPS_PROXY"
    case noProxy = "NO_PROXY"

    var meaning: String {
        switch self {
        case .profile: "which stored login to use (default \"default\")"
        case .apiURL: "API base URL (default https://app.nurosentrix.com)"
        case .output: "output format: table, json, ndjson, csv or yaml"
        case .noColor: "when set and not empty, no ANSI colour (nor with TERM=dumb)"
        case .environment: "\"test\" works in the test environment, like --test"
        case .debug: "\"1\" traces HTTP on stderr, like -v (credentials redacted)"
        case .caBundle: "a CA certificate file to trust as well, like --cacert"
        case .noInput: "\"1\" never prompts, like --no-input"
        case .token: "use this credential; it beats any stored one and is never stored"
        case .configDir: "config folder (default $XDG_CONFIG_HOME/nsx, else ~/.config/nsx)"
        case .cacheHome: "completion's cache goes in $XDG_CACHE_HOME/nsx (default ~/.cache/nsx)"
        case .httpsProxy: "proxy for https requests, as libcurl takes it (never for loopback)"
        case .noProxy: "hosts that bypass the proxy"
        }
    }
}
