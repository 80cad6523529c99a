// The segmentation steps besides `segment`: rfm, profile and name.

extension SyntaxParser {
    static let shapeOfRfm = "write: rfm orders by CustomerID date InvoiceDate amount Quantity * UnitPrice as customers"

    /// `rfm NAME by NAME date NAME amount SUM [invoice NAME] [reference STRING] as NAME`
    mutating func parseRfm() throws(SyntaxError) -> Statement.Kind {
        let table = try parseName("a table of transactions")
        try expectClause(.by, "'by' and the customer column after the table name")
        let customer = try parseName("the customer column")
        try expectClause(.date, "'date' and the date column after the customer column")
        let date = try parseName("the date column")
        try expectClause(.amount, "'amount' and the amount of each transaction (a column or an expression)")
        let amount = try parseAdditiveExpression(expecting: "the amount, such as Quantity * UnitPrice")
        let invoice = try accept(.invoice) != nil ? parseName("the invoice column") : nil
        let reference = try accept(.reference) != nil ? parseQuoted("a date in quotes", help: "write: reference \"2011-12-10\"") : nil
        try expectClause(.as, "'as' and the name of the new customer table")
        let output = try parseName("a name for the customer table")
        return .rfm(RfmStatement(table: table, customer: customer, date: date, amount: amount,
                                 invoice: invoice, reference: reference, output: output))
    }

    /// `profile NAME by NAME [columns NAMES]`
    mutating func parseProfile() throws(SyntaxError) -> Statement.Kind {
        let table = try parseName("a table name")
        try expect(.by) { found in
            SyntaxMessages.expected("'by' and the segment column after the table name", found: found,
                                    at: found.spot, help: "write: profile customers by segment")
        }
        let segment = try parseName("the segment column")
        var columns: [Identifier] = []
        if acceptColumnWord() { columns = try parseNameList("a column name") }
        return .profile(ProfileStatement(table: table, segment: segment, columns: columns))
    }

    /// `name NAME NUMBER STRING`
    mutating func parseNameSegment() throws(SyntaxError) -> Statement.Kind {
        let help = "write: name segment 2 \"Big spenders\""
        let segmentation = try parseName("the segmentation (the column 'segment' wrote)")
        let segment = try parseAdditiveExpression(expecting: "the segment number")
        let label = try parseQuoted("the segment's name in quotes", help: help)
        return .nameSegment(NameSegmentStatement(segmentation: segmentation, segment: segment, label: label))
    }

    private mutating func parseQuoted(_ what: String, help: String) throws(SyntaxError) -> PathLiteral {
        guard current.kind == .string else {
            throw failure(SyntaxMessages.expected(what, after: previous, found: current, at: current.spot, help: help))
        }
        let token = advance()
        return PathLiteral(token.text, range: token.range)
    }

    private mutating func expectClause(_ keyword: Keyword, _ what: String) throws(SyntaxError) {
        try expect(keyword) { found in
            SyntaxMessages.expected(what, found: found, at: found.spot, help: SyntaxParser.shapeOfRfm)
        }
    }
}
