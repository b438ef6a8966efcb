import Foundation
import Testing
import TestSupport
import NSXKeyring

@Suite struct FileSecretStoreTests {
    private let key = SecretKey(profile: "default", apiURL: "https://app.nurosentrix.com")

    @Test func writeReadOverwriteDelete() throws {
        try withTemporaryFolder { folder in
            let store = FileSecretStore(folder: folder + "/nsx")
            #expect(try store.read(key) == nil)
            #expect(try store.delete(key) == false)

            try store.write("nsx_live_first", for: key)
            #expect(try store.read(key) == "nsx_live_first")
            try store.write("nsx_live_second", for: key)
            #expect(try FileSecretStore(folder: folder + "/nsx").read(key) == "nsx_live_second")

            #expect(try store.delete(key) == true)
            #expect(try store.read(key) == nil)
            #expect(try store.delete(key) == false)
            #expect(!FileManager.default.fileExists(atPath: store.file), "an empty store leaves no file")
        }
    }

    @Test func profileAndAPIURLTogetherIdentifyASecret() throws {
        try withTemporaryFolder { folder in
            let store = FileSecretStore(folder: folder)
            let keys = [key, SecretKey(profile: "default", apiURL: "http://127.0.0.1:8080"),
                        SecretKey(profile: "work", apiURL: key.apiURL)]
            for (index, key) in keys.enumerated() { try store.write("secret-\(index)", for: key) }
            for (index, key) in keys.enumerated() { #expect(try store.read(key) == "secret-\(index)") }
            #expect(try store.delete(keys[1]))
            #expect(try store.read(keys[0]) == "secret-0")
            #expect(try store.read(keys[1]) == nil)
            #expect(try store.read(keys[2]) == "secret-2")
        }
    }

    @Test func theFileIs0600AndItsFolder0700EvenUnderUmask000() throws {
        try withTemporaryFolder { folder in
            let store = FileSecretStore(folder: folder + "/nsx")
            try withUmask(0) { try store.write("s3cret \u{1F511}", for: key) }
            #expect(permissions(of: folder + "/nsx") == 0o700)
            #expect(permissions(of: store.file) == 0o600)
            #expect(permissions(of: folder + "/nsx/credentials.lock") == 0o600)
            #expect(try store.read(key) == "s3cret \u{1F511}")
        }
    }

    @Test func aCorruptFileIsAnErrorNamingItWithoutItsContents() throws {
        try withTemporaryFolder { folder in
            let store = FileSecretStore(folder: folder)
            try write("{\"credentials\": [{\"profile\": \"p\", \"secret\": \"hunter2\"", to: store.file)
            let error = #expect(throws: SecretStoreError.self) { try store.read(key) }
            let message = error?.description ?? ""
            #expect(message.contains(store.file))
            #expect(!message.contains("hunter2"))
        }
    }
}

@Suite struct InMemorySecretStoreTests {
    @Test func behavesLikeAStore() throws {
        let store = InMemorySecretStore()
        let key = SecretKey(profile: "p", apiURL: "https://a")
        #expect(try store.read(key) == nil)
        try store.write("one", for: key)
        #expect(store.label(for: key) == "nsx: p (https://a)")
        try store.write("two", for: key, label: "custom")
        #expect(try store.read(key) == "two")
        #expect(store.label(for: key) == "custom")
        #expect(try store.delete(key))
        #expect(try !store.delete(key))
    }
}
