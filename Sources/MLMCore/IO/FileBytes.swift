import Foundation

/// Whole-file reads with POSIX calls: one read into a [UInt8] is the fastest way in. (Writes go
/// through `AtomicFileWriter`.)
enum FileBytes {
    static func read(path: String) throws(CSVError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw CSVError(message: "cannot read '\(path)': \(reason(errno, reading: true))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw CSVError(message: "cannot read '\(path)': \(reason(errno, reading: true))")
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw CSVError(message: "'\(path)' is a folder, not a file")
        }
        var bytes: [UInt8] = []
        // One extra byte lets a regular file be read to its end in a single call.
        var chunkSize = max(Int(info.st_size), 0) + 1
        while true {
            var failure: Int32 = 0
            let chunk = readChunk(descriptor, size: chunkSize, failure: &failure)
            if failure != 0 {
                throw CSVError(message: "cannot read '\(path)': \(reason(failure, reading: true))")
            }
            if bytes.isEmpty { bytes = chunk } else { bytes.append(contentsOf: chunk) }
            if chunk.count < chunkSize { return bytes }
            chunkSize = 1 << 20
        }
    }

    /// Reads up to `size` bytes, fewer only at the end of the file.
    private static func readChunk(_ descriptor: Int32, size: Int, failure: inout Int32) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            while count < size {
                let got = Foundation.read(descriptor, base + count, size - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if got == 0 { return }
                count += got
            }
        }
    }

    static func reason(_ code: Int32, reading: Bool) -> String {
        switch code {
        case ENOENT: return reading ? "the file does not exist" : "the folder does not exist"
        case EACCES, EPERM: return "permission denied"
        case ENOSPC: return "the disk is full"
        case EISDIR: return "it is a folder, not a file"
        case ENOTDIR: return "a part of the path is not a folder"
        case EROFS: return "the disk is read-only"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
