import NSXCommandLine

/// What `nsx __complete` can offer (the tree marks options and arguments with these, once,
/// where they are declared): live IDs and names of a resource, stored profiles, or
/// permissions in a `--perm` comma list.
enum CompletionSource: String, CaseIterable {
    case servers, instances, backups, tokens
    case profiles
    case permissions

    var completion: DynamicCompletion { DynamicCompletion(rawValue) }

    /// The resource whose IDs and names are offered; nil for what is known locally.
    var resource: ResourceKind? {
        switch self {
        case .servers: .server
        case .instances: .instance
        case .backups: .backup
        case .tokens: .token
        case .profiles, .permissions: nil
        }
    }
}

extension DynamicCompletion {
    static var servers: Self { CompletionSource.servers.completion }
    static var instances: Self { CompletionSource.instances.completion }
    static var backups: Self { CompletionSource.backups.completion }
    static var tokens: Self { CompletionSource.tokens.completion }
    static var profiles: Self { CompletionSource.profiles.completion }
    static var permissions: Self { CompletionSource.permissions.completion }

    /// The IDs and names of `kind`'s resources.
    static func resources(_ kind: ResourceKind) -> Self {
        DynamicCompletion(kind.plural)
    }
}
