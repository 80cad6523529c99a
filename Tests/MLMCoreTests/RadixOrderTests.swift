import Testing
@testable import MLMCore

/// The radix sort behind tree presorting, boosting's bins, `describe` and the quantile steps
/// must order exactly like the standard sort.
@Suite struct RadixOrderTests {
    @Test func ordersLikeTheStandardSort() {
        var generator = SeededGenerator(seed: 7)
        var values: [Double] = [0, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
                                .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1, -1]
        for i in 0..<5_000 {
            let unit = generator.nextUnit()
            switch i % 4 {
            case 0: values.append((unit - 0.5) * 1e6)           // both signs, wide range
            case 1: values.append(Double(Int(unit * 40)))     // many repeats
            case 2: values.append(-unit * 1e-300)             // tiny negatives
            default: values.append(unit * 3.5e38)
            }
        }
        let sorted = RadixOrder.sorted(values)
        #expect(sorted.count == values.count)
        #expect(sorted.elementsEqual(values.sorted()) { $0 == $1 })
    }

    @Test func sharedHighDigitsAndShortInputs() {
        let close = (0..<2_000).map { 1_000_000 + Double(($0 * 7_919) % 2_000) }
        #expect(RadixOrder.sorted(close) == close.sorted())
        #expect(RadixOrder.sorted([3, 1, 2]) == [1, 2, 3])
        #expect(RadixOrder.sorted([]) == [])
    }
}
