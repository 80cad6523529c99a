import Testing
@testable import MLMSyntax

@Suite struct ParserExpressionTests {
    /// The prefix every expression is embedded in: a feature assignment, so the expression
    /// starts at byte offset `prefix.utf8.count`.
    private static let prefix = "feature t: x = "

    /// The expression of `x = <text>`, or nil when it did not parse cleanly.
    private func expression(_ text: String) -> Expr? {
        guard case .feature(let feature)? = singleStatement(ParserExpressionTests.prefix + text)?.kind,
              case .derive(_, let expr)? = feature.operations.first?.kind else { return nil }
        return expr
    }

    private func tree(_ text: String) -> String? { expression(text).map(sexpr) }

    /// Where `fragment` sits in the expression text, as a range in the whole script.
    private func range(of fragment: String, in text: String, occurrence: Int = 0) -> SourceRange? {
        rangeOf(fragment, in: ParserExpressionTests.prefix + text, occurrence: occurrence)
    }

    // MARK: - Precedence and associativity

    @Test func multiplicationBindsTighterThanAddition() {
        #expect(tree("1 + 2 * 3") == "(+ 1 (* 2 3))")
        #expect(tree("1 * 2 + 3") == "(+ (* 1 2) 3)")
        #expect(tree("a / b - c") == "(- (/ a b) c)")
    }

    @Test func additionAndMultiplicationAreLeftAssociative() {
        #expect(tree("1 - 2 - 3") == "(- (- 1 2) 3)")
        #expect(tree("8 / 4 / 2") == "(/ (/ 8 4) 2)")
    }

    @Test func powerIsRightAssociativeAndAboveUnaryMinus() {
        #expect(tree("2 ^ 3 ^ 2") == "(^ 2 (^ 3 2))")
        #expect(tree("-2 ^ 2") == "(- (^ 2 2))")
        #expect(tree("2 ^ -1") == "(^ 2 -1)")
        #expect(tree("a * b ^ 2") == "(* a (^ b 2))")
    }

    @Test func minusBeforeALiteralFoldsIntoIt() {
        #expect(expression("-1")?.kind == .number(-1))
        #expect(expression("-5%")?.kind == .percent(-5))
        #expect(tree("- - 3") == "3")
        #expect(tree("-balance") == "(- balance)")
        #expect(tree("1 - -2") == "(- 1 -2)")
    }

    @Test func comparisonsBindLooserThanArithmetic() {
        #expect(tree("a + 1 > b * 2") == "(> (+ a 1) (* b 2))")
        #expect(tree("a = 1") == "(= a 1)")
        #expect(tree("a == 1") == "(= a 1)")
        #expect(tree("a != 1") == "(!= a 1)")
        #expect(tree("a <> 1") == "(!= a 1)")
        #expect(tree("a <= 1") == "(<= a 1)")
        #expect(tree("a >= 1") == "(>= a 1)")
        #expect(tree("a < 1") == "(< a 1)")
    }

    @Test func andBindsTighterThanOrAndNotTighterThanAnd() {
        #expect(tree("a or b and c") == "(or a (and b c))")
        #expect(tree("a and b or c") == "(or (and a b) c)")
        #expect(tree("not a and b") == "(and (not a) b)")
        #expect(tree("not a = 1") == "(not (= a 1))")
        #expect(tree("not not a") == "(not (not a))")
        #expect(tree("a or b or c") == "(or (or a b) c)")
    }

    @Test func missingAndMembershipTests() {
        #expect(tree("balance is missing") == "(is-missing balance)")
        #expect(tree("balance is not missing") == "(is-not-missing balance)")
        #expect(tree("job in [\"a\", \"b\"]") == "(in job [\"a\", \"b\"])")
        #expect(tree("job not in [1, 2,]") == "(not-in job [1, 2])")
        #expect(tree("age + 1 in []") == "(in (+ age 1) [])")
        #expect(tree("a is missing or b in [1]") == "(or (is-missing a) (in b [1]))")
    }

    @Test func parenthesesOverridePrecedence() {
        #expect(tree("(1 + 2) * 3") == "(* (+ 1 2) 3)")
        #expect(tree("not (a or b)") == "(not (or a b))")
        #expect(tree("(a > 1) = true") == "(= (> a 1) true)")
    }

