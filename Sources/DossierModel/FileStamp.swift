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

/// What one corpus file gave: its stamp, the ids of its articles (one, or one per JSONL record)
/// and its warnings. Kept in the cache so that an unchanged file is not read again.
public struct LoadedFile: Sendable {
    var relative: String
    var stamp: FileStamp
    var articleIds: [String]
    var warnings: [LoadWarning]
}
