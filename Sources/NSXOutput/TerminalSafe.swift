/// Makes server-provided text harmless on a terminal: every C0 control (including ESC,
/// BEL, newline and tab), DEL and every C1 control becomes visible text, so a name such
/// as "\e]0;pwned\a" cannot retitle the window, move the cursor or hide output.
///
/// Tab, newline and carriage return read as `\t`, `\n`, `\r`; other C0 controls and DEL
/// in caret notation (`^[` for ESC, `^G` for BEL, `^?` for DEL); C1 controls as `\u{9B}`.
/// Callers that print multi-line text on purpose split it into lines first.
public func terminalSafe(_ text: String) -> String {
    guard !text.isPrintableASCII, text.unicodeScalars.contains(where: isControl) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x09: result += "\\t"
        case 0x0A: result += "\\n"
        case 0x0D: result += "\\r"
        case 0x00..<0x20: result += "^" + String(Unicode.Scalar(UInt8(scalar.value + 0x40)))
        case 0x7F: result += "^?"
        case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
            result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result
}

/// C0, DEL, C1 — and the bidirectional embeddings, overrides and isolates, which can
/// reorder what a person reads ("Trojan Source").
private func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
}
