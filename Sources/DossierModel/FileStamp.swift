import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's size and modification time (nanoseconds): when both are unchanged, so is what
/// Dossier made of the file.
struct FileStamp: Sendable, Hashable {
    var size: Int
    var seconds: Int
    var nanoseconds: Int

    init(size: Int, seconds: Int, nanoseconds: Int) {
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    init(_ st: stat) {
        #if canImport(Darwin)
        self.init(size: Int(st.st_size), seconds: Int(st.st_mtimespec.tv_sec), nanoseconds: Int(st.st_mtimespec.tv_nsec))
        #else
        self.init(size: Int(st.st_size), seconds: Int(st.st_mtim.tv_sec), nanoseconds: Int(st.st_mtim.tv_nsec))
        #endif
    }
}

/// What one corpus file gave: its stamp, a digest of its bytes, the ids of its articles (one, or
/// one per JSONL record) and its warnings. Kept in the cache so that an unchanged file is not read
/// again, and a file whose time changed but not its bytes (a copy, a checkout, `touch`) is read
/// but not analysed again.
public struct LoadedFile: Sendable {
    var relative: String
    var stamp: FileStamp
    /// 0 when the file could not be read.
    var digest: UInt64 = 0
    var articleIds: [String]
    var warnings: [LoadWarning]
}

/// A 64-bit digest of a file's bytes: the snapshot's checksum, eight bytes at a time (a first
/// open digests every file, so it must cost next to nothing beside cleaning it).
enum ContentDigest {
    static func of(_ data: Data) -> UInt64 {
        let digest = data.withUnsafeBytes { Checksum.ofPiece($0) }
        return digest == 0 ? 1 : digest  // 0 means unread
    }
}
