/// Lists of indices, one per key (per article, per actor), laid end to end in one table.
///
/// At 100k articles the browser kept a list per article and three per actor: 300,000 arrays,
/// each with a header and an allocation of its own, and their indices in 64 bits. In one table
/// of 32-bit indices they take a quarter of that, 35 MB less at the first open's peak.
public struct IndexLists: RandomAccessCollection, Sendable {
    /// Where each list starts in `values`, and one past the last.
    private let starts: [Int]
    private let values: [Int32]

    /// Lists written one block of keys at a time, in key order: each block's lists end to end,
    /// and how many indices each of its lists has.
    init(blocks: [(values: [Int32], counts: [Int])]) {
        var starts = [0]
        starts.reserveCapacity(blocks.reduce(1) { $0 + $1.counts.count })
        var values: [Int32] = []
        values.reserveCapacity(blocks.reduce(0) { $0 + $1.values.count })
        for block in blocks {
            for n in block.counts { starts.append(starts[starts.count - 1] + n) }
            values += block.values
        }
        self.starts = starts
        self.values = values
    }

    /// For each key `k < sizes.count`, the positions `i` with `keys[i] == k`, ascending
    /// (negative keys belong to no list); `sizes[k]` says how many there are.
    init<Key: BinaryInteger>(positionsOf keys: [Key], sizes: [Int]) {
        var starts = [Int](repeating: 0, count: sizes.count + 1)
        for k in sizes.indices { starts[k + 1] = starts[k] + sizes[k] }
        var values = [Int32](repeating: 0, count: starts[sizes.count])
        var next = starts
        values.withUnsafeMutableBufferPointer { slots in
            for i in keys.indices where keys[i] >= 0 {
                let k = Int(keys[i])
                slots[next[k]] = Int32(i)
                next[k] += 1
            }
        }
        self.starts = starts
        self.values = values
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count - 1 }

    public subscript(key: Int) -> IndexList { IndexList(values: values, range: starts[key]..<starts[key + 1]) }
}

/// One list of `IndexLists`: its indices as `Int`, without copying them out.
public struct IndexList: RandomAccessCollection, Sendable {
    fileprivate let values: [Int32]
    fileprivate let range: Range<Int>

    public var startIndex: Int { 0 }
    public var endIndex: Int { range.count }
    public subscript(position: Int) -> Int { Int(values[range.lowerBound + position]) }
}
