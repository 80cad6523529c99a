/// Turns byte offsets into the 1-based physical line numbers people see in an editor. Only
/// used for messages, so it counts on demand instead of slowing the tokenizer down.
struct LineNumbers {
    let base: UnsafePointer<UInt8>
    let end: Int

    /// Old Mac files end lines with a lone CR; then CRs are what count.
    private var lineByte: UInt8 {
        for i in 0..<end where base[i] == ASCII.lineFeed { return ASCII.lineFeed }
        for i in 0..<end where base[i] == ASCII.carriageReturn { return ASCII.carriageReturn }
        return ASCII.lineFeed
    }

    func line(at offset: Int) -> Int {
        lines(at: [offset])[0]
    }

    /// Line numbers for several offsets, in one pass over the bytes.
    func lines(at offsets: [Int]) -> [Int] {
        let separator = lineByte
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        var result = [Int](repeating: 1, count: offsets.count)
        var line = 1
        var position = 0
        for index in order {
            let target = min(max(offsets[index], 0), end)
            while position < target {
                if base[position] == separator { line += 1 }
                position += 1
            }
            result[index] = line
        }
        return result
    }
}
