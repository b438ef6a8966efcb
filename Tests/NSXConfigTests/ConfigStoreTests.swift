import Foundation
import Testing
import TestSupport
import NSXConfig
import NSXJSON

@Suite struct ConfigStoreTests {
    private func store(in folder: String) -> ConfigStore {
        ConfigStore(location: ConfigLocation(folder: folder + "/nsx"))
    }

    private let facts = ProfileFacts(
        apiURL: "https://app.nurosentrix.com", credentialType: .apiToken, storage: .keyring,
        email: "ada@example.com", userID: "usr_1", userName: "Ada", tokenID: "tok_1",
        tokenName: "ci", tokenPrefix: "nsx_live_ab", environment: .test,
        permissions: ["servers:read", "servers:write"], expiresAt: "2030-01-02T03:04:05Z")

    @Test func missingFolderAndFileLoadAsAnEmptyDocumentWithoutCreatingAnything() throws {
        try withTemporaryFolder { folder in
            let store = store(in: folder)
            let document = try store.load()
            #expect(document == ConfigDocument())
            #expect(!FileManager.default.fileExists(atPath: store.location.folder))
        }
    }

    @Test func anEmptyFileLoadsAsAnEmptyDocument() throws {
        try withTemporaryFolder { folder in
            let store = store(in: folder)
            try FileManager.default.createDirectory(atPath: store.location.folder, withIntermediateDirectories: true, attributes: privateFolder)
            try write(" \n", to: store.location.configFile)
            #expect(try store.load() == ConfigDocument())
        }
    }

    @Test func updateRoundTripsEveryField() throws {
        try withTemporaryFolder { folder in
            let store = store(in: folder)
            let expected = ConfigDocument(defaultProfile: "work", settings: ["output": "json", "color": "never"],
                                          profiles: ["work": facts])
            let returned = try store.update { document in
                document = expected
                return 42
            }
            #expect(returned == 42)
            #expect(try store.load() == expected)
            #expect(try ConfigStore(location: store.location).load() == expected)
        }
    }

