import MLMCore

/// Builds long operator chains over the small table `ChainGenerator.csv`, each with the value it
/// must give, worked out here row by row with the same operations in the same order (so the
/// evaluator's column-at-a-time results must match bit for bit). Seeded and bounded.
struct ChainGenerator {
    /// Rows: a = 1, 2, missing; b = 2, 0.5, 4; t = true, false, missing; f = false, true, false.
    static let csv = "a,b,t,f,s\n1,2,true,false,x\n2,0.5,false,true,yy\n,4,,false,z\n"
    static let rows = 3

    enum Expected: Equatable {
        case numbers([Double?])
        case texts([String?])
        /// A clean diagnostic whose message contains this text.
        case diagnostic(String)
    }

    struct Case {
        let name: String
        let expression: String
        let expected: Expected
    }

    private var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    private static let a: [Double?] = [1, 2, nil]
    private static let b: [Double?] = [2, 0.5, 4]
    private static let t: [Double?] = [1, 0, nil]
    private static let f: [Double?] = [0, 1, 0]

    private mutating func pick<T>(_ items: [T]) -> T { items[random.nextInt(below: items.count)] }

    private static func apply(_ x: [Double?], _ y: [Double?], _ op: (Double, Double) -> Double) -> [Double?] {
        zip(x, y).map { l, r in
            guard let l, let r else { return nil }
            return op(l, r)
        }
    }

    private static func arithmetic(_ op: String) -> (Double, Double) -> Double {
        switch op {
        case "+": return (+)
        case "-": return (-)
        case "*": return (*)
        default: return (/)
        }
    }

    private static func constant(_ value: Double) -> [Double?] { Array(repeating: value, count: rows) }

    // MARK: - Arithmetic

    /// `+`/`-` between products of one to three factors: `a * 2 - b / 0.5 + 3 ...`.
    mutating func sum(terms: Int) -> (String, [Double?]) {
        var (text, value) = product(factors: 1 + random.nextInt(below: 3))
        for _ in 1..<max(1, terms) {
            let (termText, term) = product(factors: 1 + random.nextInt(below: 3))
            let plus = random.nextInt(below: 2) == 0
            text += (plus ? " + " : " - ") + termText
            value = Self.apply(value, term, plus ? (+) : (-))
        }
        return (text, value)
    }

    private mutating func product(factors: Int) -> (String, [Double?]) {
        let atoms: [(String, [Double?])] = [("a", Self.a), ("b", Self.b), ("2", Self.constant(2)),
                                            ("0.5", Self.constant(0.5)), ("3", Self.constant(3))]
        var (text, value) = pick(atoms)
        for _ in 1..<max(1, factors) {
            let (atomText, atom) = pick(atoms)
            let times = random.nextInt(below: 2) == 0
            text += (times ? " * " : " / ") + atomText
            value = Self.apply(value, atom, times ? (*) : (/))
        }
        return (text, value)
    }

    /// One long `*`/`/` chain; each step is flipped when it would leave [1e-100, 1e100], so the
    /// value stays an ordinary finite number however long the chain is.
    mutating func longProduct(terms: Int) -> (String, [Double?]) {
        let factors: [(String, [Double?])] = [("b", Self.b), ("2", Self.constant(2)), ("0.5", Self.constant(0.5)), ("a", Self.a)]
        var text = "b"
        var value = Self.b
        for _ in 1..<max(1, terms) {
            let (factorText, factor) = pick(factors)
            var times = random.nextInt(below: 2) == 0
            let tried = Self.apply(value, factor, times ? (*) : (/))
            if tried.contains(where: { $0.map { abs($0) > 1e100 || abs($0) < 1e-100 } ?? false }) { times.toggle() }
            text += (times ? " * " : " / ") + factorText
            value = Self.apply(value, factor, times ? (*) : (/))
        }
        return (text, value)
    }

    // MARK: - Conditions

