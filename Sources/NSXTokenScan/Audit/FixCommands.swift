/// The nsx command lines that fix a token's findings, quoted for a POSIX shell.
///
/// A token that should end is revoked by ID; one that lived too long is rotated (same name,
/// permissions and lifetime; profiles holding it get the new one), and one that never
/// expires is rotated with `--expires`. One too broad is replaced by a new token made with
/// `tokens create --for` (stored into the same profile with `--save-profile`), and then the
/// old one is revoked.
struct FixCommands {
    let token: AuditToken
    let profiles: [String]
    /// `--expires` for a replacement: the `--max-age` in force, so it is due when the next
    /// audit would ask for it anyway.
    let expires: String
    /// Words every command ends with, so it acts where the audit looked (`--profile work`).
    let context: [String]

    var revoke: String { ShellQuote.line(["nsx", "tokens", "revoke", token.id] + context) }
    var rotate: String { ShellQuote.line(["nsx", "tokens", "rotate", token.id] + context) }

    /// The same token, now with an end.
    var rotateExpiring: String { ShellQuote.line(["nsx", "tokens", "rotate", token.id, "--expires", expires] + context) }

    /// Only what the commands it runs need; which those are, only its owner knows.
    var recreateNarrower: String {
        var words = ["nsx", "tokens", "create", "--name", token.name, "--for", "COMMAND"]
        if token.environment == .test { words.append("--test") }
        words += ["--expires", expires]
        // A token stored as several profiles' credential: the first gets the new one here;
        // `nsx login --with-token --profile` moves it into the others.
        if let profile = profiles.first { words += ["--save-profile", profile] }
        return ShellQuote.line(words + context) + " && " + revoke
    }
}

/// Quotes words for a POSIX shell: plain words stay as they are, others go in single quotes.
public enum ShellQuote {
    public static func line(_ words: [String]) -> String { words.map(word).joined(separator: " ") }

    public static func word(_ word: String) -> String {
        let plain = !word.isEmpty && word.utf8.allSatisfy { byte in
            TokenShape.isWordByte(byte) || Array("-.,/:=@%+".utf8).contains(byte)
        }
        if plain { return word }
        return "'" + word.replacingAll("'", with: "'\\''") + "'"
    }
}

extension String {
    /// Foundation-free `replacingOccurrences(of:with:)` for one character.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
