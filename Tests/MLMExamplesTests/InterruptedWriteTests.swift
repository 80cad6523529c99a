import Foundation
import Testing

/// Interrupts the real `mlm` binary at seeded random moments while it exports a table and
/// writes a report, with SIGINT, SIGTERM and SIGHUP in turn. After every interrupt: no hidden
/// temp file is left, each output is either its old content or the complete new one, and the
/// exit status is 128 + the signal (or 0 when the run ended before the signal arrived).
@Suite(.serialized) struct InterruptedWriteTests {
    static let trials = 21
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// SplitMix64: the delays are the same on every run of the test.
    struct Delays {
        var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) * 0x1.0p-53
        }
    }

    struct Run {
        var reason: Process.TerminationReason
        var status: Int32
        /// Seconds from the first line on standard output (the load step done) to the end.
        var writingSeconds: Double
    }

    static func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mlm-interrupt-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var rows = "id,name,amount,visits,plan,joined\n"
        var generator = Delays(state: 7)
        for id in 0..<10_000 {
            let plan = ["basic", "pro", "max"][Int(generator.next() * 3)]
            rows += "\(id),customer \(Int(generator.next() * 99_999)),\(Int(generator.next() * 100_000)),\(Int(generator.next() * 50)),\(plan),2024-0\(1 + Int(generator.next() * 9))-1\(Int(generator.next() * 9))\n"
        }
        try rows.write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        var small = "x,z,y\n"
        for i in 0..<40 { small += "\(i % 7),\(Int(generator.next() * 10)),\(i % 3 == 0 ? "yes" : "no")\n" }
        try small.write(to: folder.appendingPathComponent("small.csv"), atomically: true, encoding: .utf8)
        let script = """
            load "data.csv" as t
            export t to "out.csv"
            load "small.csv" as s
            model m = train decision_tree on s target y = "yes"
            save m to "m.mlmodel"
            report "out.html"
            export t to "out.csv"
            save m to "m.mlmodel"

            """
        try script.write(to: folder.appendingPathComponent("interrupted.mlm"), atomically: true, encoding: .utf8)
        return folder
    }

    /// Runs the script; with a signal, sends it `delay` seconds after the first output line.
    static func run(in folder: URL, signal: Int32?, delay: Double) throws -> Run {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["run", "interrupted.mlm"]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        _ = out.fileHandleForReading.availableData
        let started = Date()
        if let signal {
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, signal)
        }
        _ = out.fileHandleForReading.readDataToEndOfFile()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(reason: process.terminationReason, status: process.terminationStatus,
                   writingSeconds: Date().timeIntervalSince(started))
    }

    @Test func interruptsNeverLeaveTempFilesOrHalfWrittenOutputs() throws {
        let folder = try InterruptedWriteTests.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("out.csv"), html = folder.appendingPathComponent("out.html")
        let calibration = try InterruptedWriteTests.run(in: folder, signal: nil, delay: 0)
        #expect(calibration.reason == .exit && calibration.status == 0)
        let model = folder.appendingPathComponent("m.mlmodel")
        let newCSV = try Data(contentsOf: csv), newHTML = try Data(contentsOf: html), newModel = try Data(contentsOf: model)
        let oldCSV = Data("old,table\n1,2\n".utf8), oldHTML = Data("<p>old report</p>\n".utf8), oldModel = Data("{}\n".utf8)
        var delays = Delays(state: 2_026)
        var interrupted = 0
        for trial in 0..<InterruptedWriteTests.trials {
            try oldCSV.write(to: csv)
            try oldHTML.write(to: html)
            try oldModel.write(to: model)
            let signal = InterruptedWriteTests.signals[trial % InterruptedWriteTests.signals.count]
            let delay = delays.next() * calibration.writingSeconds * 1.1
            let run = try InterruptedWriteTests.run(in: folder, signal: signal, delay: delay)
            let context = "trial \(trial), signal \(signal), after \(delay) s"
            #expect(run.reason == .exit, "\(context): killed by a signal instead of exiting")
            #expect(run.status == 128 + signal || run.status == 0, "\(context): exit \(run.status)")
            if run.status != 0 { interrupted += 1 }
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
            #expect(leftovers.isEmpty, "\(context): temp files left: \(leftovers)")
            let csvNow = try Data(contentsOf: csv), htmlNow = try Data(contentsOf: html)
            #expect(csvNow == oldCSV || csvNow == newCSV, "\(context): out.csv is neither the old nor the new file")
            #expect(htmlNow == oldHTML || htmlNow == newHTML, "\(context): out.html is neither the old nor the new report")
            let modelNow = try Data(contentsOf: model)
            #expect(modelNow == oldModel || modelNow == newModel, "\(context): the model file is neither the old nor the new one")
            if run.status == 0 { #expect(csvNow == newCSV && htmlNow == newHTML && modelNow == newModel, "\(context)") }
        }
        // The delays spread over the whole run, so most trials stop it somewhere in the middle.
        #expect(interrupted >= InterruptedWriteTests.trials / 4, "only \(interrupted) runs were interrupted")
    }

    /// `nohup mlm run ...` starts mlm with SIGHUP ignored: a hangup must not stop it.
    @Test func anIgnoredHangupStaysIgnored() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/nohup") else { return }
        let folder = try InterruptedWriteTests.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/nohup")
        process.arguments = [CommandRunner.executable.path, "run", "interrupted.mlm"]
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        _ = out.fileHandleForReading.availableData
        kill(process.processIdentifier, SIGHUP)
        _ = out.fileHandleForReading.readDataToEndOfFile()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    }
}