    /// `or` between `and` groups of conditions, three-valued as the evaluator is.
    mutating func condition(terms: Int) -> (String, [Double?]) {
        var (text, value) = conjunction(atoms: 1 + random.nextInt(below: 3))
        var made = 1
        while made < terms {
            let count = min(terms - made, 1 + random.nextInt(below: 3))
            let (groupText, group) = conjunction(atoms: count)
            text += " or " + groupText
            value = Self.kleene(value, group, and: false)
            made += count
        }
        return (text, value)
    }

    private mutating func conjunction(atoms: Int) -> (String, [Double?]) {
        let choices: [(String, [Double?])] = [
            ("t", Self.t), ("f", Self.f), ("a > 1", [0, 1, nil]), ("b <= 2", [1, 1, 0]),
            ("not t", [0, 1, nil]), ("a is missing", [0, 0, 1]), ("s = \"yy\"", [0, 1, 0]), ("b in [4, 0.5]", [0, 1, 1]),
        ]
        var (text, value) = pick(choices)
        for _ in 1..<max(1, atoms) {
            let (atomText, atom) = pick(choices)
            text += " and " + atomText
            value = Self.kleene(value, atom, and: true)
        }
        return (text, value)
    }

    private static func kleene(_ x: [Double?], _ y: [Double?], and: Bool) -> [Double?] {
        zip(x, y).map { l, r in
            let decisive: Double = and ? 0 : 1
            if l == decisive || r == decisive { return decisive }
            return l == nil || r == nil ? nil : 1 - decisive
        }
    }

    // MARK: - Text

    mutating func text(terms: Int) -> (String, [String?]) {
        var text = "s"
        var value = ["x", "yy", "z"]
        for _ in 1..<max(1, terms) {
            let piece = pick(["s", "\"-\"", "\"ab\""])
            text += " + " + piece
            let added = piece == "s" ? ["x", "yy", "z"] : Array(repeating: piece == "\"-\"" ? "-" : "ab", count: Self.rows)
            value = zip(value, added).map { $0 + $1 }
        }
        return (text, value)
    }

    // MARK: - Cases

    /// Long chains of every operator, alone and as function arguments, at the given lengths.
    mutating func longChains(lengths: [Int]) -> [Case] {
        var cases: [Case] = []
        for n in lengths {
            let (sumText, sum) = sum(terms: n)
            cases.append(Case(name: "+ - of \(n)", expression: sumText, expected: .numbers(sum)))
            let (productText, product) = longProduct(terms: n)
            cases.append(Case(name: "* / of \(n)", expression: productText, expected: .numbers(product)))
            let (conditionText, condition) = condition(terms: n)
            cases.append(Case(name: "and/or of \(n)", expression: "if(\(conditionText), 1, 0)",
                              expected: .numbers(condition.map { $0.map { $0 == 1 ? 1 : 0 } })))
            // Joining text grows every cell at each link (quadratic work, not stack), so a
            // shorter chain keeps the test quick.
            let (textText, text) = text(terms: min(n, 5_000))
            cases.append(Case(name: "text + of \(min(n, 5_000))", expression: textText, expected: .texts(text)))
            cases.append(Case(name: "abs() of \(n)", expression: "abs(\(sumText))", expected: .numbers(sum.map { $0.map(abs) })))
            let (otherText, other) = self.sum(terms: n / 2 + 1)
            let chosen = zip(condition, zip(sum, other)).map { c, v -> Double? in c.flatMap { $0 == 1 ? v.0 : v.1 } }
            cases.append(Case(name: "if() of \(n)", expression: "if(\(conditionText), \(sumText), \(otherText))",
                              expected: .numbers(chosen)))
            let arguments = Array(repeating: "b", count: n).joined(separator: ", ")
            cases.append(Case(name: "max() of \(n) arguments", expression: "max(\(arguments))", expected: .numbers(Self.b)))
            let list = Array(repeating: "3", count: n).joined(separator: ", ")
            cases.append(Case(name: "in of \(n) items", expression: "if(b in [\(list), 2], 1, 0)", expected: .numbers([1, 0, 0])))
            let compared = (0..<n).map { _ in pick(["a", "b", "1"]) }.joined(separator: pick([" < ", " = ", " >= "]))
            cases.append(Case(name: "comparisons of \(n)", expression: compared, expected: .diagnostic("before another comparison")))
            cases.append(Case(name: "^ of \(n)", expression: "b" + String(repeating: " ^ 1", count: n),
                              expected: .diagnostic("nested too deeply")))
            cases.append(Case(name: "unary - of \(n)", expression: String(repeating: "- ", count: n) + "a",
                              expected: .diagnostic("nested too deeply")))
            cases.append(Case(name: "not of \(n)", expression: "if(" + String(repeating: "not ", count: n) + "t, 1, 0)",
                              expected: .diagnostic("nested too deeply")))
        }
        return cases
    }

