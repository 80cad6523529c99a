/// The prose of a script: its title (the first comment line, when the script starts with a
/// comment) and the comment paragraphs written above each step.
struct ScriptComments {
    let lines: [String]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
    }

    /// 1-based line of the title comment, if the first non-blank line is a comment.
    var titleLine: Int? {
        guard let index = lines.firstIndex(where: { !$0.trimmingCharacters(in: [" ", "\t"]).isEmpty }),
              Self.commentText(lines[index]) != nil else { return nil }
        return index + 1
    }

    var title: String? { titleLine.flatMap { Self.commentText(lines[$0 - 1]) }.flatMap { $0.isEmpty ? nil : $0 } }

    /// Comment paragraphs on lines `from...to` (1-based, inclusive), the title line left out.
    /// Consecutive comment lines form one paragraph; a blank line or code ends it.
    func paragraphs(from: Int, to: Int) -> [String] {
        guard from <= to, from >= 1 else { return [] }
        var paragraphs: [String] = [], current: [String] = []
        for number in from...min(to, lines.count) {
            if number != titleLine, let text = Self.commentText(lines[number - 1]) {
                if !text.isEmpty { current.append(text) }
                continue
            }
            if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
            current = []
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs
    }

    /// The text of a whole-line comment without "#" and the space after it, nil for other lines.
    static func commentText(_ line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: [" ", "\t"])
        guard trimmed.hasPrefix("#") else { return nil }
        return String(trimmed.drop { $0 == "#" }).trimmingCharacters(in: [" ", "\t"])
    }
}
