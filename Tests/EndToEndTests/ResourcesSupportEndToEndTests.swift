import Foundation
import Testing

/// A fresh server and a user logged in to it with a session, for the resource suites.
final class ResourceWorld: @unchecked Sendable {
    let server: TestServer
    let user: NSXUser

    init(actionDelay: Double = 0.05, extraArguments: [String] = []) throws {
        server = try TestServer(actionDelay: actionDelay, extraArguments: extraArguments)
        user = try NSXUser(server: server)
        let login = try user.login()
        guard login.status == 0 else { throw WorldError.setup("login failed: \(login)") }
    }

    /// Runs nsx and requires success, returning the result.
    @discardableResult
    func ok(_ arguments: [String], stdin: String? = nil, extraEnvironment: [String: String] = [:]) throws -> RunResult {
        let result = try user.nsx(arguments, stdin: stdin, extraEnvironment: extraEnvironment)
        guard result.status == 0 else { throw WorldError.failed(arguments, result) }
        return result
    }

    /// Runs nsx with `-o json` and returns the object it printed.
    func object(_ arguments: [String], extraEnvironment: [String: String] = [:]) throws -> [String: Any] {
        let result = try ok(arguments + ["-o", "json"], extraEnvironment: extraEnvironment)
        guard let object = try result.json() as? [String: Any] else { throw WorldError.shape("an object", result) }
        return object
    }

    /// Runs nsx with `-o json` and returns the array it printed.
    func array(_ arguments: [String], extraEnvironment: [String: String] = [:]) throws -> [[String: Any]] {
        let result = try ok(arguments + ["-o", "json"], extraEnvironment: extraEnvironment)
        guard let array = try result.json() as? [[String: Any]] else { throw WorldError.shape("an array of objects", result) }
        return array
    }

    func createServer(_ name: String, region: String = "eu-central", plan: String = "basic-1", extra: [String] = []) throws -> String {
        let server = try object(["servers", "create", "--name", name, "--region", region, "--plan", plan] + extra)
        return try #require(server["id"] as? String)
    }

    func createInstance(_ name: String, server: String, image: String = "ubuntu-24.04") throws -> String {
        let instance = try object(["instances", "create", "--name", name, "--server", server, "--image", image])
        return try #require(instance["id"] as? String)
    }

    /// A session of the seeded user straight from `/auth/login`, for curl.
    func sessionToken() throws -> String {
        let body = #"{"email":"\#(TestServer.email)","password":"\#(TestServer.password)"}"#
        let result = try Curl.run(["-sS", "-X", "POST", "-H", "Content-Type: application/json", "--data", body, "\(server.url)/auth/login"])
        let envelope = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let data = envelope?["data"] as? [String: Any]
        return try #require(data?["token"] as? String, "login answered: \(result)")
    }

    /// Creates `count` servers named `prefix-N` with parallel curl requests (fast seeding).
    func seedServers(_ count: Int, prefix: String, region: String = "us-east", environment: String? = nil) throws {
        let token = try sessionToken()
        var config = ""
        for index in 1...count {
            if index > 1 { config += "next\n" }
            config += """
                url = "\(server.url)/api/v1/servers"
                request = "POST"
                header = "Authorization: Bearer \(token)"
                header = "Content-Type: application/json"

                """
            if let environment { config += "header = \"Nurosentrix-Environment: \(environment)\"\n" }
            config += """
                data = "{\\"name\\":\\"\(prefix)-\(index)\\",\\"region\\":\\"\(region)\\",\\"plan\\":\\"basic-1\\"}"
                output = "/dev/null"
                write-out = "%{http_code}\\n"

                """
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-seed-\(UUID().uuidString).curl")
        try config.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Curl.run(["-sS", "--parallel", "--parallel-max", "16", "-K", file.path])
        let codes = result.stdout.split(separator: "\n")
        guard codes.count == count, codes.allSatisfy({ $0 == "201" }) else {
            throw WorldError.setup("seeding answered: \(Set(codes)) (\(codes.count) of \(count))\n\(result.stderr)")
        }
    }
}

enum WorldError: Error, CustomStringConvertible {
    case setup(String)
    case failed([String], RunResult)
    case shape(String, RunResult)

    var description: String {
        switch self {
        case .setup(let text): "setup failed: \(text)"
        case .failed(let arguments, let result): "nsx \(arguments.joined(separator: " ")) failed: \(result)"
        case .shape(let expected, let result): "expected \(expected): \(result)"
        }
    }
}

/// RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks.
func parseCSV(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var index = text.unicodeScalars.startIndex
    let scalars = text.unicodeScalars
    var fieldStarted = false
    while index < scalars.endIndex {
        let c = scalars[index]
        if quoted {
            if c == "\"" {
                let next = scalars.index(after: index)
                if next < scalars.endIndex, scalars[next] == "\"" {
                    field.unicodeScalars.append("\"")
                    index = next
                } else {
                    quoted = false
                }
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" && field.isEmpty {
            quoted = true
            fieldStarted = true
        } else if c == "," {
            record.append(field)
            field = ""
            fieldStarted = true
        } else if c == "\r" || c == "\n" {
            if c == "\r" {
                let next = scalars.index(after: index)
                if next < scalars.endIndex, scalars[next] == "\n" { index = next }
            }
            if fieldStarted || !field.isEmpty || !record.isEmpty {
                record.append(field)
                records.append(record)
            }
            record = []
            field = ""
            fieldStarted = false
        } else {
            field.unicodeScalars.append(c)
            fieldStarted = true
        }
        index = scalars.index(after: index)
    }
    if fieldStarted || !field.isEmpty || !record.isEmpty {
        record.append(field)
        records.append(record)
    }
    return records
}

/// The objects of an NDJSON stream, one per non-empty line.
func parseNDJSON(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw WorldError.setup("not an object: \(line)")
        }
        return object
    }
}

/// A light structural reading of nsx's YAML for a list of flat objects: each `- ` starts an
/// item, `key: value` lines (indented under it) are its top-level scalar members.
func parseYAMLList(_ text: String) -> [[String: String]] {
    var items: [[String: String]] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
        var content = Substring(line)
        if content.hasPrefix("- ") {
            items.append([:])
            content = content.dropFirst(2)
        } else if content.hasPrefix("  ") && !content.hasPrefix("    ") {
            content = content.dropFirst(2)
        } else {
            continue
        }
        guard let colon = content.range(of: ": ") ?? (content.hasSuffix(":") ? content.range(of: ":", options: .backwards) : nil),
              !items.isEmpty else { continue }
        let key = String(content[..<colon.lowerBound])
        var value = String(content[colon.upperBound...]).trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
        items[items.count - 1][key] = value
    }
    return items
}

/// A YAML mapping's top-level `key: value` lines.
func parseYAMLMapping(_ text: String) -> [String: String] {
    var result: [String: String] = [:]
    for line in text.split(separator: "\n") where !line.hasPrefix(" ") && !line.hasPrefix("-") {
        guard let colon = line.firstIndex(of: ":") else { continue }
        var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
        result[String(line[..<colon])] = value
    }
    return result
}