    /// The longest chains, of the three kinds of operator level (+ -, * /, and/or).
    mutating func longestChains(terms n: Int) -> [Case] {
        let (sumText, sum) = sum(terms: n)
        let (productText, product) = longProduct(terms: n)
        let (conditionText, condition) = condition(terms: n)
        return [
            Case(name: "+ - of \(n)", expression: sumText, expected: .numbers(sum)),
            Case(name: "* / of \(n)", expression: productText, expected: .numbers(product)),
            Case(name: "and/or of \(n)", expression: "if(\(conditionText), 1, 0)",
                 expected: .numbers(condition.map { $0.map { $0 == 1 ? 1 : 0 } })),
        ]
    }

    /// Nesting on either side of `Expr.maximumNesting`: within it the value, beyond it the
    /// nesting message, never a crash.
    mutating func nesting(depths: [Int], limit: Int) -> [Case] {
        var cases: [Case] = []
        for depth in depths {
            let tooDeep = depth > limit
            func expect(_ value: [Double?]) -> Expected { tooDeep ? .diagnostic("nested too deeply") : .numbers(value) }
            let sign: Double = depth % 2 == 0 ? 1 : -1
            cases.append(Case(name: "\(depth) minus signs", expression: String(repeating: "- ", count: depth) + "a",
                              expected: expect(Self.a.map { $0.map { $0 * sign } })))
            let notted = depth % 2 == 0 ? Self.t : Self.t.map { $0.map { 1 - $0 } }
            cases.append(Case(name: "\(depth) nots", expression: "if(" + String(repeating: "not ", count: depth) + "t, 1, 0)",
                              expected: expect(notted)))
            cases.append(Case(name: "\(depth) brackets", expression: String(repeating: "(", count: depth) + "a"
                                + String(repeating: ")", count: depth), expected: expect(Self.a)))
            cases.append(Case(name: "\(depth) calls", expression: String(repeating: "abs(", count: depth) + "b"
                                + String(repeating: ")", count: depth), expected: expect(Self.b)))
            cases.append(Case(name: "\(depth) powers", expression: "b" + String(repeating: " ^ 1", count: depth),
                              expected: expect(Self.b)))
            // ((((a + 1) * 2) - b) / 2 ...: every bracket opens a chain inside a chain.
            var text = "a"
            var value = Self.a
            for _ in 0..<depth {
                let (op, name, operand): (String, String, [Double?]) = pick([
                    ("+", "1", Self.constant(1)), ("*", "2", Self.constant(2)), ("-", "b", Self.b), ("/", "2", Self.constant(2)),
                ])
                text = "(\(text) \(op) \(name))"
                value = Self.apply(value, operand, Self.arithmetic(op))
            }
            cases.append(Case(name: "\(depth) bracketed chains", expression: text, expected: expect(value)))
            if tooDeep {
                cases.append(Case(name: "\(depth) lists", expression: "a in " + String(repeating: "[", count: depth) + "1"
                                    + String(repeating: "]", count: depth), expected: .diagnostic("nested too deeply")))
            }
        }
        return cases
    }
}
