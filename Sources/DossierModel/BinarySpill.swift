import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The file a streaming `BinaryWriter` writes to, and the running checksum of what it wrote
/// after the checksum slot (the same sum `Checksum.of` gives: 16 MB pieces folded in order).
/// Used by one thread at a time (the writer that owns it); the block writers that other threads
/// fill never have one.
final class BinarySpill: @unchecked Sendable {
    private let file: UnsafeMutablePointer<FILE>
    private(set) var written = 0
    /// Offset of the first byte the checksum covers (set by `checksumSlot`).
    var checksumStart = Int.max
    private var pieceSums: [UInt64] = []
    private var piece = PieceSum()
    private var failed = false

    /// Creates the file; nil when it exists or cannot be made.
    init?(path: String) {
        guard let file = fopen(path, "wx") else { return nil }
        self.file = file
    }

    func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        let n = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        if n != bytes.count { failed = true }
        let from = max(0, checksumStart - written)
        if from < bytes.count { feed(bytes[from...]) }
        written += bytes.count
    }

    private func feed(_ bytes: ArraySlice<UInt8>) {
        var rest = bytes
        while !rest.isEmpty {
            let take = min(Checksum.piece - piece.count, rest.count)
            rest.prefix(take).withUnsafeBytes { piece.feed($0) }
            rest = rest.dropFirst(take)
            if piece.count == Checksum.piece { sumPiece() }
        }
    }

    private func sumPiece() {
        pieceSums.append(piece.value())
        piece = PieceSum()
    }

    /// The checksum of everything written after the slot.
    func finishChecksum() -> UInt64 {
        if piece.count > 0 { sumPiece() }
        return Checksum.fold(pieceSums, count: max(0, written - checksumStart))
    }

    /// Overwrites eight bytes already written (little-endian).
    func patch(at offset: Int, _ value: UInt64) {
        let bytes = (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
        guard fseeko(file, off_t(offset), SEEK_SET) == 0,
              bytes.withUnsafeBytes({ fwrite($0.baseAddress, 1, 8, file) }) == 8,
              fseeko(file, 0, SEEK_END) == 0 else { failed = true; return }
    }

    /// Closes the file; false when any write failed.
    func close() -> Bool {
        fclose(file) == 0 && !failed
    }
}
