/// The longest name, in characters, that "did you mean" looks at. Longer names get no
/// suggestion: no identifier in a pack is that long, and comparing a megabyte of text against
/// every candidate would take minutes.
public let maximumSuggestionNameLength = 128

/// Finds the candidate closest to a misspelled name, for "did you mean" notes.
///
/// A candidate qualifies when its edit distance is at most a third of the longer name (and at
/// least 1), so `whn` suggests `when` but `x` suggests nothing. The work is bounded: names
/// longer than ``maximumSuggestionNameLength`` get no suggestion, and candidates whose length
/// alone differs by more than the allowed distance are skipped without computing a distance.
///
/// - Parameters:
///   - name: What the user wrote.
///   - candidates: The names that would have been valid.
/// - Returns: The closest candidate, or `nil` when none is close enough.
public func closestMatch(to name: String, among candidates: some Sequence<String>) -> String? {
    // Check bytes first: counting characters of a huge string is itself linear.
    guard name.utf8.count <= maximumSuggestionNameLength * 4 else { return nil }
    let nameLength = name.count
    guard nameLength <= maximumSuggestionNameLength else { return nil }
    var best: (candidate: String, distance: Int)?
    for candidate in candidates where candidate != name {
        guard candidate.utf8.count <= maximumSuggestionNameLength * 4 else { continue }
        let candidateLength = candidate.count
        let allowed = max(1, max(nameLength, candidateLength) / 3)
        // The length difference is a lower bound on the distance.
        guard abs(nameLength - candidateLength) <= allowed else { continue }
        let distance = editDistance(name, candidate)
        guard distance <= allowed else { continue }
        if best == nil || distance < best?.distance ?? Int.max {
            best = (candidate, distance)
        }
    }
    return best?.candidate
}

/// The edit distance between two strings, counted in characters: insertions, deletions,
/// substitutions and swaps of two neighbouring characters each count one (the "optimal string
/// alignment" distance), so `titel` is one edit from `title`.
///
/// - Parameters:
///   - lhs: The first string.
///   - rhs: The second string.
/// - Returns: The least number of edits that turn one into the other.
public func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let left = Array(lhs)
    let right = Array(rhs)
    if left.isEmpty { return right.count }
    if right.isEmpty { return left.count }
    let width = right.count + 1
    // Three rows: two back (for swaps), one back, and the current one.
    var twoBack = [Int](repeating: 0, count: width)
    var previous = Array(0...right.count)
    var current = [Int](repeating: 0, count: width)
    for i in 1...left.count {
        current[0] = i
        for j in 1...right.count {
            let cost = left[i - 1] == right[j - 1] ? 0 : 1
            var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
                best = min(best, twoBack[j - 2] + 1)
            }
            current[j] = best
        }
        (twoBack, previous, current) = (previous, current, twoBack)
    }
    return previous[right.count]
}
