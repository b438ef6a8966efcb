import Foundation
import Synchronization
import Testing
import TestSupport
import NSXKeyring

/// KeyringStore against a real gnome-keyring. Run under
/// `scripts/with-keyring`, which provides a throwaway unlocked keyring and
/// sets NSX_TEST_KEYRING=1.
@Suite struct KeyringStoreTests {
    private let store = KeyringStore()

    init() throws {
        try #require(ProcessInfo.processInfo.environment["NSX_TEST_KEYRING"] == "1",
                     "KeyringStore tests need a throwaway gnome-keyring: run them as `scripts/with-keyring swift test …`")
    }

    private func freshKey() -> SecretKey {
        SecretKey(profile: uniqueName("profile"), apiURL: "https://\(uniqueName("api")).example")
    }

    @Test func writeReadOverwriteDelete() throws {
        let key = freshKey()
        try store.write("nsx_live_first", for: key)
        #expect(try store.read(key) == "nsx_live_first")
        try store.write("nsx_live_second", for: key)
        #expect(try KeyringStore().read(key) == "nsx_live_second")
        #expect(try store.delete(key) == true)
        #expect(try store.read(key) == nil)
    }

    @Test func aMissingItemIsNilAndNotDeletedNotAnError() throws {
        let key = freshKey()
        #expect(try store.read(key) == nil)
        #expect(try store.delete(key) == false)
    }

    @Test func secretToolSeesTheDocumentedSchemaAttributesAndLabel() throws {
        let key = freshKey()
        let secret = "nsx_live_" + uniqueName("secret")
        try store.write(secret, for: key)
        defer { _ = try? store.delete(key) }

        let search = try run(try secretTool(), ["search", "profile", key.profile, "api_url", key.apiURL])
        #expect(search.status == 0, "\(search.output)")
        let lines = search.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("label = nsx: \(key.profile) (\(key.apiURL))"))
        #expect(lines.contains("schema = com.nurosentrix.nsx"))
        #expect(lines.contains("attribute.profile = \(key.profile)"))
        #expect(lines.contains("attribute.api_url = \(key.apiURL)"))
        #expect(lines.filter { !$0.hasPrefix("secret = ") }.allSatisfy { !$0.contains(secret) },
                "the secret appears only as the item's secret, never in its label or attributes")

        let lookup = try run(try secretTool(), ["lookup", "profile", key.profile, "api_url", key.apiURL])
        #expect(lookup.output == secret)
    }

    @Test func aCustomLabelIsWhatTheKeyringShows() throws {
        let key = freshKey()
        try store.write("s", for: key, label: "nsx (work laptop)")
        defer { _ = try? store.delete(key) }
        let search = try run(try secretTool(), ["search", "profile", key.profile, "api_url", key.apiURL])
        #expect(search.output.contains("\nlabel = nsx (work laptop)\n"))
    }

    @Test func aDifferentAPIURLIsADifferentItem() throws {
        let local = freshKey()
        let live = SecretKey(profile: local.profile, apiURL: "https://app.nurosentrix.com")
        try store.write("for-local", for: local)
        try store.write("for-live", for: live)
        defer { _ = try? store.delete(live) }
        #expect(try store.read(local) == "for-local")
        #expect(try store.read(live) == "for-live")
        #expect(try store.delete(local))
        #expect(try store.read(local) == nil)
        #expect(try store.read(live) == "for-live")
    }

    enum SampleSecret: String, CaseIterable {
        case unicode, eightKilobytes, whitespace

        var text: String {
            switch self {
            case .unicode: "ünïcödé 🔑 secret"
            case .eightKilobytes: String(repeating: "0123456789abcdef", count: 512)
            case .whitespace: " a b\tc\nd "
            }
        }
    }

    @Test(arguments: SampleSecret.allCases)
    func secretsRoundTripExactly(_ sample: SampleSecret) throws {
        let key = freshKey()
        try store.write(sample.text, for: key)
        defer { _ = try? store.delete(key) }
        #expect(try store.read(key) == sample.text)
    }

    @Test func severalThreadsMayUseTheKeyringAtOnce() throws {
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let key = SecretKey(profile: uniqueName("thread\(index)"), apiURL: "https://threads.example")
            do {
                try store.write("secret-\(index)", for: key)
                let read = try store.read(key)
                if read != "secret-\(index)" { failures.withLock { $0.append("\(index) read \(String(describing: read))") } }
                if try !store.delete(key) { failures.withLock { $0.append("\(index) not deleted") } }
            } catch {
                failures.withLock { $0.append("\(index): \(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
    }

    private func secretTool() throws -> String {
        try #require(executable("secret-tool"), "secret-tool is missing (apt-get install libsecret-tools)")
    }
}
