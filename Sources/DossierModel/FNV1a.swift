/// FNV-1a, 64 bits: a cheap hash of short byte strings (words, a folder's path), fed a byte at
/// a time so that a caller can hash while it reads.
enum FNV1a {
    static let seed: UInt64 = 0xcbf29ce484222325

    @inline(__always)
    static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100000001b3 }

    static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h = seed
        for b in bytes { h = mix(h, b) }
        return h
    }
}
