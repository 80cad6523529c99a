/// Every message the lexer and parser can produce, in one place so their tone stays the same:
/// lowercase, no final period, names in single quotes, what was expected and what was found,
/// and a `help` line that shows how to write it when that is not obvious.
enum SyntaxMessages {
    // MARK: - Shapes shown in help lines

    static let shapeOfLoad = "write: load \"file.csv\" as name"
    static let shapeOfLoadModel = "write: load model \"file.mlmodel\" as name"
    static let shapeOfSplit = "write: split bank into train 80%, test 20%"
    static let shapeOfSort = "write: sort customers by score desc, name"
    static let shapeOfOrderBy = "write: show customers order by score desc limit 50"
    static let shapeOfExport = "write: export bank to \"file.csv\""
    static let shapeOfTrain = "write: model lead = train logistic on bank target y = \"yes\""
    static let shapeOfSave = "write: save lead to \"lead.mlmodel\""
    static let shapeOfSegment = "write: segment customers with kmeans k 4 on recency, frequency as segment"

    // MARK: - Lexical

    static func unexpectedCharacters(_ text: String, at range: SourceRange) -> Diagnostic {
        let scalars = Array(text.unicodeScalars)
        if let first = scalars.first, scalars.allSatisfy({ $0 == first }), InvisibleCharacters.isInvisible(first) {
            let what = InvisibleCharacters.describe(first, article: false)
            let message = "unexpected \(what)" + (scalars.count == 1 ? "" : ", \(scalars.count) in a row")
            return Diagnostic(.error, message, at: range, help: invisibleHelp(first))
        }
        let shown = InvisibleCharacters.visible(text)
        let noun = text.count == 1 ? "character" : "characters"
        return Diagnostic(.error, "unexpected \(noun) '\(shown)'", at: range, help: characterHelp(text))
    }

    /// Space-like and zero-width characters arrive with text pasted from a web page or a document.
    static func invisibleHelp(_ scalar: Unicode.Scalar) -> String {
        InvisibleCharacters.looksLikeSpace(scalar)
            ? "it looks like a space but is not one (text pasted from a web page or a document often has them); replace it with an ordinary space"
            : "it is invisible in most editors (text pasted from a web page or a document often has them); delete it"
    }

