import Testing
@testable import DossierUI

/// One table of index lists stands for a list per key.
@Suite struct IndexListsTests {
    @Test func positionsOfEachKeyInOrderAndNoneForNegativeKeys() {
        let keys: [Int32] = [2, -1, 0, 2, 2, -1, 0, 4]
        let lists = IndexLists(positionsOf: keys, sizes: [2, 0, 3, 0, 1])
        #expect(lists.count == 5)
        #expect(lists.map { Array($0) } == [[2, 6], [], [0, 3, 4], [], [7]])
        #expect(lists[2].first == 0 && lists[2].last == 4 && lists[2].contains(3) && !lists[2].contains(2))
        #expect(lists[1].isEmpty)
    }

    @Test func blocksOfListsReadAsOneListPerKey() {
        // a list of 0 to 4 indices per key, varied but the same each run
        let wanted: [[Int]] = (0..<2500).map { k in (0..<(k * 7 % 5)).map { (k * 7919 + $0 * 104_729) % 100_000 } }
        // in blocks of 1,024 keys, as the model makes them on all cores
        let blocks = stride(from: 0, to: wanted.count, by: 1024).map { start in
            let part = wanted[start..<min(start + 1024, wanted.count)]
            return (values: part.flatMap { $0.map(Int32.init) }, counts: part.map(\.count))
        }
        let lists = IndexLists(blocks: blocks)
        #expect(lists.count == wanted.count)
        #expect(lists.map { Array($0) } == wanted)
        #expect(IndexLists(blocks: []).isEmpty)
    }
}
