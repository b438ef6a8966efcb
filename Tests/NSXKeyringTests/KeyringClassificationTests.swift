import CSecretShim
import Foundation
import Testing
import TestSupport
@testable import NSXKeyring

/// The decisions KeyringStore makes before and after libsecret, as tables.
/// (KeyringFailureTests provokes the same failures for real.)
@Suite struct KeyringClassificationTests {
    @Test(arguments: [
        (["DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"], true),
        (["DBUS_SESSION_BUS_ADDRESS": "unix:abstract=/tmp/dbus-x,guid=1;tcp:host=localhost,port=1"], true),
        (["DBUS_SESSION_BUS_ADDRESS": "autolaunch:"], false),
        (["DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent;autolaunch:"], false),
        (["DBUS_SESSION_BUS_ADDRESS": ""], false),
        ([:], false),
        (["XDG_RUNTIME_DIR": "/nonexistent-runtime-dir"], false),
    ])
    func aSessionBusIsUsableOnlyWithAnAddressThatNeedsNoAutolaunch(environment: [String: String], usable: Bool) {
        #expect((SessionBus.unavailableReason(environment: environment) == nil) == usable)
    }

    @Test func theRuntimeBusSocketCountsAsAnAddress() throws {
        try withTemporaryFolder { folder in
            #expect(SessionBus.unavailableReason(environment: ["XDG_RUNTIME_DIR": folder]) != nil)
            try write("", to: folder + "/bus")
            #expect(SessionBus.unavailableReason(environment: ["XDG_RUNTIME_DIR": folder]) == nil)
        }
    }

    private static let serviceUnknown = SecretServiceFailure(
        domain: .dbus, code: 2, dbusErrorName: "org.freedesktop.DBus.Error.ServiceUnknown",
        message: "The name org.freedesktop.secrets was not provided by any .service files")

    @Test(arguments: [
        (SecretServiceFailure(domain: .secret, code: Int32(NSXSecretErrorIsLocked), message: "Cannot create an item in a locked collection"),
         false, SecretStoreError.locked),
        (SecretServiceFailure(domain: .io, code: Int32(NSXIOErrorCancelled), message: "Operation was cancelled"),
         false, .locked),
        (SecretServiceFailure(domain: .io, code: Int32(NSXIOErrorCancelled), message: "Operation was cancelled"),
         true, .timedOut),
        (SecretServiceFailure(domain: .io, code: Int32(NSXIOErrorTimedOut), message: "Timeout was reached"),
         false, .timedOut),
        (SecretServiceFailure(domain: .io, code: Int32(NSXIOErrorNotFound), message: "Could not connect: No such file or directory"),
         false, .noSecretService("Could not connect: No such file or directory")),
        (SecretServiceFailure(domain: .io, code: Int32(NSXIOErrorDBusError),
                              dbusErrorName: "org.freedesktop.DBus.Error.NoReply", message: "No reply"),
         false, .noSecretService("No reply")),
        (serviceUnknown, false, .noSecretService(serviceUnknown.message)),
        (SecretServiceFailure(domain: .spawn, code: 3, message: "Failed to execute child process"),
         false, .noSecretService("Failed to execute child process")),
        (SecretServiceFailure(domain: .dbus, code: Int32(NSXDBusErrorFailed), message: "Couldn't create item"),
         false, .failed("Couldn't create item")),
        (SecretServiceFailure(domain: .io, code: Int32(NSXIOErrorDBusError),
                              dbusErrorName: "org.gnome.keyring.Error.Denied", message: "Denied"),
         false, .failed("Denied")),
        (SecretServiceFailure(domain: .other, code: 7, domainName: "mystery-quark"), false,
         .failed("Secret Service error mystery-quark 7")),
    ])
    func libsecretErrorsMeanWhatTheUserCanDoAboutThem(failure: SecretServiceFailure, interrupted: Bool,
                                                      expected: SecretStoreError) {
        #expect(failure.storeError(interrupted: interrupted) == expected)
    }

    @Test func aMissingDefaultKeyringIsNoUsableSecretService() {
        let failure = SecretServiceFailure(
            domain: .dbus, code: Int32(NSXDBusErrorUnknownObject),
            message: "Object does not exist at path “/org/freedesktop/secrets/collection/login”")
        guard case .noSecretService(let detail) = failure.storeError(interrupted: false) else {
            Issue.record("expected noSecretService, got \(failure.storeError(interrupted: false))")
            return
        }
        #expect(detail.contains("no default keyring"))
    }
}