    @Test func literalsAndNames() {
        #expect(tree("true") == "true")
        #expect(tree("false") == "false")
        #expect(tree("missing") == "missing")
        #expect(tree("'text'") == "\"text\"")
        #expect(tree("`Annual Income (k$)`") == "Annual Income (k$)")
        #expect(tree("`in` + 1") == "(+ in 1)")
        #expect(tree("[1, [2, 3]]") == "[1, [2, 3]]")
    }

    @Test func callsTakeAnyExpressionsAsArguments() {
        #expect(tree("if(age >= 65, \"yes\", \"no\")") == "if((>= age 65), \"yes\", \"no\")")
        #expect(tree("now()") == "now()")
        #expect(tree("log (x)") == "log(x)")
        #expect(tree("max(a, b) ^ 2") == "(^ max(a, b) 2)")
    }

    @Test func bracketedExpressionsMaySpanLines() {
        #expect(tree("if(age >= 65,\n        \"yes\",\n        \"no\")") == "if((>= age 65), \"yes\", \"no\")")
    }

    // MARK: - Ranges

    @Test func binaryNodeCoversBothOperands() throws {
        let text = "balance + 10 * rate"
        let expr = try #require(expression(text))
        #expect(expr.range == range(of: text, in: text))
        guard case .chain(let left, let links) = expr.kind, let right = links.first?.operand else {
            Issue.record("not a chain"); return
        }
        #expect(left.range == range(of: "balance", in: text))
        #expect(right.range == range(of: "10 * rate", in: text))
    }

    @Test func callCoversNameThroughClosingParenthesis() throws {
        let text = "1 + max(balance, 0)"
        let expr = try #require(expression(text))
        guard case .chain(_, let links) = expr.kind, let call = links.first?.operand,
              case .call(let name, let arguments) = call.kind else {
            Issue.record("not a call"); return
        }
        #expect(call.range == range(of: "max(balance, 0)", in: text))
        #expect(name.range == range(of: "max", in: text))
        #expect(arguments.map(\.range) == [range(of: "balance", in: text), range(of: "0", in: text)])
    }

    @Test func parenthesesAreInsideTheRange() throws {
        let text = "(a + b) * c"
        let expr = try #require(expression(text))
        guard case .chain(let left, let links) = expr.kind, links.map(\.op) == [.multiply] else {
            Issue.record("not a product"); return
        }
        #expect(left.range == range(of: "(a + b)", in: text))
        #expect(expr.range == range(of: text, in: text))
    }

    @Test func unaryAndFoldedRangesStartAtTheSign() throws {
        let negated = try #require(expression("-balance"))
        #expect(negated.range == range(of: "-balance", in: "-balance"))
        let folded = try #require(expression("- 12"))
        #expect(folded.range == range(of: "- 12", in: "- 12"))
        let notExpr = try #require(expression("not a"))
        #expect(notExpr.range == range(of: "not a", in: "not a"))
    }

    @Test func testsCoverOperandThroughTheirLastWord() throws {
        let missing = "x is not missing"
        #expect(try #require(expression(missing)).range == range(of: missing, in: missing))
        let membership = "job not in [\"a\"]"
        let expr = try #require(expression(membership))
        #expect(expr.range == range(of: membership, in: membership))
        guard case .isIn(let operand, let items, true) = expr.kind else { Issue.record("not in"); return }
        #expect(operand.range == range(of: "job", in: membership))
        #expect(items.first?.range == range(of: "\"a\"", in: membership))
    }

    @Test func listAndPercentRanges() throws {
        let text = "[80%, 'b']"
        let expr = try #require(expression(text))
        #expect(expr.range == range(of: text, in: text))
        guard case .list(let items) = expr.kind else { Issue.record("not a list"); return }
        #expect(items.map(\.range) == [range(of: "80%", in: text), range(of: "'b'", in: text)])
    }

    @Test func rangeOptionCoversBothEnds() throws {
        let text = "segment c with kmeans k 2..8 on a as s"
        let statement = try #require(singleStatement(text))
        guard case .segment(let segment) = statement.kind, let option = segment.options.first,
              let value = option.value else { Issue.record("no option"); return }
        #expect(value.range == rangeOf("2..8", in: text))
        #expect(option.range == rangeOf("k 2..8", in: text))
    }
}
