import Testing
@testable import MLMCore

/// Files that are not UTF-8 or single-byte text are refused with their real cause.
@Suite struct CSVEncodingSniffingTests {
    private let text = "age,job,city\n41,technician,Köln\n35,admin.,Zürich\n52,retired,Lyon\n"

    private func message(_ bytes: [UInt8]) -> String {
        do {
            _ = try CSVReader.read(bytes: bytes)
            return "read without error"
        } catch {
            return error.message
        }
    }

    private func utf16(_ bigEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit -> [UInt8] in
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            return bigEndian ? [high, low] : [low, high]
        }
    }

    private func utf32(_ bigEndian: Bool) -> [UInt8] {
        text.unicodeScalars.flatMap { scalar -> [UInt8] in
            let v = scalar.value
            let bytes = [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)]
            return bigEndian ? bytes.reversed() : bytes
        }
    }

    @Test func utf32WithAByteOrderMarkIsNotCalledUTF16() {
        #expect(message([0xFF, 0xFE, 0x00, 0x00] + utf32(false)).hasPrefix("the file is saved as UTF-32 text (little-endian);"))
        #expect(message([0x00, 0x00, 0xFE, 0xFF] + utf32(true)).hasPrefix("the file is saved as UTF-32 text (big-endian);"))
    }

    @Test func utf16AndUTF32WithoutAByteOrderMarkAreRecognised() {
        #expect(message(utf16(false)).hasPrefix("the file is saved as UTF-16 text (little-endian, without a byte order mark);"))
        #expect(message(utf16(true)).hasPrefix("the file is saved as UTF-16 text (big-endian, without a byte order mark);"))
        #expect(message(utf32(false)).hasPrefix("the file is saved as UTF-32 text (little-endian, without a byte order mark);"))
        #expect(message(utf32(true)).hasPrefix("the file is saved as UTF-32 text (big-endian, without a byte order mark);"))
    }

    @Test func aNULByteIsRefusedWithItsLineAndColumn() {
        let header = Array("name\u{0},spend\n1,2\n".utf8)
        #expect(message(header).hasPrefix("line 1 holds a NUL byte (a zero byte, at byte 5 of the line)"))
        let cell = Array("a,b\n1,2\n3,x\u{0}y\n".utf8)
        #expect(message(cell).hasPrefix("line 3 holds a NUL byte (a zero byte, at byte 4 of the line)"))
        #expect(CSVReader.notTextProblem(cell)?.line == 3)
    }

    @Test func workbooksAndDocumentsAreNamed() {
        #expect(message([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]).hasPrefix("the file is a zip archive, such as an Excel workbook (.xlsx)"))
        #expect(message([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).hasPrefix("the file is an old-style Excel workbook (.xls)"))
        #expect(message(Array("%PDF-1.7\n".utf8)).hasPrefix("the file is a PDF document"))
    }

    @Test func ordinaryTextIsNotMistakenForWideText() throws {
        let (frame, _) = try CSVReader.read(bytes: Array(text.utf8))
        #expect(frame.rowCount == 3)
    }
}
