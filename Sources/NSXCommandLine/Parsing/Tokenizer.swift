/// Splits argv into tokens by shape only (no knowledge of the command tree).
public enum Tokenizer {
    /// `argv` without the program name.
    public static func tokenize(_ argv: [String]) -> [Token] {
        var tokens: [Token] = []
        var afterTerminator = false
        for (position, text) in argv.enumerated() {
            let kind: Token.Kind
            if afterTerminator {
                kind = .positional(text)
            } else if text == "--" {
                kind = .terminator
                afterTerminator = true
            } else if text.hasPrefix("--") {
                let body = text.dropFirst(2)
                if let equals = body.firstIndex(of: "=") {
                    kind = .longOption(name: String(body[..<equals]), value: String(body[body.index(after: equals)...]))
                } else {
                    kind = .longOption(name: String(body), value: nil)
                }
            } else if text.hasPrefix("-") && text.count > 1 {
                kind = .shortOptions(String(text.dropFirst()))
            } else {
                kind = .word(text)
            }
            tokens.append(Token(kind: kind, position: position, text: text))
        }
        return tokens
    }
}
