/// Makes text from scripts and data safe to write to a terminal: control characters are shown
/// as visible escapes instead of acting on the terminal (retitling the window, clearing the
/// screen, moving the cursor, hiding or reordering text).
///
/// - tab, line feed and carriage return: `\t`, `\n`, `\r`
/// - other C0 controls and DEL: `\x1b`, `\x07`, `\x7f` (two lowercase hex digits)
/// - C1 controls, bidirectional controls (U+061C, U+200E, U+200F, U+202A-U+202E,
///   U+2066-U+2069) and the line/paragraph separators U+2028, U+2029: `\u{202e}`
///
/// It lives in MLMSyntax because the lowest terminal writer, the diagnostic formatter, is here,
/// and every other one (MLMReport's renderers, the REPL, the command line) already depends on
/// this target. Escaping is idempotent (its output holds no control characters), so text
/// escaped early for layout can safely pass the final escape at the output.
public enum TerminalText {
    /// One value or name on one line: every control character escaped, line breaks included.
    public static func visible(_ text: String) -> String {
        escaped(text, keepingLineBreaks: false, keepingStyles: false)
    }

    /// A line of a script as echoed under a step or above a caret: tabs become single spaces
    /// (so carets line up, one column per character), everything else as `visible`.
    public static func sourceLine(_ text: String) -> String {
        visible(String(text.map { $0 == "\t" ? " " : $0 }))
    }

    /// A whole block of output just before it is written: line breaks stay, and so do the
    /// colour codes mlm itself emits (`ESC[...m` with the parameters in `styleParameters`);
    /// any other escape sequence or control character is shown, not obeyed. This is the net
    /// under the escaping done where names and values enter the output: a value that reached
    /// the output unescaped can at worst change colour or weight, never move the cursor,
    /// clear the screen, retitle the window, hide or reorder text.
    public static func output(_ text: String) -> String {
        escaped(text, keepingLineBreaks: true, keepingStyles: true)
    }

    /// One line of output made of styled pieces: as `output`, but a line break inside it came
    /// from a name or a value and is shown as `\n` rather than starting a new line.
    public static func outputLine(_ text: String, keepingStyles: Bool = true) -> String {
        escaped(text, keepingLineBreaks: false, keepingStyles: keepingStyles)
    }

    /// The colour and weight codes of mlm's own styles (TerminalStyle): reset, bold, dim, and
    /// red, green, yellow, blue, cyan.
    public static let styleParameters: Set<Int> = [0, 1, 2, 31, 32, 33, 34, 36]

    public static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
            return true
        default:
            return false
        }
    }

    /// The visible form of one character that needs escaping.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\t": return "\\t"
        case "\n": return "\\n"
        case "\r": return "\\r"
        default:
            let hex = String(scalar.value, radix: 16)
            if scalar.value < 0x80 { return "\\x" + (hex.count < 2 ? "0" + hex : hex) }
            return "\\u{" + hex + "}"
        }
    }

    private static func escaped(_ text: String, keepingLineBreaks: Bool, keepingStyles: Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: needsEscaping) else { return text }
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if keepingLineBreaks, scalar == "\n" {
                out.append(scalar)
            } else if keepingStyles, scalar == "\u{1B}", let end = styleEnd(scalars, from: index) {
                out.append(contentsOf: scalars[index...end])
                index = end
            } else if needsEscaping(scalar) {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
            index += 1
        }
        return String(out)
    }

    /// Where `ESC [ n;n m` with only mlm's own parameters ends, or nil for any other sequence.
    private static func styleEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        var number = ""
        while index < scalars.count, index - start < 16 {
            let scalar = scalars[index]
            if scalar == ";" || scalar == "m" {
                guard let value = Int(number), styleParameters.contains(value) else { return nil }
                if scalar == "m" { return index }
                number = ""
            } else if ("0"..."9").contains(scalar) {
                number.unicodeScalars.append(scalar)
            } else {
                return nil
            }
            index += 1
        }
        return nil
    }
}