    /// Indentation must be made of ordinary spaces or tabs.
    static func invisibleIndentation(_ scalar: Unicode.Scalar, at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, "the indentation holds \(InvisibleCharacters.describe(scalar))", at: range,
                   help: InvisibleCharacters.looksLikeSpace(scalar)
                       ? "it looks like a space but is not one; indent with ordinary spaces (or tabs)"
                       : invisibleHelp(scalar))
    }

    private static func characterHelp(_ text: String) -> String? {
        guard let first = text.unicodeScalars.first else { return nil }
        switch first {
        case "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{00AB}", "\u{00BB}":
            return "use straight quotes \" or ' around text, not curly quotes"
        case "!": return "write '!=' for 'is not equal to', or 'not' before a condition"
        case "%": return "a percent sign goes right after a number, as in 80%"
        case "&": return "write 'and' to combine conditions"
        case "|": return "write 'or' to combine conditions"
        case ";": return "write each step on its own line"
        case ".": return "names cannot contain dots; write such a column name in backticks, as in `first.name`"
        default:
            return first.properties.isWhitespace ? "replace it with an ordinary space" : nil
        }
    }

    static func numberTooLarge(_ digits: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, "the number '\(digits)' is too large", at: range)
    }

    static func unknownEscape(_ escape: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, "unknown escape '\(escape)' in text", at: range,
                   help: "write '\\\\' for a backslash, or use '/' in file paths")
    }

    static func unterminatedString(quote: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, "unterminated string", at: range, help: "add a closing \(quote)")
    }

    static func unterminatedBacktickName(at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, "unterminated backtick name", at: range, help: "add a closing `")
    }

    static func emptyBacktickName(at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, "empty backtick name", at: range, help: "write the column name between the backticks")
    }

    static func indentation(_ problem: IndentationStack.Problem, at range: SourceRange) -> Diagnostic {
        switch problem {
        case .mixesTabsAndSpaces:
            return Diagnostic(.error, "indentation mixes tabs and spaces", at: range,
                              help: "indent all lines of a block the same way: with spaces only, or with tabs only")
        case .matchesNoOuterLevel:
            return Diagnostic(.error, "this line's indentation does not match any line above", at: range,
                              help: "indent it exactly like the other lines of its block, or not at all to start a new step")
        }
    }

    // MARK: - Layout

    static func unexpectedIndentation(at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, "unexpected indentation", at: range,
                   help: "only the operations of a 'clean' or 'feature' block are indented")
    }

    static func emptyBlock(_ step: String, header: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, "'\(step)' block is empty", at: range,
                   help: "write its operations on the lines below '\(header)', indented (for example by 4 spaces)")
    }

    static func expectedColon(atEndOf header: String, step: String, found: Token, at range: SourceRange) -> Diagnostic {
        let foundPart = found.endsLine ? "" : ", found \(found.description)"
        return Diagnostic(.error, "expected ':' at the end of '\(header)'\(foundPart)", at: range,
                          help: "a \(step) step is a header line ending in ':' followed by indented operations")
    }

    static func expectedEndOfLine(after step: String, found: Token, at range: SourceRange,
                                  help: String? = nil) -> Diagnostic {
        Diagnostic(.error, "expected end of line after the '\(step)' step, found \(found.description)",
                   at: range, help: help)
    }

    /// A clause written after one it must precede (`rfm ... as customers reference "..."`).
    static func misplacedClause(_ word: String, step: String, belongs place: String, corrected: String,
                                at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, "'\(word)' is in the wrong place: in the '\(step)' step it comes \(place)", at: range,
                   help: "write: \(corrected)")
    }

    static func expectedEndOfLine(afterOperation first: Token, found: Token, at range: SourceRange) -> Diagnostic {
        let context = Keyword(first) == nil ? "" : " after the '\(first.text)' operation"
        return Diagnostic(.error, "expected end of line\(context), found \(found.description)", at: range)
    }

    static func nestedTooDeeply(at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, Expr.tooDeeplyNested, at: range, help: Expr.tooDeeplyNestedHelp)
    }

    // MARK: - Steps and operations

    static func unknownStep(_ word: String, help: String?, at range: SourceRange) -> Diagnostic {
        let list = "the steps are: " + Parser.stepKeywords.joined(separator: ", ")
        return Diagnostic(.error, "unknown step '\(word)'", at: range, help: help ?? list)
    }

    static func expectedStep(found: Token, at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, "expected a step such as 'load' or 'clean' at the start of the line, found \(found.description)",
                   at: range)
    }

    static func unknownOperation(_ word: String, block: String, help: String?, at range: SourceRange) -> Diagnostic {
        let list = block == "clean"
            ? "clean operations are: " + Parser.cleanOperationKeywords.joined(separator: ", ")
            : "a feature line is 'name = expression' or one of: " + Parser.featureOperationKeywords.joined(separator: ", ")
        return Diagnostic(.error, "unknown \(block) operation '\(word)'", at: range, help: help ?? list)
    }

    static func expectedOperation(block: String, found: Token, at range: SourceRange) -> Diagnostic {
        let examples = block == "clean" ? "'drop' or 'fill'" : "'name = expression' or 'onehot'"
        return Diagnostic(.error, "expected a \(block) operation such as \(examples), found \(found.description)",
                          at: range)
    }

    static func belongsInBlock(_ word: String, block: String) -> String {
        "'\(word)' is a \(block) operation: write it on an indented line under '\(block) <table>:'"
    }

    static func assignmentBelongsInFeature(_ word: String) -> String {
        "to add the column '\(word)', write '\(word) = ...' on an indented line under 'feature <table>:'"
    }

    static func stepInsideBlock(_ word: String) -> String {
        "'\(word)' is a step: write it at the start of a line, without indentation"
    }

    // MARK: - Expected tokens

    /// "expected a table name after 'describe', found end of line"
    static func expected(_ what: String, after previous: Token?, found: Token, at range: SourceRange,
                         help: String? = nil) -> Diagnostic {
        let context = previous.map { " after \($0.description)" } ?? ""
        return Diagnostic(.error, "expected \(what)\(context), found \(found.description)", at: range, help: help)
    }

    /// "expected 'as' and a table name after the file name, found 'bank'"
    static func expected(_ what: String, found: Token, at range: SourceRange, help: String? = nil) -> Diagnostic {
        Diagnostic(.error, "expected \(what), found \(found.description)", at: range, help: help)
    }

    static func expectedExpression(after previous: Token?, found: Token, at range: SourceRange,
                                   help: String? = nil) -> Diagnostic {
        expected("an expression", after: previous, found: found, at: range, help: help)
    }

    static func reservedWordHelp(_ word: String) -> String {
        "'\(word)' is a reserved word; a column with that name is written in backticks: `\(word)`"
    }

    static func chainedComparison(_ found: Token, at range: SourceRange) -> Diagnostic {
        Diagnostic(.error, "expected 'and' or 'or' before another comparison, found \(found.description)",
                   at: range, help: "write: age > 18 and age < 65")
    }

    /// Points at the opening bracket, which is where the fix usually belongs.
    static func unclosed(_ open: Token, found: Token, at range: SourceRange) -> Diagnostic {
        let (closing, what) = open.kind == .leftBracket ? ("]", "list") : (")", "bracket")
        return Diagnostic(.error, "expected '\(closing)' to close the \(what) opened here", at: range,
                          notes: ["found \(found.description) before the closing '\(closing)'"])
    }
}
