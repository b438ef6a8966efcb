import Foundation
import Testing

/// nsx opens libcurl and libsecret at run time, and only in commands that use them
/// (Sources/CLibraryLoader): the dynamic loader's own log (`LD_DEBUG=files`) shows which
/// libraries a run of the real binary mapped. Without a usable libcurl or libsecret, the
/// commands that need one fail with a clear message, and every other command still works.
@Suite struct LibraryLoadingEndToEndTests {
    static let networkLibraries = ["libcurl.so"]
    static let keyringLibraries = ["libsecret-1.so", "libglib-2.0.so", "libgio-2.0.so", "libgobject-2.0.so"]

    @Test(arguments: [["--version"], ["--help"], ["completion", "bash"], ["config", "list"],
                      ["config", "set", "output", "json"], ["config", "path"]])
    func commandsThatNeedNeitherLoadNeither(_ arguments: [String]) throws {
        let world = try AuthWorld()
        let (run, libraries) = try Self.librariesLoaded(by: world.user, arguments)
        #expect(run.status == 0, "\(run)")
        #expect(libraries.contains { $0.hasPrefix("libc.so") }, "the loader's log was read: \(libraries)")
        let unwanted = libraries.filter { Self.matches($0, Self.networkLibraries + Self.keyringLibraries) }
        #expect(unwanted.isEmpty, "nsx \(arguments.joined(separator: " ")) loaded \(unwanted)")
    }

    @Test func aRequestWithATokenLoadsLibcurlButNotTheKeyring() throws {
        let world = try AuthWorld()
        let token = try world.createToken(name: "loader", permissions: ["servers:read"])
        let (run, libraries) = try Self.librariesLoaded(by: world.user, ["servers", "list", "-o", "json"],
                                                        extraEnvironment: ["NSX_TOKEN": token])
        #expect(run.status == 0, "\(run)")
        #expect(libraries.contains { Self.matches($0, Self.networkLibraries) }, "\(libraries)")
        let keyring = libraries.filter { Self.matches($0, Self.keyringLibraries) }
        #expect(keyring.isEmpty, "a request with NSX_TOKEN loaded \(keyring)")
    }

    @Test func readingTheKeyringLoadsLibsecret() throws {
        let world = try AuthWorld()
        try world.loggedIn()
        let (run, libraries) = try Self.librariesLoaded(by: world.user, ["auth", "token"])
        #expect(run.status == 0, "\(run)")
        #expect(libraries.contains { $0.hasPrefix("libsecret-1.so") }, "\(libraries)")
    }

    /// The credential of a request is looked up in a child process while nsx opens libcurl
    /// (`KeyringStore.prefetch`): the loader's log shows libsecret mapped by one process and
    /// libcurl by another, and nsx itself, the one that sends, never maps libsecret.
    @Test func aKeyringRequestLooksTheCredentialUpInAChildProcess() throws {
        let world = try AuthWorld()
        try world.loggedIn()
        let run = try world.user.nsx(["servers", "list", "-o", "json"], extraEnvironment: ["LD_DEBUG": "files"])
        #expect(run.status == 0, "\(run)")
        let mapped = Self.librariesByProcess(loaderLog: run.stderr)
        let curl = Set(mapped.filter { $0.value.contains { Self.matches($0, Self.networkLibraries) } }.keys)
        let keyring = Set(mapped.filter { $0.value.contains { Self.matches($0, Self.keyringLibraries) } }.keys)
        #expect(curl.count == 1 && keyring.count == 1, "libcurl in \(curl), libsecret in \(keyring)")
        #expect(curl.isDisjoint(with: keyring), "one process mapped both libcurl and libsecret: \(curl)")
    }

    @Test func withoutAUsableLibcurlARequestFailsClearlyAndTheRestStillWorks() throws {
        let world = try AuthWorld()
        let token = try world.createToken(name: "loader", permissions: ["servers:read"])
        let broken = try Self.folderWithBrokenLibrary(named: "libcurl.so.4")
        defer { try? FileManager.default.removeItem(at: broken) }
        let environment = ["LD_LIBRARY_PATH": broken.path, "NSX_TOKEN": token]

        let request = try world.user.nsx(["servers", "list"], extraEnvironment: environment)
        #expect(request.status == 7, "\(request)")
        #expect(request.stderr.contains("cannot load libcurl"), "\(request)")
        #expect(request.stderr.contains("libcurl.so.4"), "\(request)")
        #expect(request.stdout.isEmpty)

        let version = try world.user.nsx(["--version"], extraEnvironment: environment)
        #expect(version.status == 0, "\(version)")
        #expect(version.stdout.hasPrefix("nsx "), "\(version)")
    }

    @Test func withoutAUsableLibsecretTheKeyringIsReportedUnavailable() throws {
        let world = try AuthWorld()
        try world.loggedIn()
        let broken = try Self.folderWithBrokenLibrary(named: "libsecret-1.so.0")
        defer { try? FileManager.default.removeItem(at: broken) }

        let run = try world.user.nsx(["auth", "token"], extraEnvironment: ["LD_LIBRARY_PATH": broken.path])
        #expect(run.status == 3, "\(run)")
        #expect(run.stderr.hasPrefix("error: no Secret Service (GNOME keyring) is reachable"), "\(run)")
        #expect(run.stderr.contains("cannot load libsecret"), "\(run)")
        #expect(run.stderr.contains("libsecret-1.so.0"), "\(run)")
        #expect(run.stdout.isEmpty)
    }

    // MARK: helpers

    /// Runs nsx with the loader logging to files, and returns the sonames it mapped.
    static func librariesLoaded(by user: NSXUser, _ arguments: [String],
                                extraEnvironment: [String: String] = [:]) throws -> (RunResult, [String]) {
        let logs = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-ld-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: logs) }
        let environment = extraEnvironment.merging(["LD_DEBUG": "files", "LD_DEBUG_OUTPUT": logs.appendingPathComponent("ld").path]) { $1 }
        let run = try user.nsx(arguments, extraEnvironment: environment)
        var libraries: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: logs.path) {
            let log = try String(contentsOf: logs.appendingPathComponent(name), encoding: .utf8)
            // "  1234:	file=libcurl.so.4 [0];  needed by …" or "…;  dynamically loaded by …"
            for line in log.split(separator: "\n") {
                guard let start = line.range(of: "file=") else { continue }
                let soname = line[start.upperBound...].prefix { $0 != " " && $0 != ";" }
                libraries.insert((soname.split(separator: "/").last).map(String.init) ?? String(soname))
            }
        }
        return (run, libraries.sorted())
    }

    /// The sonames each process mapped, from the loader's log on stderr ("  1234:\tfile=…").
    static func librariesByProcess(loaderLog: String) -> [String: Set<String>] {
        var mapped: [String: Set<String>] = [:]
        for line in loaderLog.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":"), let start = line.range(of: "file=") else { continue }
            let process = line[..<colon].trimmingCharacters(in: .whitespaces)
            let soname = line[start.upperBound...].prefix { $0 != " " && $0 != ";" }
            mapped[process, default: []].insert((soname.split(separator: "/").last).map(String.init) ?? String(soname))
        }
        return mapped
    }

    static func matches(_ library: String, _ prefixes: [String]) -> Bool {
        prefixes.contains { library.hasPrefix($0) }
    }

    /// A folder for LD_LIBRARY_PATH holding an empty file under the library's soname: the
    /// loader finds it before the real one and refuses it ("file too short"), as it would a
    /// damaged or half-installed library.
    static func folderWithBrokenLibrary(named soname: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-broken-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data().write(to: folder.appendingPathComponent(soname))
        return folder
    }
}
