/// Reads a duration as people type it and returns whole seconds.
///
/// Accepts one or more `<number><unit>` parts with units `s`, `m`, `h` and `d`
/// (`30s`, `5m`, `2h`, `7d`, `1h30m`), or a bare number of seconds (`90`).
/// Returns nil for anything else, including empty text, signs, spaces,
/// a repeated unit and values that overflow.
public func parseDuration(_ text: String) -> Int? {
    guard !text.isEmpty else { return nil }
    if let seconds = Int(text), text.allSatisfy(\.isASCIIDigit) { return seconds }

    var total = 0
    var digits = ""
    var unitsSeen: Set<Character> = []
    for character in text {
        if character.isASCIIDigit {
            digits.append(character)
            continue
        }
        guard let multiplier = secondsPerUnit[character], let amount = Int(digits),
              unitsSeen.insert(character).inserted else { return nil }
        let (part, partOverflow) = amount.multipliedReportingOverflow(by: multiplier)
        let (sum, sumOverflow) = total.addingReportingOverflow(part)
        guard !partOverflow, !sumOverflow else { return nil }
        total = sum
        digits = ""
    }
    return digits.isEmpty ? total : nil
}

private let secondsPerUnit: [Character: Int] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
