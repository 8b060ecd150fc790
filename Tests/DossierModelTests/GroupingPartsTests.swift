import Testing
@testable import DossierModel

/// The parts quote grouping keeps its lists and sets in.
@Suite struct GroupingPartsTests {
    @Test func packedListsReadBackAsTheyWereAppended() {
        var rng = SplitMix(seed: 23)
        var lists: [[Int32]] = [[], [0], [127, 128], [16_383, 16_384, 2_097_151, 2_097_152, Int32.max]]
        for _ in 0..<300 {
            let top = [200, 70_000, 5_000_000][Int(rng.next() % 3)]
            lists.append(Set((0..<Int(rng.next() % 30)).map { _ in Int32(rng.next() % UInt64(top)) }).sorted())
        }
        var packed = PackedWordLists(reservingBytes: 16, lists: 2)
        for list in lists { packed.append(list) }
        #expect(packed.count == lists.count)
        for (k, list) in lists.enumerated() { #expect(packed.list(k) == list, "\(k)") }
        // small gaps take a byte each
        var small = PackedWordLists()
        small.append([3, 10, 90, 300])
        #expect(small.byteCount == 5)
    }

    @Test func disjointSetsJoinWhatIsUnitedAndNothingElse() {
        var sets = DisjointSets(count: 10)
        #expect((0..<10).allSatisfy { !sets.isJoined($0) })
        sets.union(1, 2)
        sets.union(3, 4)
        sets.union(2, 4)
        sets.union(7, 7)
        #expect(Set([1, 2, 3, 4].map { sets.root($0) }).count == 1)
        #expect([1, 2, 3, 4].allSatisfy { sets.isJoined($0) })
        #expect(![0, 5, 6, 7, 8, 9].contains { sets.isJoined($0) })
        #expect(sets.root(5) == 5 && sets.root(1) != sets.root(5))
    }
}
