import Testing
import MLMCore

/// Whatever the bytes, the reader returns a table or a CSVError: it never crashes. Inputs are
/// seeded, so a failure reproduces.
@Suite struct CSVFuzzTests {
    private static let seeds: [String] = [
        "age;\"job\";balance\n58;\"management\";2143\n44;\"technician\";29\n33;\"entre;preneur\";2\n",
        "a,b,c\r\n1,\"x\r\ny\",2024-01-05\r\n2,\"he said \"\"no\"\"\",03/04/2024\r\n3,,NA\r\n",
        "id\tamount\tflag\n1\t3,5\tTRUE\n2\t1.234,56\tFALSE\n3\t-0,5\tTrue\n",
        "x|y\n\"\"|1e5\n  padded  |.5\n\"quoted \"\" mid\"|-3.\n",
        "name,when,zip\nAnn,2023-02-28 08:00,01234\nBob,2023-02-30,80331\n,,\n",
    ]

    /// Checks the invariants a caller relies on: equal column lengths, masks matching storage.
    private func checkShape(_ frame: DataFrame) {
        for column in frame.columns {
            #expect(column.count == frame.rowCount)
            if let numbers = column.numbers {
                for row in 0..<numbers.count { #expect(column.isMissing(row) == numbers[row].isNaN) }
            }
            if let (codes, dictionary) = column.strings {
                #expect(codes.allSatisfy { $0 >= -1 && Int($0) < dictionary.count })
            }
        }
        #expect(Set(frame.columnNames).count == frame.columnCount)
    }

    private func survive(_ bytes: [UInt8], _ options: CSVReadOptions = .init()) {
        do {
            let (frame, _) = try CSVReader.read(bytes: bytes, options: options)
            checkShape(frame)
        } catch {
            #expect(!error.message.isEmpty)
        }
    }

    @Test func randomBytesNeverCrash() {
        var random = SeededGenerator(seed: 1)
        let alphabet: [UInt8] = Array("ab,;\t|\"\r\n 0123456789.-eE/:TNA".utf8) + [0x80, 0xE9, 0xFF, 0xC3, 0xEF, 0xBB, 0xBF, 0]
        for round in 0..<1500 {
            let length = random.nextInt(below: 200)
            let biased = round % 2 == 0
            let bytes = (0..<length).map { _ -> UInt8 in
                biased ? alphabet[random.nextInt(below: alphabet.count)] : UInt8(truncatingIfNeeded: random.next())
            }
            survive(bytes)
            survive(bytes, CSVReadOptions(skipBadRows: true))
        }
    }

    @Test func mutatedValidFilesNeverCrash() {
        var random = SeededGenerator(seed: 2)
        let specials: [UInt8] = Array("\"\n\r,;\t|".utf8)
        for round in 0..<3000 {
            var bytes = Array(Self.seeds[round % Self.seeds.count].utf8)
            for _ in 0...random.nextInt(below: 4) { mutate(&bytes, &random, specials) }
            survive(bytes)
            survive(bytes, CSVReadOptions(decimalComma: round % 3 == 0, skipBadRows: true))
        }
    }

    @Test func forcedTypesOnMutatedFilesNeverCrash() {
        var random = SeededGenerator(seed: 3)
        let specials: [UInt8] = Array("\"\n,".utf8)
        let types = ColumnType.allCases
        for _ in 0..<600 {
            var bytes = Array(Self.seeds[1].utf8)
            mutate(&bytes, &random, specials)
            let forced = ["a": types[random.nextInt(below: types.count)], "c": types[random.nextInt(below: types.count)]]
            survive(bytes, CSVReadOptions(columnTypes: forced, skipBadRows: true))
        }
    }

    /// Deletes, duplicates or inserts a special byte, or truncates.
    private func mutate(_ bytes: inout [UInt8], _ random: inout SeededGenerator, _ specials: [UInt8]) {
        guard !bytes.isEmpty else { return }
        let position = random.nextInt(below: bytes.count)
        switch random.nextInt(below: 5) {
        case 0: bytes.remove(at: position)
        case 1: bytes.insert(bytes[position], at: position)
        case 2: bytes.insert(specials[random.nextInt(below: specials.count)], at: position)
        case 3: bytes.removeSubrange(position...)
        default:
            if let quote = bytes.firstIndex(of: UInt8(ascii: "\"")) { bytes.remove(at: quote) }
        }
    }
}
