import Foundation
import NSXJSON
import Testing

/// A request body is parsed before anyone is authenticated, so the parser's cost must grow
/// with the size of the input and nothing else: an object of n keys costs O(n), never O(n²).
@Suite(.serialized) struct ObjectScalingTests {
    /// `{"k0":0,"k1":0,…}`
    static func object(keys: Int) -> [UInt8] {
        var text = "{"
        text.reserveCapacity(keys * 12)
        for index in 0..<keys {
            if index > 0 { text += "," }
            text += "\"k\(index)\":0"
        }
        return Array((text + "}").utf8)
    }

    /// The least CPU time (this thread's, so other processes' load barely counts) of a few runs.
    static func cpuSeconds(runs: Int = 3, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            var start = timespec(), end = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
            try body()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
            best = min(best, Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9)
        }
        return best
    }

    /// Ten times the keys must cost about ten times the work: linear is ~10×, the old
    /// quadratic insert was ~100×. The bound leaves room for cache effects and noise.
    @Test func parsingTimeGrowsLinearlyWithTheNumberOfKeys() throws {
        let small = Self.object(keys: 10_000)
        let large = Self.object(keys: 100_000)
        var parsed = 0
        let smallTime = try Self.cpuSeconds { parsed = try JSONValue.parse(small).objectValue?.count ?? 0 }
        #expect(parsed == 10_000)
        let largeTime = try Self.cpuSeconds { parsed = try JSONValue.parse(large).objectValue?.count ?? 0 }
        #expect(parsed == 100_000)
        let ratio = largeTime / smallTime
        #expect(ratio < 30, "10k keys: \(smallTime) s, 100k keys: \(largeTime) s, ratio \(ratio)")
    }

    /// Building an object key by key, and removing keys one by one, stay linear too (merge
    /// patches remove keys with `null`).
    @Test func insertingAndRemovingManyKeysIsLinear() {
        func churn(_ count: Int) -> Double {
            Self.cpuSeconds {
                var object = JSONObject()
                for index in 0..<count { object["k\(index)"] = .null }
                for index in stride(from: 0, to: count, by: 2) { object["k\(index)"] = nil }
                #expect(object.count == count / 2)
                #expect(object.keys.first == "k1")
            }
        }
        let small = churn(5_000)
        let large = churn(50_000)
        #expect(large / small < 30, "5k keys: \(small) s, 50k keys: \(large) s")
    }

    @Test func aRepeatedKeyKeepsItsFirstPlaceAndItsLastValue() throws {
        let many = "{" + (0..<1_000).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + ",\"k5\":\"last\",\"k999\":null}"
        let object = try #require(try JSONValue.parse(many).objectValue)
        #expect(object.count == 1_000)
        #expect(object["k5"] == "last")
        #expect(object["k999"] == .null)
        #expect(object.keys[5] == "k5")
        #expect(object.keys.last == "k999")
    }

    @Test func theDepthCapIsAParameter() throws {
        let nested = { (depth: Int) in String(repeating: "[", count: depth) + String(repeating: "]", count: depth) }
        #expect(try JSONValue.parse(nested(64), maxDepth: 64).serialized() == nested(64))
        let error = try #require(throws: JSONParseError.self) { try JSONValue.parse(nested(65), maxDepth: 64) }
        #expect(error.offset == 64)
        #expect(error.reason == "nesting deeper than 64 levels")
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Array("{\"a\":{\"b\":1}}".utf8), maxDepth: 1) }
        #expect(try JSONValue.parse(Array("{\"a\":1}".utf8), maxDepth: 1) == ["a": 1])
        // The default stays as it was.
        #expect(try JSONValue.parse(nested(JSONValue.maximumNestingDepth)).arrayValue != nil)
    }
}
