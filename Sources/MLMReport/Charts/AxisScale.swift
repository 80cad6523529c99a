import Foundation
import MLMCore

/// Maps data values to pixels along one axis, with "nice" tick values (1, 2 or 5 × 10ⁿ).
struct AxisScale {
    let lower: Double
    let upper: Double
    let start: Double
    let end: Double

    init(lower: Double, upper: Double, start: Double, end: Double) {
        let span = upper - lower
        self.lower = span.isFinite && span > 0 ? lower : lower - 0.5
        self.upper = span.isFinite && span > 0 ? upper : lower + 0.5
        self.start = start
        self.end = end
    }

    /// A scale whose ends are rounded out to tick values, covering `values` (and zero when asked).
    static func nice(_ values: [Double], includeZero: Bool = false, start: Double, end: Double) -> AxisScale {
        let finite = values.filter(\.isFinite) + (includeZero ? [0] : [])
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        let step = tickStep(low, high, count: 5)
        return AxisScale(lower: (low / step).rounded(.down) * step, upper: (high / step).rounded(.up) * step,
                         start: start, end: end)
    }

    func position(_ value: Double) -> Double {
        let clamped = min(max(value, lower), upper)
        return start + (clamped - lower) / (upper - lower) * (end - start)
    }

    var ticks: [Double] {
        let step = AxisScale.tickStep(lower, upper, count: 5)
        let first = (lower / step).rounded(.up)
        let last = (upper / step).rounded(.down)
        guard first <= last, last - first < 50 else { return [lower, upper] }
        return stride(from: first, through: last, by: 1).map { $0 * step }
    }

    static func tickStep(_ low: Double, _ high: Double, count: Int) -> Double {
        let span = high - low
        guard span.isFinite, span > 0 else { return 1 }
        let raw = span / Double(count)
        let magnitude = pow10(Int((log10(raw)).rounded(.down)))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }

    private static func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        if exponent >= 0 { for _ in 0..<exponent { value *= 10 } } else { for _ in 0..<(-exponent) { value /= 10 } }
        return value
    }

    /// Tick text: as few decimals as the step needs, grouped thousands.
    func label(_ value: Double) -> String {
        let step = AxisScale.tickStep(lower, upper, count: 5)
        let decimals = step >= 1 ? 0 : min(6, Int((-log10(step)).rounded(.up)))
        if decimals == 0 && abs(value) < 1e15 { return ValueText.grouped(Int(value.rounded())) }
        return ValueText.rounded(value, decimals: decimals)
    }
}