    @Test func theFileIsPrettyJSONInTheOrderKeysWereWritten() throws {
        try withTemporaryFolder { folder in
            let store = store(in: folder)
            try store.update { document in
                document.defaultProfile = "work"
                document.settings["api_url"] = "https://api.example/v1"
                document.profiles["work"] = facts
            }
            let text = try #require(contents(of: store.location.configFile))
            #expect(text == """
                {
                  "default_profile": "work",
                  "settings": {
                    "api_url": "https://api.example/v1"
                  },
                  "profiles": {
                    "work": {
                      "api_url": "https://app.nurosentrix.com",
                      "credential_type": "api_token",
                      "storage": "keyring",
                      "email": "ada@example.com",
                      "user_id": "usr_1",
                      "user_name": "Ada",
                      "token_id": "tok_1",
                      "token_name": "ci",
                      "token_prefix": "nsx_live_ab",
                      "environment": "test",
                      "permissions": [
                        "servers:read",
                        "servers:write"
                      ],
                      "expires_at": "2030-01-02T03:04:05Z"
                    }
                  }
                }

                """)
        }
    }

    @Test func unknownKeysSurviveAnUpdateInTheirPlace() throws {
        try withTemporaryFolder { folder in
            let store = store(in: folder)
            try FileManager.default.createDirectory(atPath: store.location.folder, withIntermediateDirectories: true, attributes: privateFolder)
            try write("""
                {"future": {"list": [1, 2.5e300, true, null, "x"]}, "settings": {"output": "yaml"},
                 "profiles": {"p": {"api_url": "https://a", "credential_type": "session", "new_fact": 7}}}
                """, to: store.location.configFile)
            try store.update { $0.settings["color"] = "never" }
            let reloaded = try JSONSerialization.jsonObject(
                with: try #require(FileManager.default.contents(atPath: store.location.configFile))) as? NSDictionary
            #expect(reloaded == [
                "future": ["list": [1, 2.5e300, true, NSNull(), "x"]],
                "settings": ["output": "yaml", "color": "never"],
                "profiles": ["p": ["api_url": "https://a", "credential_type": "session", "new_fact": 7]],
            ] as NSDictionary)
            let text = try #require(contents(of: store.location.configFile))
            #expect(text.contains("2.5e300"), "numbers are kept as written")
            #expect(text.hasPrefix("{\n  \"future\""), "an unknown key keeps its place")

            try store.update { $0.profiles["p"]?.tokenName = "ci" }
            let written = try JSONValue.parse(try #require(contents(of: store.location.configFile)))
            #expect(written["profiles"]?["p"]?.objectValue?.keys == ["api_url", "credential_type", "new_fact", "token_name"])
            #expect(try store.load().profiles["p"]?.storage == .keyring, "a profile stored without storage is in the keyring")
        }
    }

    @Test(arguments: [
        ("{\"settings\": ", "not valid JSON"),
        ("[1, 2]", "the top level"),
        ("{\"settings\": {\"output\": 3}}", "settings.output should be a string"),
        ("{\"profiles\": {\"p\": {\"credential_type\": \"session\"}}}", "profiles.p.api_url is missing"),
        ("{\"profiles\": {\"p\": {\"api_url\": \"u\", \"credential_type\": \"session\", \"permissions\": \"all\"}}}",
         "profiles.p.permissions should be"),
        ("{\"default_profile\": 5}", "default_profile should be a string"),
        ("{\"profiles\": {\"p\": {\"api_url\": \"u\", \"credential_type\": \"oauth\"}}}",
         "profiles.p.credential_type should be session or api_token, not \"oauth\""),
        ("{\"profiles\": {\"p\": {\"api_url\": \"u\", \"credential_type\": \"session\", \"storage\": \"vault\"}}}",
         "profiles.p.storage should be keyring or file"),
        ("{\"profiles\": {\"p\": 3}}", "profiles.p should be an object"),
    ])
    func aCorruptFileIsAnErrorNamingItAndIsLeftAlone(text: String, reason: String) throws {
        try withTemporaryFolder { folder in
            let store = store(in: folder)
            try FileManager.default.createDirectory(atPath: store.location.folder, withIntermediateDirectories: true, attributes: privateFolder)
            try write(text, to: store.location.configFile)
            for attempt in [{ _ = try store.load() }, { try store.update { $0.settings["x"] = "y" } }] {
                let error = #expect(throws: ConfigError.self) { try attempt() }
                guard case .corrupt(let path, let explanation)? = error else {
                    Issue.record("expected .corrupt, got \(String(describing: error))")
                    continue
                }
                #expect(path == store.location.configFile)
                #expect(explanation.contains(reason), "\(explanation)")
                #expect(error?.description.contains(store.location.configFile) == true)
            }
            #expect(contents(of: store.location.configFile) == text)
        }
    }

    @Test func aThrowingChangeWritesNothing() throws {
        try withTemporaryFolder { folder in
            let store = store(in: folder)
            try store.update { $0.settings["output"] = "json" }
            let before = contents(of: store.location.configFile)
            #expect(throws: ConfigError.io(path: "p", reason: "r")) {
                try store.update { document throws(ConfigError) in
                    document.settings["output"] = "csv"
                    throw .io(path: "p", reason: "r")
                }
            }
            #expect(contents(of: store.location.configFile) == before)
        }
    }

    @Test func updatesLeaveNoTemporaryFilesBehind() throws {
        try withTemporaryFolder { folder in
            let store = store(in: folder)
            for index in 0..<5 { try store.update { $0.settings["k\(index)"] = "\(index)" } }
            let names = try FileManager.default.contentsOfDirectory(atPath: store.location.folder).sorted()
            #expect(names == ["config.json", "config.lock"])
        }
    }

    @Test func folderIs0700AndFilesAre0600EvenUnderUmask000() throws {
        try withTemporaryFolder { folder in
            let location = ConfigLocation(folder: folder + "/deeper/still/nsx")
            try withUmask(0) {
                try ConfigStore(location: location).update { $0.defaultProfile = "p" }
            }
            #expect(permissions(of: folder + "/deeper") == 0o700)
            #expect(permissions(of: folder + "/deeper/still") == 0o700)
            #expect(permissions(of: location.folder) == 0o700)
            #expect(permissions(of: location.configFile) == 0o600)
            #expect(permissions(of: location.lockFile) == 0o600)
        }
    }

    @Test func aLooseFileIsTightenedByTheNextWrite() throws {
        try withTemporaryFolder { folder in
            let store = store(in: folder)
            try store.update { $0.defaultProfile = "p" }
            chmod(store.location.configFile, 0o644)
            try store.update { $0.defaultProfile = "q" }
            #expect(permissions(of: store.location.configFile) == 0o600)
        }
    }

    @Test func permissionProblemsNameLooseModesAndTheirFix() throws {
        try withTemporaryFolder { folder in
            let store = store(in: folder)
            #expect(store.permissionProblems() == [])
            try store.update { $0.defaultProfile = "p" }
            #expect(store.permissionProblems() == [])

            chmod(store.location.folder, 0o755)
            chmod(store.location.configFile, 0o640)
            let folderPath = store.location.folder, filePath = store.location.configFile
            #expect(store.permissionProblems() == [
                "\(folderPath) has mode 0755, expected 0700 (fix: chmod 700 \(folderPath))",
                "\(filePath) has mode 0640, expected 0600 (fix: chmod 600 \(filePath))",
            ])
        }
    }

    @Test func aSymlinkedLockIsRefusedAndItsTargetKeepsItsMode() throws {
        try withTemporaryFolder { folder in
            let store = store(in: folder)
            try store.update { $0.defaultProfile = "p" }
            try FileManager.default.removeItem(atPath: store.location.lockFile)
            let target = folder + "/someone-elses-file"
            try write("keep me\n", to: target)
            chmod(target, 0o644)
            try FileManager.default.createSymbolicLink(atPath: store.location.lockFile, withDestinationPath: target)

            let error = #expect(throws: ConfigError.self) { try store.update { $0.defaultProfile = "q" } }
            guard case .unsafe(let path, let reason)? = error else {
                Issue.record("expected .unsafe, got \(String(describing: error))")
                return
            }
            #expect(path == store.location.lockFile)
            #expect(reason == "is a symbolic link, which nsx does not follow; remove it with `rm \(store.location.lockFile)`")
            #expect(permissions(of: target) == 0o644)
            #expect(try store.load().defaultProfile == "p", "nothing was written; reading needs no lock")
        }
    }

    @Test func aFolderOthersMayWriteToIsRefusedWithTheFix() throws {
        try withTemporaryFolder { folder in
            let store = store(in: folder)
            try store.update { $0.defaultProfile = "p" }
            let path = store.location.folder
            for mode: mode_t in [0o777, 0o770, 0o702] {
                chmod(path, mode)
                let reading = #expect(throws: ConfigError.self) { try store.load() }
                let writing = #expect(throws: ConfigError.self) { try store.update { $0.defaultProfile = "q" } }
                let expected = ConfigError.unsafe(path: path, reason: "is writable by others (mode 0\(String(mode, radix: 8))); nsx keeps credentials there, so fix it first: chmod 700 \(path)")
                #expect(reading == expected)
                #expect(writing == expected)
            }
            chmod(path, 0o750)
            #expect(try store.load().defaultProfile == "p", "readable by the group is doctor's to mention, not a refusal")
        }
    }

    @Test func aNewFolderInsideAWorldWritableParentIsMadeAndUsed() throws {
        // /tmp is 1777: only the config folder itself must be private, not where it lives.
        try withTemporaryFolder { folder in
            let parent = folder + "/shared"
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: false)
            chmod(parent, 0o1777)
            let store = ConfigStore(location: ConfigLocation(folder: parent + "/nsx/deeper"))
            try store.update { $0.defaultProfile = "p" }
            #expect(try store.load().defaultProfile == "p")
            #expect(permissions(of: parent + "/nsx/deeper") == 0o700)
        }
    }

    @Test func aSymlinkForTheFolderMustBeOurs() throws {
        try withTemporaryFolder { folder in
            let real = store(in: folder)
            try real.update { $0.defaultProfile = "p" }
            let link = folder + "/link"
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real.location.folder)
            #expect(try ConfigStore(location: ConfigLocation(folder: link)).load().defaultProfile == "p")
            // Only root can give a symlink to someone else.
            guard geteuid() == 0 else { return }
            #expect(lchown(link, 65534, 65534) == 0)
            let error = #expect(throws: ConfigError.self) { try ConfigStore(location: ConfigLocation(folder: link)).load() }
            #expect(error == .unsafe(path: link, reason: "is a symbolic link owned by another user (uid 65534); point NSX_CONFIG_DIR at a folder of your own"))
        }
    }

    @Test func aFileThatCannotBeReadIsAnIOErrorNamingIt() throws {
        try withTemporaryFolder { folder in
            let store = store(in: folder)
            try store.update { $0.defaultProfile = "p" }
            // A folder in the file's place fails to read for root too (modes would not).
            try FileManager.default.removeItem(atPath: store.location.configFile)
            try FileManager.default.createDirectory(atPath: store.location.configFile, withIntermediateDirectories: false)
            let error = #expect(throws: ConfigError.self) { try store.load() }
            guard case .io(let path, _)? = error else {
                Issue.record("expected .io, got \(String(describing: error))")
                return
            }
            #expect(path == store.location.configFile)
        }
    }
}
