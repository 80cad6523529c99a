/// Characters that look like a space or like nothing at all, which arrive in scripts and column
/// names pasted from web pages, word processors and spreadsheets. Messages name them, because a
/// caret under "nothing" or a suggestion identical to what was typed explains nothing.
public enum InvisibleCharacters {
    /// Plain names of the common ones; others are described by their Unicode category.
    private static let names: [UInt32: String] = [
        0x00A0: "no-break space",
        0x00AD: "soft hyphen",
        0x1680: "ogham space",
        0x180E: "mongolian vowel separator",
        0x2000: "en quad", 0x2001: "em quad", 0x2002: "en space", 0x2003: "em space",
        0x2004: "three-per-em space", 0x2005: "four-per-em space", 0x2006: "six-per-em space",
        0x2007: "figure space", 0x2008: "punctuation space", 0x2009: "thin space", 0x200A: "hair space",
        0x200B: "zero-width space", 0x200C: "zero-width non-joiner", 0x200D: "zero-width joiner",
        0x200E: "left-to-right mark", 0x200F: "right-to-left mark",
        0x2028: "line separator", 0x2029: "paragraph separator",
        0x202F: "narrow no-break space", 0x205F: "medium mathematical space", 0x2060: "word joiner",
        0x3000: "ideographic space", 0xFEFF: "zero-width no-break space (byte order mark)",
    ]

    /// True for a character that shows as blank or not at all (but is not an ordinary space).
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return false }
        let category = scalar.properties.generalCategory
        return scalar.properties.isWhitespace || category == .control || category == .format
            || category == .unassigned || category == .privateUse || names[scalar.value] != nil
    }

    /// True for a character that looks like an ordinary space, so in indentation it is counted
    /// as one (after the error that names it) rather than derailing the block structure.
    public static func looksLikeSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar != " " && scalar != "\t" && scalar.properties.generalCategory == .spaceSeparator
    }

    /// "U+00A0".
    public static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// "a no-break space (U+00A0)", "an invisible character (U+2061)"; without the article
    /// when asked: "no-break space (U+00A0)".
    public static func describe(_ scalar: Unicode.Scalar, article: Bool = true) -> String {
        let name: String
        if let known = names[scalar.value] {
            name = known
        } else {
            switch scalar.properties.generalCategory {
            case .control: name = "control character"
            case .spaceSeparator: name = "space-like character"
            default: name = "invisible character"
            }
        }
        let described = "\(name) (\(code(scalar)))"
        guard article else { return described }
        return (name.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + described
    }

    /// The text with each invisible character written as its code: "a\u{A0}b" → "aU+00A0b".
    public static func visible(_ text: String) -> String {
        spelled(text) { code($0) }
    }

    private static func spelled(_ text: String, _ shown: (Unicode.Scalar) -> String) -> String {
        text.unicodeScalars.map { isInvisible($0) ? shown($0) : String($0) }.joined()
    }

    /// The distinct invisible characters of a text, in order of appearance.
    public static func found(in text: String) -> [Unicode.Scalar] {
        var seen: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars where isInvisible(scalar) && !seen.contains(scalar) { seen.append(scalar) }
        return seen
    }

    /// For a suggestion that reads like what the user wrote: which invisible characters tell the
    /// two apart, in words ("its name holds a no-break space (U+00A0)"); nil when none do.
    public static func difference(between written: String, and candidate: String) -> String? {
        let hidden = found(in: candidate).filter { !written.unicodeScalars.contains($0) }
        guard !hidden.isEmpty else { return nil }
        let list = hidden.map { describe($0) }.joined(separator: " and ")
        return "its name holds \(list): \(spelled(candidate) { "<\(code($0))>" })"
    }
}
