import Foundation
import Synchronization
import Testing
@testable import DossierModel

/// `ParallelMap.firstIndex`: the answer a loop gives, found on all cores.
@Suite struct ParallelFirstTests {
    @Test func givesTheFirstHitInOrderWhereverTheHitsLie() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let lower = Int.random(in: 0...50, using: &rng)
            let range = lower..<(lower + Int.random(in: 0...400, using: &rng))
            let chunk = Int.random(in: 1...40, using: &rng)
            // none, one, or many hits, anywhere
            let hits = Set((0..<Int.random(in: 0...4, using: &rng)).compactMap { _ in range.randomElement(using: &rng) })
            #expect(ParallelMap.firstIndex(in: range, chunk: chunk) { hits.contains($0) } == range.first(where: hits.contains),
                    "\(range) chunk \(chunk) hits \(hits.sorted())")
        }
        #expect(ParallelMap.firstIndex(in: 0..<0, chunk: 8) { _ in true } == nil)
        #expect(ParallelMap.firstIndex(in: 0..<100, chunk: 0) { $0 == 99 } == 99)
    }

    @Test func hearsTheEndOfEveryChunkItTested() {
        // no hit: every chunk is tested, and each end heard once
        let ends = Atomic<Int>(0), tested = Atomic<Int>(0)
        let none = ParallelMap.firstIndex(in: 0..<10_000, chunk: 100, where: { _ in
            tested.add(1, ordering: .relaxed)
            return false
        }, chunkDone: { ends.add(1, ordering: .relaxed) })
        #expect(none == nil)
        #expect(tested.load(ordering: .relaxed) == 10_000)
        #expect(ends.load(ordering: .relaxed) == 100)
        // a hit in the first chunk: its end is heard too, and no more than a chunk per core
        let early = Atomic<Int>(0)
        let hit = ParallelMap.firstIndex(in: 0..<10_000, chunk: 100, where: { $0 == 5 },
                                         chunkDone: { early.add(1, ordering: .relaxed) })
        #expect(hit == 5)
        #expect((1...ParallelMap.threads + 1).contains(early.load(ordering: .relaxed)))
    }

    @Test func doesNotTestFarPastAnEarlyHit() {
        let tested = Atomic<Int>(0), hit = Atomic<Bool>(false)
        let first = ParallelMap.firstIndex(in: 0..<100_000, chunk: 100) { i in
            tested.add(1, ordering: .relaxed)
            // a thread that took a later chunk waits until the hit is in, so that how far it
            // gets does not depend on which thread started first
            if i % 100 == 0, i > 0 {
                while !hit.load(ordering: .acquiring) { usleep(100) }
                usleep(20_000)
            }
            if i == 5 { hit.store(true, ordering: .releasing) }
            return i == 5
        }
        #expect(first == 5)
        // the first chunk up to its hit, and at most one chunk on each other core
        #expect(tested.load(ordering: .relaxed) <= 6 + 100 * (ParallelMap.threads - 1))
    }
}
