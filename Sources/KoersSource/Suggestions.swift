/// Finds the candidate closest to a misspelled name, for "did you mean" notes.
///
/// A candidate qualifies when its edit distance is at most a third of the longer name (and at
/// least 1), so `whn` suggests `when` but `x` suggests nothing.
///
/// - Parameters:
///   - name: What the user wrote.
///   - candidates: The names that would have been valid.
/// - Returns: The closest candidate, or `nil` when none is close enough.
public func closestMatch(to name: String, among candidates: some Sequence<String>) -> String? {
    var best: (candidate: String, distance: Int)?
    for candidate in candidates where candidate != name {
        let distance = editDistance(name, candidate)
        let allowed = max(1, max(name.count, candidate.count) / 3)
        guard distance <= allowed else { continue }
        if best == nil || distance < best?.distance ?? Int.max {
            best = (candidate, distance)
        }
    }
    return best?.candidate
}

/// The Levenshtein distance between two strings, counted in characters.
///
/// - Parameters:
///   - lhs: The first string.
///   - rhs: The second string.
/// - Returns: The least number of insertions, deletions and substitutions that turn one into
///   the other.
public func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let left = Array(lhs)
    let right = Array(rhs)
    if left.isEmpty { return right.count }
    if right.isEmpty { return left.count }
    var previous = Array(0...right.count)
    var current = [Int](repeating: 0, count: right.count + 1)
    for (i, leftCharacter) in left.enumerated() {
        current[0] = i + 1
        for (j, rightCharacter) in right.enumerated() {
            let substitution = previous[j] + (leftCharacter == rightCharacter ? 0 : 1)
            current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[right.count]
}
