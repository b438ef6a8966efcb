/// The candidate most likely meant by a mistyped `word`, or nil when none is close.
///
/// A candidate is close when `word` is a prefix of it, or when the Damerau–Levenshtein
/// distance (adjacent transpositions count as one edit) is within a threshold that grows
/// with the word's length: 1 for up to 3 characters, 2 for up to 6, else 3. Case is
/// ignored. The nearest wins; ties go to the earlier candidate.
public func closestMatch(to word: String, in candidates: [String]) -> String? {
    let typed = Array(word.lowercased())
    guard !typed.isEmpty else { return nil }
    let threshold = typed.count <= 3 ? 1 : typed.count <= 6 ? 2 : 3

    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let known = Array(candidate.lowercased())
        let distance = editDistance(typed, known)
        let isPrefix = known.starts(with: typed)
        guard distance <= threshold || isPrefix else { continue }
        if best == nil || distance < best!.distance {
            best = (candidate, distance)
        }
    }
    return best?.candidate
}

/// Optimal string alignment distance: insertions, deletions, substitutions and
/// swaps of two neighbours each cost one.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    // rows[i][j]: distance between the first i characters of a and the first j of b.
    var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { rows[i][0] = i }
    for j in 0...b.count { rows[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var distance = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                distance = min(distance, rows[i - 2][j - 2] + 1)
            }
            rows[i][j] = distance
        }
    }
    return rows[a.count][b.count]
}
