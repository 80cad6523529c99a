import Foundation
import MLMReport
import Testing

/// Data can never become markup, and the HTML report needs nothing from outside the file.
@Suite struct ReportSafetyTests {
    static let hostileHeader = "<script>alert(1)</script>"

    private func hostileReport() throws -> ReportDocument {
        let folder = try ReportPipeline.temporaryFolder()
        let csv = "\"\(ReportSafetyTests.hostileHeader)\",amount,\"a|b`*\"\n\"<b>x</b> & y\",1,[link](http://evil)\nplain,2,z\n"
        try csv.write(to: folder.appendingPathComponent("hostile.csv"), atomically: true, encoding: .utf8)
        let script = "# <i>Title</i> & more\nload \"hostile.csv\" as t\n# a comment with <img src=x>\ndescribe t\nshow t limit 5\n"
        let path = folder.appendingPathComponent("hostile.mlm").path
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        return try ReportPipeline.document(scriptAt: path)
    }

    @Test func columnNamesAndValuesRenderAsTextInHTML() throws {
        let html = ReportFile.render(try hostileReport(), format: .html, path: "r.html").text
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>x</b>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<i>Title"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;b&gt;x&lt;/b&gt; &amp; y"))
    }

    @Test func markdownEscapesMarkupAndTablePipes() throws {
        let (markdown, files) = ReportFile.render(try hostileReport(), format: .markdown, path: "r.md")
        // Every "<" is escaped ("\\<" shows a literal "<"), so no markup can start.
        let characters = Array(markdown)
        #expect(characters.indices.allSatisfy { characters[$0] != "<" || ($0 > 0 && characters[$0 - 1] == "\\") })
        #expect(markdown.contains("\\<script\\>alert(1)\\</script\\>"))
        #expect(markdown.contains("a\\|b\\`\\*"))
        #expect(!markdown.contains("[link](http"))
        for file in files { #expect(!file.contents.contains("<script")) }
    }

    @Test func jsonEscapesAngleBrackets() throws {
        let json = ReportFile.render(try hostileReport(), format: .json, path: "r.json").text
        #expect(!json.contains("<"))
        #expect(json.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"))
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
    }

    @Test(arguments: ReportGoldenTests.examples)
    func htmlReferencesNothingOutside(_ name: String) throws {
        let html = ReportFile.render(try ReportPipeline.example(name), format: .html, path: "r.html").text
        for forbidden in ["http:", "https:", "//", "src=", "url(", "@import", "<script", "<link", "<iframe", "<img"] {
            #expect(!html.contains(forbidden), "\(name).html contains \(forbidden)")
        }
        let hrefs = html.components(separatedBy: "href=\"").dropFirst()
        #expect(hrefs.allSatisfy { $0.hasPrefix("#") }, "\(name).html links outside itself")
    }
}
