/// Union-find over `0..<count`, in 32-bit places (a million quotes at 100k articles), with
/// a mark on each root that has taken in another element: every other element is alone.
struct DisjointSets {
    private var parent: [Int32]
    private var joined: [Bool]

    init(count: Int) {
        parent = (0..<count).map { Int32($0) }
        joined = [Bool](repeating: false, count: count)
    }

    mutating func root(_ i: Int) -> Int {
        var i = i
        while Int(parent[i]) != i {
            parent[i] = parent[Int(parent[i])]
            i = Int(parent[i])
        }
        return i
    }

    mutating func union(_ a: Int, _ b: Int) {
        let ra = root(a), rb = root(b)
        guard ra != rb else { return }
        parent[rb] = Int32(ra)
        joined[ra] = true
    }

    /// Whether `i` shares its set with another element.
    mutating func isJoined(_ i: Int) -> Bool { joined[root(i)] }
}
