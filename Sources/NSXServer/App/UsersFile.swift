/// `--users-file FILE`: one `EMAIL:PASSWORD[:NAME]` a line (blank lines and `#` comments
/// skipped), in a file only its owner may read, so passwords never appear in the process
/// list the way `--user` puts them there.
enum UsersFile {
    static func load(_ path: String) throws(StartupError) -> [SeedUser] {
        guard let bytes = try DataFolder.readPrivateFile(path, followingLinks: true) else {
            throw .fileSystem(path: path, reason: "no such file")
        }
        var users: [SeedUser] = []
        for (offset, rawLine) in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let user = SeedUser(spec: String(line)) else {
                throw .malformedUser(path: path, line: offset + 1)
            }
            users.append(user)
        }
        return users
    }
}
