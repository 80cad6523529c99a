import Foundation

/// Whole-file reads and atomic writes with POSIX calls: one read into a [UInt8] is the fastest
/// way in, and a temp file renamed over the target means a crash never leaves half a CSV behind.
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

    /// Writes to a temp file in the target's folder, then renames it over the target.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(CSVError) {
        let temporary = temporaryPath(for: path)
        let mode = existingMode(of: path) ?? 0o644
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else {
            throw CSVError(message: "cannot write '\(path)': \(reason(errno, reading: false))")
        }
        var failure = writeAll(bytes, to: descriptor)
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw CSVError(message: "cannot write '\(path)': \(reason(failure, reading: false))")
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
        bytes.withUnsafeBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return 0 }
            var written = 0
            while written < buffer.count {
                let result = write(descriptor, base + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += result
            }
            return 0
        }
    }

    /// `dir/.name.tmp-<pid>-<random>`: same folder so the rename stays on one file system.
    static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let suffix = UInt32.random(in: 0...UInt32.max)
        return "\(folder).\(name).tmp-\(getpid())-\(suffix)"
    }

    /// Keeps the permissions of a file being replaced.
    private static func existingMode(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return info.st_mode & 0o7777
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
