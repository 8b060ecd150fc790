import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files of a corpus folder, found recursively. Symbolic links are followed, but a folder
/// reached twice (a link loop) is visited once; FIFOs, sockets and devices are never opened.
enum CorpusFiles {
    enum Kind: Sendable { case text, markdown, jsonl, metadata }

    struct Entry: Sendable {
        var path: String      // absolute
        var relative: String  // to the corpus folder
        var kind: Kind
        /// Size and modification time, from the listing's own `stat`.
        var stamp: FileStamp
    }

    static func kind(of name: String) -> Kind? {
        let lower = name.lowercased()
        if lower == "metadata.csv" { return .metadata }
        if lower.hasSuffix(".txt") { return .text }
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
        return nil
    }

    /// A folder's files, and what could not be listed.
    struct Listing: Sendable {
        var entries: [Entry]
        var warnings: [LoadWarning]
    }

    static func listing(root: String) -> Listing {
        var warnings: [LoadWarning] = []
        let entries = list(root: root) { warnings.append(LoadWarning(file: $0, reason: $1)) }
        return Listing(entries: entries, warnings: warnings)
    }

    /// The walk is in two steps. The folders are walked in order, one at a time, and every name
    /// that is not plainly a folder or a regular file (a link, a FIFO, a name whose type the
    /// file system does not give) is looked at there and then. The regular files found are
    /// `stat`ed afterwards, on several threads (`WaitingThreads`): from disk, those 100k
    /// lookups are most of a listing's time, and a single thread left the disk idle.
    static func list(root: String, warn: (String, String) -> Void) -> [Entry] {
        var found: [Found] = []
        var visited = Set<String>()
        func key(_ st: stat) -> String { "\(st.st_dev):\(st.st_ino)" }

        func walk(_ dir: String, _ relative: String) {
            var st = stat()
            guard stat(dir, &st) == 0 else { return }
            guard visited.insert(key(st)).inserted else {
                warn(relative.isEmpty ? "." : relative, "folder already visited (symbolic link loop); skipped")
                return
            }
            // names from readdir and stat relative to the open folder: the path is not looked
            // up again from the root for each of 100k files
            guard let handle = opendir(dir) else {
                warn(relative.isEmpty ? "." : relative, "cannot read folder: \(reason(errno: errno))")
                return
            }
            defer { closedir(handle) }
            let fd = dirfd(handle)
            var names: [(name: String, type: UInt8)] = []
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if !name.hasPrefix(".") { names.append((name, entry.pointee.d_type)) }
            }
            names.sort { $0.name < $1.name }
            for (name, type) in names {
                let path = dir + "/" + name
                let rel = relative.isEmpty ? name : relative + "/" + name
                // the type readdir gives is the entry's own, never a link's target's
                if type == UInt8(DT_DIR) {
                    walk(path, rel)
                    continue
                }
                if type == UInt8(DT_REG) {
                    if let kind = kind(of: name) { found.append(Found(path: path, relative: rel, kind: kind, stamp: nil)) }
                    continue
                }
                var target = stat()
                guard fstatat(fd, name, &target, 0) == 0 else {
                    var link = stat()
                    if fstatat(fd, name, &link, AT_SYMLINK_NOFOLLOW) == 0 {
                        warn(rel, "broken or looping symbolic link: \(reason(errno: errno)); skipped")
                    }
                    continue
                }
                let mode = target.st_mode & S_IFMT
                if mode == S_IFDIR {
                    walk(path, rel)
                } else if let kind = kind(of: name) {
                    if mode == S_IFREG {
                        found.append(Found(path: path, relative: rel, kind: kind, stamp: FileStamp(target)))
                    } else {
                        warn(rel, "not a regular file (FIFO, socket or device); skipped")
                    }
                }
            }
        }
        walk(root, "")
        return stamped(found)
    }

    /// A file the walk found; `stamp` is nil until it is `stat`ed.
    private struct Found: Sendable {
        var path: String, relative: String, kind: Kind, stamp: FileStamp?
    }

    /// The found files with their stamps, in order. A file gone since its folder was read is
    /// left out, as the walk leaves out a name it cannot `stat`; one that is no longer a regular
    /// file too.
    private static func stamped(_ found: [Found]) -> [Entry] {
        let stamps = ResultSlots<FileStamp?>(count: found.count)
        let shared = found
        WaitingThreads.forEach(found.count) { i in
            if let known = shared[i].stamp { stamps.set(i, known); return }
            var st = stat()
            stamps.set(i, stat(shared[i].path, &st) == 0 && st.st_mode & S_IFMT == S_IFREG ? FileStamp(st) : nil)
        }
        return zip(found, stamps.takeValues()).compactMap { file, stamp in
            stamp.map { Entry(path: file.path, relative: file.relative, kind: file.kind, stamp: $0) }
        }
    }

    static func reason(errno code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }

    /// Reads a regular file, or says why not.
    /// The file's bytes. `notCached`: hears when the first of them were not in the file cache
    /// (the read then waits for the disk, as any read).
    static func read(_ path: String, notCached: (() -> Void)? = nil) -> Result<Data, ReadError> {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { return .failure(ReadError(message: "cannot read: \(reason(errno: errno))")) }
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var offset = 0
        if let notCached {
            switch buffer.withUnsafeMutableBytes({ CachedRead.read(fd, into: $0, at: 0) }) {
            case .read(let n):
                if n == 0 { return .success(data) }
                data.append(contentsOf: buffer[0..<n])
                offset = n
            case .notCached: notCached()
            case .unknown: break
            }
        }
        while true {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(ReadError(message: "cannot read: \(reason(errno: errno))"))
            }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
            offset += n
        }
        return .success(data)
    }

    struct ReadError: Error { var message: String }
}
