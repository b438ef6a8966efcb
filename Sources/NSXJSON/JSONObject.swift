/// A JSON object whose keys keep the order they were inserted or parsed in.
///
/// Lookups are linear for small objects (the common API shape of a dozen keys, where a
/// scan beats hashing) and use a key index once an object grows past `indexThreshold`.
/// Equality is order-sensitive: two objects are equal when they hold the same pairs in
/// the same order, because that order is part of what `serialized()` writes.
public struct JSONObject: Sendable, Equatable, Sequence {
    public typealias Element = (key: String, value: JSONValue)

    private var pairs: [Element]
    /// Position of each key in `pairs`; only maintained for large objects.
    private var index: [String: Int]?

    private static let indexThreshold = 16

    /// Builds an object from pairs in order; a repeated key keeps its first position and its last value.
    public init(_ pairs: [(String, JSONValue)] = []) {
        self.pairs = []
        self.pairs.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    public var keys: [String] { pairs.map(\.key) }
    public var values: [JSONValue] { pairs.map(\.value) }
    public var count: Int { pairs.count }
    public var isEmpty: Bool { pairs.isEmpty }

    /// The value for `key`; setting nil removes the key, setting an existing key keeps its position.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let position = position(of: key) else { return nil }
            return pairs[position].value
        }
        set {
            if let position = position(of: key) {
                if let newValue {
                    pairs[position].value = newValue
                } else {
                    pairs.remove(at: position)
                    rebuildIndex()
                }
            } else if let newValue {
                pairs.append((key, newValue))
                if index != nil {
                    index![key] = pairs.count - 1
                } else if pairs.count > Self.indexThreshold {
                    rebuildIndex()
                }
            }
        }
    }

    public func contains(key: String) -> Bool { position(of: key) != nil }

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

    public func makeIterator() -> IndexingIterator<[Element]> { pairs.makeIterator() }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.pairs.count == rhs.pairs.count else { return false }
        for (left, right) in zip(lhs.pairs, rhs.pairs) where left.key != right.key || left.value != right.value {
            return false
        }
        return true
    }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return pairs.firstIndex { $0.key == key }
    }

    private mutating func rebuildIndex() {
        guard pairs.count > Self.indexThreshold else { index = nil; return }
        var rebuilt = [String: Int](minimumCapacity: pairs.count)
        for (position, pair) in pairs.enumerated() { rebuilt[pair.key] = position }
        index = rebuilt
    }
}
