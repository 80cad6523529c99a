import Foundation
import MLMReport
import Testing

/// The bundled examples' reports in every format equal the checked-in files in
/// examples/reports/ (MLM_RECORD=1 rewrites them; review the diff before committing).
@Suite(.serialized) struct ReportGoldenTests {
    static let examples = ["bank_marketing", "lead_scoring", "customer_segments", "model_selection"].filter {
        FileManager.default.fileExists(atPath: ReportPipeline.repositoryRoot.appendingPathComponent("examples/\($0).mlm").path)
    }
    static let folder = ReportPipeline.repositoryRoot.appendingPathComponent("examples/reports")

    @Test(arguments: ReportGoldenTests.examples)
    func reportsMatchCheckedInFiles(_ name: String) throws {
        let document = try ReportPipeline.example(name)
        #expect(!document.failed)
        for (format, ext) in [(ReportFormat.html, "html"), (.markdown, "md"), (.json, "json")] {
            let path = ReportGoldenTests.folder.appendingPathComponent("\(name).\(ext)").path
            let (text, files) = ReportFile.render(document, format: format, path: path)
            if let difference = try ReportPipeline.compare(text, withFile: URL(fileURLWithPath: path)) {
                Issue.record("\(name).\(ext): \(difference)")
            }
            for file in files {
                let url = ReportGoldenTests.folder.appendingPathComponent(file.path)
                if let difference = try ReportPipeline.compare(file.contents, withFile: url) {
                    Issue.record("\(file.path): \(difference)")
                }
            }
        }
    }

    @Test func twoRunsGiveIdenticalBytes() throws {
        for format in ReportFormat.allCases {
            let first = ReportFile.render(try ReportPipeline.example("bank_marketing"), format: format, path: "r.out")
            let second = ReportFile.render(try ReportPipeline.example("bank_marketing"), format: format, path: "r.out")
            #expect(first.text == second.text, "\(format) differs between runs")
            #expect(first.files.map(\.contents) == second.files.map(\.contents))
        }
    }
}
