// Shapes of the segmentation steps besides `segment` itself: rfm, profile and name.

/// `rfm table by customer date column amount EXPR [invoice column] [reference "date"] as name`
public struct RfmStatement: Sendable, Equatable {
    public var table: Identifier
    public var customer: Identifier
    public var date: Identifier
    public var amount: Expr
    public var invoice: Identifier?
    public var reference: PathLiteral?
    public var output: Identifier

    public init(table: Identifier, customer: Identifier, date: Identifier, amount: Expr,
                invoice: Identifier?, reference: PathLiteral?, output: Identifier) {
        self.table = table
        self.customer = customer
        self.date = date
        self.amount = amount
        self.invoice = invoice
        self.reference = reference
        self.output = output
    }
}

/// `profile table by column [columns a, b]`
public struct ProfileStatement: Sendable, Equatable {
    public var table: Identifier
    public var segment: Identifier
    public var columns: [Identifier]

    public init(table: Identifier, segment: Identifier, columns: [Identifier]) {
        self.table = table
        self.segment = segment
        self.columns = columns
    }
}

/// `name segmentation NUMBER "label"`: gives segment NUMBER of a segmentation a name.
public struct NameSegmentStatement: Sendable, Equatable {
    public var segmentation: Identifier
    public var segment: Expr
    public var label: PathLiteral

    public init(segmentation: Identifier, segment: Expr, label: PathLiteral) {
        self.segmentation = segmentation
        self.segment = segment
        self.label = label
    }
}
