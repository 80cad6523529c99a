/// The report as JSON: every step's source, prose, warnings, error and structured results,
/// and the audit trail. Keys sorted, no timestamps unless timings were asked for.
struct JSONReportWriter {
    static let formatVersion = 1

    func render(_ document: ReportDocument) -> String {
        var members: [String: JSONValue] = [
            "format": .string("mlm-report"), "format_version": .int(Self.formatVersion),
            "title": .string(document.title), "script": .string(document.scriptName),
            "introduction": .strings(document.introduction),
            "steps": .array(document.cells.map(step)),
            "steps_not_run": .int(document.stepsNotRun),
            "failed": .bool(document.failed),
            "audit": audit(document.audit),
        ]
        if document.audit.generatedAt != nil { members["timings"] = .bool(true) }
        return JSONValue.object(members).serialized()
    }

    private func step(_ cell: ReportCell) -> JSONValue {
        var members: [String: JSONValue] = [
            "line": .int(cell.line), "source": .string(cell.source), "prose": .strings(cell.prose),
            "warnings": .strings(cell.warnings), "results": .array(cell.results.map(ResultJSON.value)),
            "error": .optional(cell.error),
        ]
        if let seconds = cell.seconds { members["seconds"] = .number(seconds) }
        return .object(members)
    }

    private func audit(_ audit: AuditTrail) -> JSONValue {
        var members: [String: JSONValue] = [
            "mlm_version": .string(audit.version),
            "inputs": .array(audit.inputs.map { file in
                .object(["path": .string(file.path), "table": .string(file.table), "rows": .int(file.rows),
                         "bytes": file.bytes.map(JSONValue.int) ?? .null, "sha256": .optional(file.sha256)])
            }),
            "seeds": .array(audit.seeds.map { .object(["line": .int($0.line), "step": .string($0.step), "seed": .string($0.value)]) }),
            "models": .array(audit.models.map { model in
                .object(["name": .string(model.name), "algorithm": .string(model.kind), "rows": .int(model.rows),
                         "inputs": .int(model.inputs), "sha256": .string(model.sha256)])
            }),
        ]
        if let generatedAt = audit.generatedAt { members["generated_at"] = .string(generatedAt) }
        if let total = audit.totalSeconds { members["total_seconds"] = .number(total) }
        return .object(members)
    }
}
