/// Splits a command line the way a POSIX shell would for simple words: blanks separate
/// words, single and double quotes group, a backslash escapes the next character
/// (outside single quotes). Nil when a quote is left open.
func shellWords(_ line: String) -> [String]? {
    var words: [String] = []
    var word = ""
    var inWord = false
    var quote: Character?
    var escaping = false
    for character in line {
        if escaping {
            word.append(character)
            escaping = false
        } else if let open = quote {
            if character == open {
                quote = nil
            } else if character == "\\" && open == "\"" {
                escaping = true
            } else {
                word.append(character)
            }
        } else if character == " " || character == "\t" {
            if inWord { words.append(word) }
            word = ""
            inWord = false
        } else {
            inWord = true
            switch character {
            case "'", "\"": quote = character
            case "\\": escaping = true
            default: word.append(character)
            }
        }
    }
    guard quote == nil, !escaping else { return nil }
    if inWord { words.append(word) }
    return words
}
