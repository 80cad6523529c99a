/// Turns a header row into usable, unique column names.
enum HeaderNames {
    /// Trims names; an empty name becomes `column_<position>` (1-based) and a repeated one
    /// `name_2`, `name_3`, ... skipping suffixes already used by another column. Every change is
    /// returned so the user can be told.
    static func clean(_ raw: [String]) -> (names: [String], renamed: [(original: String, new: String)]) {
        let trimmed = raw.enumerated().map { position, name -> String in
            let cut = trim(name)
            return cut.isEmpty ? "column_\(position + 1)" : cut
        }
        var taken = Set(trimmed)
        var seen = Set<String>()
        var names: [String] = []
        var renamed: [(original: String, new: String)] = []
        for (position, name) in trimmed.enumerated() {
            var final = name
            if seen.contains(name) {
                var suffix = 2
                while taken.contains("\(name)_\(suffix)") { suffix += 1 }
                final = "\(name)_\(suffix)"
                taken.insert(final)
            }
            seen.insert(final)
            names.append(final)
            if final != raw[position] && final != trim(raw[position]) {
                renamed.append((original: raw[position], new: final))
            }
        }
        return (names, renamed)
    }

    private static func trim(_ name: String) -> String {
        var scalars = Substring(name)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
