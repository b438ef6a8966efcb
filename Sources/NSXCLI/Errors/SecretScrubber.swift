/// Error text can echo what the user typed; a secret pasted in the wrong place (`nsx login
/// nsx_live_…`) must not reach a terminal or CI log through an error message.
enum SecretScrubber {
    static func scrub(_ text: String) -> String {
        guard text.contains("nsx_live_") || text.contains("nsx_test_") || text.contains("eyJ") else { return text }
        var output = ""
        var word = ""
        func flush() {
            output += looksSecret(word) ? redacted(word) : word
            word = ""
        }
        for character in text {
            if character.isLetter || character.isNumber || character == "_" || character == "-" || character == "." {
                word.append(character)
            } else {
                flush()
                output.append(character)
            }
        }
        flush()
        return output
    }

    static func looksSecret(_ word: String) -> Bool {
        if TokenFormat.isAPIToken(word) { return true }
        // A JWT: three base64url parts, the first a JSON header ("eyJ…").
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        return word.hasPrefix("eyJ") && parts.count == 3 && word.count > 40
    }

    static func redacted(_ word: String) -> String {
        if word.hasPrefix(TokenFormat.livePrefix) { return TokenFormat.livePrefix + "[REDACTED]" }
        if word.hasPrefix(TokenFormat.testPrefix) { return TokenFormat.testPrefix + "[REDACTED]" }
        return "[REDACTED]"
    }
}
