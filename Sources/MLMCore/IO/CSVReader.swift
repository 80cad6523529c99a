/// Reads CSV files into typed data frames, with no options needed for the usual exports.
///
/// The rules, in short (details in the files named):
/// - Quoting (`FieldScanner`): RFC 4180 plus leniency; unquoted fields are trimmed, quoted ones
///   kept as written; CRLF, LF and old-Mac CR line ends; blank lines are not rows.
/// - Delimiter (`DelimiterDetection`): `,` `;` tab `|`, whichever splits the first 50 records
///   most consistently; runs of spaces when none fits and they do. Encoding (`TextDecoding`): UTF-8 (BOM dropped), else Windows-1252.
/// - Missing (`CellRules`): empty, `""`, `NA`, `N/A`, `null`, `NULL`, `NaN`, `nan`.
/// - Types (`ColumnPlan`), decided on every row: boolean (`true`/`false` in three casings), then
///   integer (no leading zeros, below 2^53), number (`1.5`, `.5`, `7.5E-05`; `1,234.56` is
///   text), date (the forms of `DateParsing`; day/month order per column, `DateOrder`), else
///   category or text (`CategoryRule`: at most 20 distinct values, or up to 1,000 that fill 5
///   cells each on average).
/// - Decimal comma (`NumberParsing`): with `;` or tab delimiters, `1.234,56` and `3,5` are
///   numbers when more columns read that way than as dot decimals.
public enum CSVReader {
    public static func read(path: String, options: CSVReadOptions = .init()) throws(CSVError) -> (DataFrame, CSVReadReport) {
        let bytes = try FileBytes.read(path: path)
        var (frame, report) = try read(bytes: bytes, options: options)
        frame.lineage = RowLineage(path: path, options: options)
        return (frame, report)
    }

    /// Why these bytes (a whole file or its start) cannot be CSV text, the way `read` would say
    /// it: UTF-16/32, a workbook, a PDF, a NUL byte. Nil when nothing rules them out.
    public static func notTextProblem(_ bytes: [UInt8]) -> CSVError? {
        do {
            try EncodingSniffing.refuseUnreadable(bytes)
            return nil
        } catch {
            return error
        }
    }

    public static func read(bytes: [UInt8], options: CSVReadOptions = .init()) throws(CSVError) -> (DataFrame, CSVReadReport) {
        try validate(options)
        let text = try TextDecoding.decode(bytes, forced: options.encoding)
        let outcome = text.bytes.withUnsafeBufferPointer { buffer -> Result<(DataFrame, CSVReadReport), CSVError> in
            guard let base = buffer.baseAddress else { return .failure(CSVError(message: "the file is empty")) }
            let reading = TableReading(base: base, end: buffer.count, start: text.start, options: options)
            do throws(CSVError) {
                let (frame, report) = try reading.run()
                return .success((frame, finish(report, text)))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    private static func finish(_ report: CSVReadReport, _ text: DecodedText) -> CSVReadReport {
        var report = report
        report.encoding = text.encoding
        report.hadByteOrderMark = text.hadByteOrderMark
        return report
    }

    private static func validate(_ options: CSVReadOptions) throws(CSVError) {
        guard case .character(let byte)? = options.separator, let problem = FieldSeparator.problem(with: byte) else { return }
        throw CSVError(message: problem)
    }

    /// Parses one cell's text as a number the way inference does, except that leading zeros
    /// (`01234` → 1234) and very long whole numbers are accepted: a `cast` is an explicit choice.
    /// With `decimalComma`, `1.234,56` is 1234.56 (and a plain `1.5` still reads as 1.5).
    public static func parseNumber(_ text: String, decimalComma: Bool) -> Double? {
        CellRules.withTrimmedBytes(text) { p, count in parseNumberBytes(p, count, decimalComma: decimalComma) }
    }

    /// A date or date-time as days since 1970-01-01 (time of day as a fraction). A slash date is
    /// read month first (`03/04/2024` is March 4) unless that is impossible (`13/04/2024`).
    public static func parseDate(_ text: String) -> Double? {
        CellRules.withTrimmedBytes(text) { p, count -> Double? in
            guard let date = DateParsing.parse(p, count) else { return nil }
            return date.monthFirst.isNaN ? date.dayFirst : date.monthFirst
        }
    }

    /// `true`/`TRUE`/`True` and `false`/`FALSE`/`False`; anything else is nil.
    public static func parseBoolean(_ text: String) -> Bool? {
        CellRules.withTrimmedBytes(text) { p, count in CellRules.parseBoolean(p, count).map { $0 == 1 } }
    }

    static func parseNumberBytes(_ p: UnsafePointer<UInt8>, _ count: Int, decimalComma: Bool) -> Double? {
        if CellRules.isMissing(p, count) { return nil }
        if decimalComma, let parsed = NumberParsing.parseComma(p, count, strict: false) {
            return parsed.number.value
        }
        return NumberParsing.parseDot(p, count, strict: false)?.value
    }
}
