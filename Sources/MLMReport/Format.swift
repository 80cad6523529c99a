import MLMCore

/// Short names for the renderers; the rules themselves live in ValueText (one place for the
/// terminal, the reports and the runtime's messages).
enum Format {
    static func count(_ value: Int) -> String { ValueText.grouped(value) }

    static func plural(_ value: Int, _ noun: String, _ plural: String? = nil) -> String {
        ValueText.counted(value, noun, plural: plural)
    }

    static func percent(_ share: Double) -> String { ValueText.percent(share) }

    /// Four significant digits for computed values: 40.94, 0.1234, 1,362.
    static func summary(_ value: Double) -> String { ValueText.summary(value) }
}
