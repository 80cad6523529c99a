/// "Did you mean ...?" suggestions by edit distance.
public enum Suggestions {
    /// The closest candidate to `name`, if it is close enough to be a plausible typo.
    public static func closest(to name: String, in candidates: [String]) -> String? {
        let lowered = name.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        if let (candidate, distance) = best, distance <= max(1, min(3, (name.count + 2) / 3)) {
            return candidate
        }
        // A written name that starts with a candidate (or the reverse) is likely meant:
        // "seperator" → "sep".
        guard lowered.count >= 3 else { return nil }
        return candidates.first {
            let c = $0.lowercased()
            return c.count >= 3 && (lowered.hasPrefix(c) || c.hasPrefix(lowered))
        }
    }

    /// "did you mean 'x'?" or nil. When the candidate reads the same as what was written, the
    /// invisible character that tells them apart is named: otherwise the help looks absurd.
    public static func didYouMean(_ name: String, in candidates: [String]) -> String? {
        closest(to: name, in: candidates).map { candidate in
            guard let difference = InvisibleCharacters.difference(between: name, and: candidate) else {
                return "did you mean '\(candidate)'?"
            }
            return "did you mean '\(candidate)'? \(difference); correct the name in the file's header, "
                + "or copy it from the output of 'describe' into backticks"
        }
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
