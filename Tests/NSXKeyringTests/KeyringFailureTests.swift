import Foundation
import Testing
import TestSupport
import NSXKeyring
#if canImport(Glibc)
import Glibc
#endif

/// How KeyringStore fails when the Secret Service is missing, silent or
/// locked. GLib keeps one session-bus connection per process, so each case
/// runs in a child process (this test binary again, filtered to this test)
/// whose environment breaks the keyring for real; the child reports each
/// outcome on a `NSX-PROBE:` line and checks it, and the parent checks both.
@Suite struct KeyringFailureTests {
    enum Scenario: String, CaseIterable, Sendable {
        /// No DBUS_SESSION_BUS_ADDRESS and no $XDG_RUNTIME_DIR/bus.
        case noSessionBus
        case busAddressPointsNowhere
        /// A bus on which nothing provides org.freedesktop.secrets.
        case nothingOwnsTheSecretsName
        /// A socket that accepts the connection and never speaks.
        case busNeverAnswers
        /// gnome-keyring with the item's collection locked and no prompter.
        case collectionLocked

        var expected: String {
            switch self {
            case .noSessionBus, .busAddressPointsNowhere, .nothingOwnsTheSecretsName: "noSecretService"
            case .busNeverAnswers: "timedOut"
            case .collectionLocked: "locked"
            }
        }

        var deadline: Duration { self == .busNeverAnswers ? .milliseconds(500) : .seconds(5) }
    }

    private static let probeVariable = "NSX_KEYRING_PROBE"
    private let key = SecretKey(profile: "probe", apiURL: "https://probe.example")

    @Test(arguments: Scenario.allCases)
    func unusableSecretService(_ scenario: Scenario) throws {
        if let probing = ProcessInfo.processInfo.environment[Self.probeVariable] {
            // The child: every case of this test runs, only the requested one probes.
            if probing == scenario.rawValue { try probe(scenario) }
            return
        }
        try withTemporaryFolder { folder in
            let result = try runChild(scenario, scratch: folder)
            #expect(result.status == 0, "child failed:\n\(result.output)")
            for operation in ["read", "write", "delete"] {
                #expect(result.output.contains("NSX-PROBE: \(operation) -> \(scenario.expected)"),
                        "child output:\n\(result.output)")
            }
            if scenario == .noSessionBus {
                #expect(!FileManager.default.fileExists(atPath: folder + "/dbus-launch-ran"),
                        "nsx must not let GLib autolaunch a bus through dbus-launch")
            }
        }
    }

    // MARK: child side

    private func probe(_ scenario: Scenario) throws {
        let store = KeyringStore(deadline: scenario.deadline)
        if scenario == .collectionLocked {
            try store.write("s3cret", for: key)
            let lock = try run(try #require(executable("dbus-send")), [
                "--session", "--print-reply", "--dest=org.freedesktop.secrets", "/org/freedesktop/secrets",
                "org.freedesktop.Secret.Service.Lock", "array:objpath:/org/freedesktop/secrets/collection/login",
            ])
            try #require(lock.status == 0, "could not lock the collection: \(lock.output)")
        }
        let operations: [(String, () throws(SecretStoreError) -> Void)] = [
            ("read", { () throws(SecretStoreError) in _ = try store.read(key) }),
            ("write", { () throws(SecretStoreError) in try store.write("s3cret", for: key) }),
            ("delete", { () throws(SecretStoreError) in _ = try store.delete(key) }),
        ]
        for (name, operation) in operations {
            let outcome: String
            do {
                try operation()
                outcome = "success"
            } catch {
                outcome = Self.kind(of: error)
                #expect(!error.description.contains("s3cret"))
            }
            print("NSX-PROBE: \(name) -> \(outcome)")
            #expect(outcome == scenario.expected, "\(name)")
        }
    }

    private static func kind(of error: SecretStoreError) -> String {
        switch error {
        case .noSecretService: "noSecretService"
        case .locked: "locked"
        case .timedOut: "timedOut"
        case .failed(let message): "failed(\(message))"
        }
    }

    // MARK: parent side

    private func runChild(_ scenario: Scenario, scratch: String) throws -> ProcessResult {
        let testBinary = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let testArguments = ["--testing-library", "swift-testing", "--filter", "unusableSecretService"]
        var environment = ProcessInfo.processInfo.environment
        environment[Self.probeVariable] = scenario.rawValue
        // Never let a desktop prompter pop up during tests.
        environment["DISPLAY"] = nil
        environment["WAYLAND_DISPLAY"] = nil

        switch scenario {
        case .noSessionBus:
            environment["DBUS_SESSION_BUS_ADDRESS"] = nil
            environment["XDG_RUNTIME_DIR"] = scratch
            // With a display set, GLib would autolaunch a bus through
            // dbus-launch; this one leaves a mark and is found first.
            environment["DISPLAY"] = ":97"
            let bin = scratch + "/bin"
            try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: false)
            try write("#!/bin/sh\ntouch '\(scratch)/dbus-launch-ran'\nexit 1\n", to: bin + "/dbus-launch")
            chmod(bin + "/dbus-launch", 0o755)
            environment["PATH"] = bin + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            return try run(testBinary, testArguments, environment: environment)
        case .busAddressPointsNowhere:
            environment["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent"
            return try run(testBinary, testArguments, environment: environment)
        case .nothingOwnsTheSecretsName:
            let config = scratch + "/bare-session.conf"
            try write(Self.busWithoutServices, to: config)
            let dbusRunSession = try #require(executable("dbus-run-session"))
            return try run(dbusRunSession, ["--config-file=\(config)", "--", testBinary] + testArguments,
                           environment: environment)
        case .busNeverAnswers:
            let socketPath = scratch + "/silent.sock"
            let listener = try SilentSocket(path: socketPath)
            defer { listener.close() }
            environment["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=\(socketPath)"
            return try run(testBinary, testArguments, environment: environment)
        case .collectionLocked:
            let withKeyring = URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("scripts/with-keyring").path
            return try run(withKeyring, [testBinary] + testArguments, environment: environment)
        }
    }

    /// A session bus with no activatable services at all.
    private static let busWithoutServices = """
        <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
         "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
        <busconfig>
          <type>session</type>
          <listen>unix:tmpdir=/tmp</listen>
          <auth>EXTERNAL</auth>
          <policy context="default">
            <allow send_destination="*" eavesdrop="true"/>
            <allow eavesdrop="true"/>
            <allow own="*"/>
          </policy>
        </busconfig>
        """
}
