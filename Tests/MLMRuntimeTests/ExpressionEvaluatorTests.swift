import MLMCore
@testable import MLMRuntime
import Testing

/// Expressions evaluated over the customer table of TestSupport, values computed by hand.
@Suite struct ExpressionEvaluatorTests {
    @Test func arithmeticPropagatesMissingAndKeepsIntegers() throws {
        let (sum, _) = try evaluate("visits + 1")
        #expect(values(sum) == [4, 2, 6, 1])
        #expect(sum.type == .integer)
        let (ratio, warnings) = try evaluate("revenue / visits")
        #expect(values(ratio) == [120.5 / 3, 80, nil, nil])
        #expect(ratio.type == .number)
        #expect(warnings == ["1 row was divided by zero and is missing"])
    }

    @Test func precedenceAndPower() throws {
        let (value, _) = try evaluate("1 + 2 * visits ^ 2 - -1")
        #expect(values(value) == [20, 4, 52, 2])
    }

    @Test func comparisonsOnTextAndMissing() throws {
        let (uk, _) = try evaluate(#"country = "UK""#)
        #expect(values(uk) == [1, 0, 1, nil])
        #expect(uk.type == .boolean)
        let (notUK, _) = try evaluate(#"country != "UK""#)
        #expect(values(notUK) == [0, 1, 0, nil])
    }

    @Test func kleeneLogicForMissingConditions() throws {
        // row 4: country missing; "missing and false" is false, "missing or true" is true.
        let (both, _) = try evaluate(#"country = "UK" and visits > 2"#)
        #expect(values(both) == [1, 0, 1, 0])
        let (either, _) = try evaluate(#"country = "UK" or visits = 0"#)
        #expect(values(either) == [1, 0, 1, 1])
        let (negated, _) = try evaluate(#"not (country = "UK")"#)
        #expect(values(negated) == [0, 1, 0, nil])
    }

    @Test func isMissingAndInLists() throws {
        let (missing, _) = try evaluate("revenue is missing")
        #expect(values(missing) == [0, 0, 1, 0])
        let (present, _) = try evaluate("country is not missing")
        #expect(values(present) == [1, 1, 1, 0])
        let (inList, _) = try evaluate(#"plan in ["premium", "gold"]"#)
        #expect(values(inList) == [0, 1, 0, 1])
        let (notIn, _) = try evaluate("visits not in [0, 1]")
        #expect(values(notIn) == [1, 0, 1, 0])
    }

    @Test func conditionalWithTextAndNumbers() throws {
        let (tier, _) = try evaluate(#"if(revenue > 100, "high", "normal")"#)
        #expect(texts(tier) == ["high", "normal", nil, "normal"])
        let (perVisit, _) = try evaluate("if(visits > 0, revenue / visits, missing)")
        #expect(values(perVisit) == [120.5 / 3, 80, nil, nil])
    }

    @Test func mathFunctions() throws {
        let (logs, warnings) = try evaluate("log(revenue)")
        #expect(values(logs)[0]! == 4.791649752930709) // ln(120.5)
        #expect(values(logs)[3] == nil)
        #expect(warnings == ["1 row took log() of zero or a negative number and is missing"])
        let (rounded, _) = try evaluate("round(revenue / 3, 1)")
        #expect(values(rounded) == [40.2, 26.7, nil, 0])
        let (halves, _) = try evaluate("round(visits / 2)")
        #expect(values(halves) == [2, 1, 3, 0]) // 1.5 → 2, 0.5 → 1, 2.5 → 3: half away from zero
        let (capped, _) = try evaluate("min(revenue, 100, visits * 30)")
        #expect(values(capped) == [90, 30, nil, 0])
        let (floor0, _) = try evaluate("max(revenue - 100, 0)")
        #expect(values(floor0) == [20.5, 0, nil, 0])
        let (roots, _) = try evaluate("sqrt(abs(-visits))")
        #expect(values(roots)[0]! == 3.0.squareRoot())
        let (e, _) = try evaluate("exp(0) + 0 * visits")
        #expect(values(e) == [1, 1, 1, 1])
    }

    @Test func textFunctions() throws {
        let (lowered, _) = try evaluate("lower(country)")
        #expect(texts(lowered) == ["uk", "de", "uk", nil])
        let (joined, _) = try evaluate(#"upper(plan) + "-" + country"#)
        #expect(texts(joined) == ["BASIC-UK", "PREMIUM-DE", "BASIC-UK", nil])
        let (length, _) = try evaluate("length(plan)")
        #expect(values(length) == [5, 7, 5, 7])
        let (has, _) = try evaluate(#"contains(plan, "rem")"#)
        #expect(values(has) == [0, 1, 0, 1])
        let (trimmed, _) = try evaluate(#"trim("  a b  ") + plan"#)
        #expect(texts(trimmed)[0] == "a bbasic")
    }

    @Test func dateFunctions() throws {
        let (year, _) = try evaluate("year(signup)")
        #expect(values(year) == [2024, 2023, nil, 2024])
        let (month, _) = try evaluate("month(signup)")
        #expect(values(month) == [2, 12, nil, 1])
        // 2024-02-29 was a Thursday, 2023-12-31 a Sunday, 2024-01-01 a Monday.
        let (weekday, _) = try evaluate("weekday(signup)")
        #expect(values(weekday) == [4, 7, nil, 1])
        let (days, _) = try evaluate(#"days_between(signup, "2024-03-01")"#)
        #expect(values(days) == [1, 61, nil, 60])
        let (later, _) = try evaluate(#"signup >= "2024-01-01""#)
        #expect(values(later) == [1, 0, nil, 1])
    }

    @Test func errorsNameTheProblem() {
        #expect(throws: EvaluationFailure.self) { try evaluate("revenu + 1") }
        do {
            _ = try evaluate("revenu + 1")
        } catch let failure as EvaluationFailure {
            #expect(failure.message == "there is no column 'revenu' in this table")
        } catch {}
        do {
            _ = try evaluate(#"plan * 2"#)
            Issue.record("multiplying text must fail")
        } catch let failure as EvaluationFailure {
            #expect(failure.message.contains("needs numbers"))
        } catch {}
        do {
            _ = try evaluate("lgo(revenue)")
            Issue.record("unknown function must fail")
        } catch let failure as EvaluationFailure {
            #expect(failure.message == "there is no function 'lgo'")
        } catch {}
    }
}
