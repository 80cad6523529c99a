/// What the cells of one column (seen so far) could all be. Inference is on every row, not a
/// sample: one cell that does not fit rules a type out.
struct ColumnEvidence {
    struct Kinds: OptionSet {
        let rawValue: UInt8
        static let boolean = Kinds(rawValue: 1 << 0)
        static let dotInteger = Kinds(rawValue: 1 << 1)
        static let dotNumber = Kinds(rawValue: 1 << 2)
        static let commaInteger = Kinds(rawValue: 1 << 3)
        static let commaNumber = Kinds(rawValue: 1 << 4)
        static let date = Kinds(rawValue: 1 << 5)
        static let dot: Kinds = [.dotInteger, .dotNumber]
        static let comma: Kinds = [.commaInteger, .commaNumber]
    }

    var possible: Kinds
    var nonMissing = 0
    /// Some cell had a `,` fraction (a vote for decimal comma).
    var sawDecimalComma = false
    /// Some cell was a dot number that cannot be read with decimal comma, like `1.5` (a vote against).
    var sawDotOnlyDecimal = false
    /// What the numeric day/month dates so far say about their order (examples as field references).
    var dateOrder = DateOrderEvidence<UInt64>()

    init(commaNumbersPossible: Bool) {
        possible = [.boolean, .dotInteger, .dotNumber, .date]
        if commaNumbersPossible { possible.formUnion(.comma) }
    }

    /// Looks at one non-missing cell (`field` locates it for messages); returns its value in the
    /// one family of types still open (a boolean, a dot-mode number or a month-first date; nan
    /// otherwise), so a typed column is parsed in the same pass that types it.
    @inline(__always)
    mutating func observe(_ p: UnsafePointer<UInt8>, _ count: Int, field: UInt64) -> Double {
        nonMissing += 1
        var value = Double.nan
        if possible.contains(.boolean) {
            if let flag = CellRules.parseBoolean(p, count) { value = flag } else { possible.remove(.boolean) }
        }
        var dotDecimal = false
        if !possible.isDisjoint(with: .dot) {
            if let number = NumberParsing.parseDot(p, count, strict: true) {
                value = number.value
                dotDecimal = !number.isInteger
                if !number.isInteger { possible.remove(.dotInteger) }
            } else {
                possible.subtract(.dot)
            }
        }
        if !possible.isDisjoint(with: .comma) {
            observeComma(p, count, dotDecimal: dotDecimal)
        } else if dotDecimal {
            sawDotOnlyDecimal = true
        }
        if possible.contains(.date), let date = observeDate(p, count, field: field) { value = date }
        return value
    }

    @inline(__always)
    private mutating func observeComma(_ p: UnsafePointer<UInt8>, _ count: Int, dotDecimal: Bool) {
        if let parsed = NumberParsing.parseComma(p, count, strict: true) {
            if !parsed.number.isInteger { possible.remove(.commaInteger) }
            if parsed.hasDecimalComma { sawDecimalComma = true }
        } else {
            possible.subtract(.comma)
            if dotDecimal { sawDotOnlyDecimal = true }
        }
    }

    /// The month-first value (nan when only day-first works; the column is then re-read). A
    /// column whose dates fit only day first in some cells and only month first in others
    /// keeps `.date` possible: the plan makes it text and the reader says why.
    @inline(__always)
    private mutating func observeDate(_ p: UnsafePointer<UInt8>, _ count: Int, field: UInt64) -> Double? {
        guard let date = DateParsing.parse(p, count) else {
            possible.remove(.date)
            return nil
        }
        dateOrder.observe(date, at: field)
        return date.monthFirst
    }

    mutating func merge(_ other: ColumnEvidence) {
        possible.formIntersection(other.possible)
        nonMissing += other.nonMissing
        sawDecimalComma = sawDecimalComma || other.sawDecimalComma
        sawDotOnlyDecimal = sawDotOnlyDecimal || other.sawDotOnlyDecimal
        dateOrder.merge(other.dateOrder)
    }

    /// This column says the file uses decimal commas: all comma numbers, one with a `,` fraction.
    var votesForDecimalComma: Bool { possible.contains(.commaNumber) && sawDecimalComma }

    /// This column says the file uses decimal points: all dot numbers, one that only reads that way.
    var votesForDecimalPoint: Bool { possible.contains(.dotNumber) && sawDotOnlyDecimal }
}
