import CSecretShim

/// A GError from libsecret, copied out of C, and what it means for nsx.
struct SecretServiceFailure: Sendable, Equatable {
    enum Domain: Sendable, Equatable {
        case secret, io, dbus, spawn, unavailable, other
    }

    var domain: Domain
    var code: Int32
    var domainName: String
    /// The remote D-Bus error name, e.g. `org.freedesktop.DBus.Error.ServiceUnknown`.
    var dbusErrorName: String
    var message: String

    init(domain: Domain, code: Int32, domainName: String = "", dbusErrorName: String = "", message: String = "") {
        self.domain = domain
        self.code = code
        self.domainName = domainName
        self.dbusErrorName = dbusErrorName
        self.message = message
    }

    init(_ error: NSXSecretError) {
        switch error.domain {
        case NSXSecretErrorDomainSecret: domain = .secret
        case NSXSecretErrorDomainIO: domain = .io
        case NSXSecretErrorDomainDBus: domain = .dbus
        case NSXSecretErrorDomainSpawn: domain = .spawn
        case NSXSecretErrorDomainUnavailable: domain = .unavailable
        default: domain = .other
        }
        code = error.code
        domainName = Self.string(fromCArray: error.domain_name)
        dbusErrorName = Self.string(fromCArray: error.dbus_error_name)
        message = Self.string(fromCArray: error.message)
    }

    /// The GError codes of GIO that mean the bus itself could not be reached.
    private static let unreachableBusCodes: Set<Int32> = [
        NSXIOErrorNotFound, NSXIOErrorConnectionRefused, NSXIOErrorPermissionDenied,
        NSXIOErrorClosed, NSXIOErrorBrokenPipe, NSXIOErrorConnectionClosed,
        NSXIOErrorNotConnected, NSXIOErrorInvalidArgument,
    ]

    /// What the failure means. `interrupted` is true when nsx itself
    /// cancelled the call (or an earlier one on the shared connection)
    /// because its deadline passed.
    func storeError(interrupted: Bool) -> SecretStoreError {
        switch domain {
        case .unavailable:
            return .noSecretService(message)  // libsecret itself could not be loaded
        case .secret where code == NSXSecretErrorIsLocked:
            return .locked
        case .io where code == NSXIOErrorCancelled:
            // Not cancelled by us: libsecret cancels when the unlock prompt is dismissed.
            return interrupted ? .timedOut : .locked
        case .io where code == NSXIOErrorTimedOut:
            return .timedOut
        case .io where Self.unreachableBusCodes.contains(code):
            return .noSecretService(message)
        case .io where code == NSXIOErrorDBusError && dbusErrorName.hasPrefix("org.freedesktop.DBus.Error."):
            return .noSecretService(message)
        case .dbus where code == NSXDBusErrorUnknownObject:
            // gnome-keyring without a default keyring, unable to prompt for a new one.
            return .noSecretService("the Secret Service has no default keyring and could not create one (\(message))")
        case .dbus where code != NSXDBusErrorFailed, .spawn:
            // Bus-level errors: ServiceUnknown, NameHasNoOwner, NoReply, Spawn*, UnknownMethod, …
            return .noSecretService(message)
        default:
            return .failed(message.isEmpty ? "Secret Service error \(domainName) \(code)" : message)
        }
    }

    private static func string<Tuple>(fromCArray tuple: Tuple) -> String {
        withUnsafeBytes(of: tuple) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
