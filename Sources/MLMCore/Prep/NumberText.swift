/// Turning numbers into text for cells, labels and messages.
enum NumberText {
    /// The shortest text that reads back as the same number: 25, 2.5, 1000, 0.1, 1e+20.
    /// Used when a number becomes a cell's text, where no precision may be lost.
    static func exact(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "" : (value > 0 ? "inf" : "-inf") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// At most six significant digits: 25, 2.5, 1000, 36.6667. Used in bin labels and
    /// messages, where 36.666666666666664 would only get in the way.
    static func label(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return exact(value) }
        let magnitude = Int((abs(value)).log10Floor)
        let decimals = max(0, min(15, 5 - magnitude))
        let scale = power10(decimals)
        let rounded = (value * scale).rounded() / scale
        return exact(rounded.isFinite ? rounded : value)
    }

    /// "90%" for 0.9, "33.3333%" for 1/3.
    static func percent(_ share: Double) -> String { label(share * 100) + "%" }

    /// Text for a boolean cell.
    static func boolean(_ value: Double) -> String { value != 0 ? "true" : "false" }

    private static func power10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}

private extension Double {
    /// ⌊log10(self)⌋ for positive finite values, without rounding surprises at powers of ten.
    var log10Floor: Double {
        var exponent = 0.0
        var scaled = self
        while scaled >= 10 { scaled /= 10; exponent += 1 }
        while scaled < 1 { scaled *= 10; exponent -= 1 }
        return exponent
    }
}
