/// A JSON object whose keys keep the order they were inserted or parsed in.
///
/// Every operation costs O(1) amortised, so an object of n keys is built, read and emptied
/// in O(n) however hostile its keys: request bodies are parsed before anyone is
/// authenticated. Small objects (the common API shape of a dozen keys, where a scan beats
/// hashing) are searched linearly; past `indexThreshold` members a hash index maps each key
/// to its slot. A removed member leaves a hole until enough holes pile up to compact them,
/// so a removal never shifts the members after it.
///
/// Equality is order-sensitive: two objects are equal when they hold the same pairs in the
/// same order, because that order is part of what `serialized()` writes.
public struct JSONObject: Sendable, Equatable, Sequence {
    public typealias Element = (key: String, value: JSONValue)

    /// Members in order; nil marks a removed one.
    private var slots: [Element?] = []
    /// Slot of each key; only kept once the object is larger than `indexThreshold`.
    private var index: [String: Int]?
    private var holes = 0

    private static let indexThreshold = 16

    /// Builds an object from pairs in order; a repeated key keeps its first position and its last value.
    public init(_ pairs: [(String, JSONValue)] = []) {
        slots.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    /// Takes the members of a parsed object in document order, all at once: the index is sized
    /// once and each key hashed once. A repeated key keeps its first place and its last value.
    init(parsedMembers members: [Element?]) {
        slots = members
        if slots.count > Self.indexThreshold {
            var index = [String: Int](minimumCapacity: slots.count)
            for slot in slots.indices {
                let key = slots[slot]!.key
                if let first = index.updateValue(slot, forKey: key) {
                    index[key] = first
                    mergeRepeat(at: slot, into: first)
                }
            }
            self.index = index
        } else {
            for slot in slots.indices {
                let key = slots[slot]!.key
                if let first = slots[..<slot].firstIndex(where: { $0?.key == key }) { mergeRepeat(at: slot, into: first) }
            }
        }
        compactIfSparse()
    }

    public var keys: [String] { map(\.key) }
    public var values: [JSONValue] { map(\.value) }
    public var count: Int { slots.count - holes }
    public var isEmpty: Bool { count == 0 }
    public var underestimatedCount: Int { count }

    /// The value for `key`; setting nil removes the key, setting an existing key keeps its position.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let slot = slot(of: key) else { return nil }
            return slots[slot]?.value
        }
        set {
            if let slot = slot(of: key) {
                if let newValue {
                    slots[slot]!.value = newValue
                } else {
                    remove(slot: slot, key: key)
                }
            } else if let newValue {
                append(key, newValue)
            }
        }
    }

    public func contains(key: String) -> Bool { slot(of: key) != nil }

    /// Removes `key` and returns its value, if it was present.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        let old = self[key]
        self[key] = nil
        return old
    }

    /// Adds or replaces each pair of `other`, in `other`'s order.
    public mutating func merge(_ other: JSONObject) {
        for (key, value) in other { self[key] = value }
    }

    /// A copy with only `keys` (those present), in the order given.
    public func selecting(_ keys: [String]) -> JSONObject {
        var result = JSONObject()
        for key in keys { if let value = self[key] { result[key] = value } }
        return result
    }

    /// Walks the members in order, stepping over holes.
    public struct Iterator: IteratorProtocol {
        fileprivate var base: IndexingIterator<[Element?]>

        public mutating func next() -> Element? {
            while let slot = base.next() {
                if let slot { return slot }
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(base: slots.makeIterator()) }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (left, right) in zip(lhs, rhs) where left.key != right.key || left.value != right.value {
            return false
        }
        return true
    }

    // MARK: Storage

    private func slot(of key: String) -> Int? {
        if let index { return index[key] }
        return slots.firstIndex { $0?.key == key }
    }

    private mutating func append(_ key: String, _ value: JSONValue) {
        slots.append((key, value))
        if index != nil {
            index![key] = slots.count - 1
        } else if count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    private mutating func remove(slot: Int, key: String) {
        slots[slot] = nil
        holes += 1
        index?[key] = nil
        compactIfSparse()
    }

    /// A later member with the key of an earlier one: its value wins, in the earlier place.
    private mutating func mergeRepeat(at slot: Int, into first: Int) {
        slots[first]!.value = slots[slot]!.value
        slots[slot] = nil
        holes += 1
    }

    /// Drops trailing holes, and compacts once at least half the slots are holes: O(count)
    /// at most once per count/2 removals, so O(1) per removal.
    private mutating func compactIfSparse() {
        while slots.last.map({ $0 == nil }) == true {
            slots.removeLast()
            holes -= 1
        }
        if holes >= 8, holes * 2 >= slots.count {
            slots = slots.filter { $0 != nil }
            holes = 0
            rebuildIndex()
        }
    }

    private mutating func rebuildIndex() {
        guard count > Self.indexThreshold else { index = nil; return }
        var rebuilt = [String: Int](minimumCapacity: slots.count)
        for (slot, member) in slots.enumerated() {
            if let member { rebuilt[member.key] = slot }
        }
        index = rebuilt
    }
}
