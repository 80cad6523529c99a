/// The open indentation levels of a script, innermost last, and the rule that places each new
/// line among them. Widths count characters (a tab is one), because the rule forbids mixing
/// tabs and spaces within a block, so widths of one block are always comparable.
struct IndentationStack {
    enum Style: Equatable { case none, spaces, tabs, mixed }

    struct Level: Equatable {
        var width: Int
        var style: Style
    }

    enum Problem: Equatable {
        /// Tabs and spaces on one line, or a block whose lines disagree.
        case mixesTabsAndSpaces
        /// A dedent that lands between two open levels.
        case matchesNoOuterLevel
    }

    /// How a line relates to the line before it.
    struct Placement: Equatable {
        var indents = 0
        var dedents = 0
        var problem: Problem?
    }

    private(set) var levels: [Level] = [Level(width: 0, style: .none)]

    /// The number of levels opened by indentation (0 at top level).
    var depth: Int { levels.count - 1 }

    /// The width of the innermost open level.
    var currentWidth: Int { levels.last?.width ?? 0 }

    /// Places a line whose indentation has `spaces` spaces and `tabs` tabs. Problems are
    /// reported but the line is still placed by width so the parser can carry on.
    mutating func place(spaces: Int, tabs: Int) -> Placement {
        let width = spaces + tabs
        let style = IndentationStack.style(spaces: spaces, tabs: tabs)
        var placement = Placement()
        if style == .mixed { placement.problem = .mixesTabsAndSpaces }
        let top = levels.last ?? Level(width: 0, style: .none)
        if width > top.width {
            if top.width > 0, style != top.style { placement.problem = .mixesTabsAndSpaces }
            levels.append(Level(width: width, style: style))
            placement.indents = 1
            return placement
        }
        while levels.count > 1, let last = levels.last, last.width > width {
            levels.removeLast()
            placement.dedents += 1
        }
        let landed = levels.last ?? Level(width: 0, style: .none)
        if landed.width < width {
            // Between two levels: stay at the outer one so only this line is wrong.
            placement.problem = placement.problem ?? .matchesNoOuterLevel
        } else if width > 0, style != landed.style {
            placement.problem = .mixesTabsAndSpaces
        }
        return placement
    }

    /// Closes every open level (end of input).
    mutating func closeAll() -> Int {
        let count = levels.count - 1
        levels.removeLast(count)
        return count
    }

    static func style(spaces: Int, tabs: Int) -> Style {
        switch (spaces > 0, tabs > 0) {
        case (false, false): return .none
        case (true, false): return .spaces
        case (false, true): return .tabs
        case (true, true): return .mixed
        }
    }
}
