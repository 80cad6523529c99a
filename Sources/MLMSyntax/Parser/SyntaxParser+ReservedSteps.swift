// Steps whose shape is fixed now and whose meaning comes in later versions: model (train),
// evaluate, predict, save, segment and report. (`load model` is parsed with `load`.)

extension SyntaxParser {
    /// `model NAME = train NAME on NAME target NAME [= EXPR] [with option {, option}]`
    mutating func parseTrain() throws(SyntaxError) -> Statement.Kind {
        let model = try parseName("a model name")
        try expect(.equal) { found in
            SyntaxMessages.expected("'= train' after the model name", found: found, at: found.spot,
                                    help: SyntaxMessages.shapeOfTrain)
        }
        try expect(.train) { found in
            SyntaxMessages.expected("'train' after '='", found: found, at: found.spot,
                                    help: SyntaxMessages.shapeOfTrain)
        }
        let algorithm = try parseName("an algorithm name such as 'logistic'")
        try expect(.on) { found in
            SyntaxMessages.expected("'on' and a table name after the algorithm", found: found, at: found.spot,
                                    help: SyntaxMessages.shapeOfTrain)
        }
        let table = try parseName("a table name")
        try expect(.target) { found in
            SyntaxMessages.expected("'target' and the column to predict", found: found, at: found.spot,
                                    help: SyntaxMessages.shapeOfTrain)
        }
        let target = try parseName("the column to predict")
        let (positiveValue, asNumber) = try parseTargetValue(for: target, asMayNameAModel: false)
        let options = try accept(.with) != nil ? parseOptionList() : []
        return .train(TrainStatement(model: model, algorithm: algorithm, table: table, target: target,
                                     positiveValue: positiveValue, asNumber: asNumber, options: options))
    }

    /// `[= EXPR | as number]` after the target column. In compare, `as NAME` may instead keep the
    /// best model (`target y as best`), so there only `as number` is taken here.
    mutating func parseTargetValue(for target: Identifier, asMayNameAModel: Bool) throws(SyntaxError) -> (Expr?, SourceRange?) {
        if accept(.equal) != nil { return (try parseAdditiveExpression(expecting: "the target value, such as \"yes\""), nil) }
        guard current.is(.as) else { return (nil, nil) }
        let word = peek()
        if word.kind == .word, word.text == "number" {
            let start = advance().range.start
            advance()
            return (nil, range(from: start))
        }
        guard asMayNameAModel else {
            advance()
            throw failure(SyntaxMessages.expected("'number' after 'as' (as number asks for a regression)", found: current,
                                                  at: current.spot,
                                                  help: "write: target \(target.name) as number, or target \(target.name) = 1 to predict one value"))
        }
        return (nil, nil)
    }

    /// `evaluate NAME [on NAME] [at threshold EXPR] [with options]`
    mutating func parseEvaluate() throws(SyntaxError) -> Statement.Kind {
        let model = try parseName("a model name")
        if current.kind == .comma { throw failure(try severalModels(first: model)) }
        let on = try accept(.on) != nil ? parseName("a table name") : nil
        var threshold: Expr?
        if accept(.at) != nil {
            try expect(.threshold) { found in
                SyntaxMessages.expected("'threshold' and a number after 'at'", found: found, at: found.spot,
                                        help: "write: evaluate lead on test at threshold 0.3")
            }
            threshold = try parseAdditiveExpression(expecting: "a number")
        }
        let options = try accept(.with) != nil ? parseOptionList() : []
        return .evaluate(EvaluateStatement(model: model, on: on, threshold: threshold, options: options))
    }

    /// `evaluate a, b on test`: one evaluate per model, each line written out.
    private mutating func severalModels(first: Identifier) throws(SyntaxError) -> Diagnostic {
        let comma = current.range
        var models = [first.name]
        while accept(.comma) != nil { models.append(try parseName("a model name").name) }
        let restStart = current.range.start
        var restEnd = restStart
        while !current.endsLine { restEnd = advance().range.end }
        let rest = restEnd > restStart ? " " + source.text(of: SourceRange(start: restStart, end: restEnd)) : ""
        let lines = models.map { "'evaluate \($0)\(rest)'" }
        return Diagnostic(.error, "evaluate takes one model; found \(models.count) models", at: comma,
                          help: "write one evaluate per model: " + lines.joined(separator: ", then ")
                              + " (to rank models by cross-validation, use compare)")
    }

    /// `predict NAME on NAME as NAME [with reasons]`
    mutating func parsePredict() throws(SyntaxError) -> Statement.Kind {
        let model = try parseName("a model name")
        try expect(.on) { found in
            SyntaxMessages.expected("'on' and a table name after the model name", found: found,
                                    at: found.spot, help: "write: predict lead on new_leads as score")
        }
        let table = try parseName("a table name")
        try expect(.as) { found in
            SyntaxMessages.expected("'as' and a new column name after the table name", found: found,
                                    at: found.spot, help: "write: predict lead on new_leads as score")
        }
        let output = try parseName("a new column name")
        var withReasons = false
        if accept(.with) != nil {
            try expect(.reasons) { found in
                SyntaxMessages.expected("'reasons' after 'with'", found: found, at: found.spot,
                                        help: "write: predict lead on new_leads as score with reasons")
            }
            withReasons = true
        }
        return .predict(PredictStatement(model: model, table: table, output: output, withReasons: withReasons))
    }

    /// `save NAME to STRING`
    mutating func parseSave() throws(SyntaxError) -> Statement.Kind {
        let model = try parseName("a model name")
        try expect(.to) { found in
            SyntaxMessages.expected("'to' and a file name after the model name", found: found,
                                    at: found.spot, help: SyntaxMessages.shapeOfSave)
        }
        let path = try parsePath(help: SyntaxMessages.shapeOfSave)
        return .save(SaveStatement(model: model, path: path))
    }

    /// `segment NAME with NAME {option} on NAMES as NAME {option}`; options after `as` join
    /// the same list.
    mutating func parseSegment() throws(SyntaxError) -> Statement.Kind {
        let table = try parseName("a table name")
        try expect(.with) { found in
            SyntaxMessages.expected("'with' and an algorithm after the table name", found: found,
                                    at: found.spot, help: SyntaxMessages.shapeOfSegment)
        }
        let algorithm = try parseName("an algorithm name such as 'kmeans'")
        var options = try parseOptionSequence(stoppingAt: [.on])
        try expect(.on) { found in
            SyntaxMessages.expected("'on' and the columns to group by", found: found, at: found.spot,
                                    help: SyntaxMessages.shapeOfSegment)
        }
        let columns = try parseNameList("a column name")
        try expect(.as) { found in
            SyntaxMessages.expected("'as' and a new column name after the columns", found: found,
                                    at: found.spot, help: SyntaxMessages.shapeOfSegment)
        }
        let output = try parseName("a new column name")
        options += try parseOptionSequence(stoppingAt: [])
        return .segment(SegmentStatement(table: table, algorithm: algorithm, options: options,
                                         columns: columns, output: output))
    }

    /// `report STRING`
    mutating func parseReport() throws(SyntaxError) -> Statement.Kind {
        let path = try parsePath(help: "write: report \"report.html\"")
        return .report(ReportStatement(path: path))
    }
}
