import Testing
@testable import NSXServer

@Suite struct PaginationTests {
    @Test func twoHundredFiftyItemsWithInsertsBetweenPages() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            var originals: [String] = []
            for index in 0..<250 {
                originals.append(try await server.createServer("srv-\(index)", token: token))
                // Spread creation over several seconds so ordering uses both keys.
                if index % 40 == 0 { server.clock.advance(by: 1) }
            }
            var seen: [String] = []
            var keys: [String] = []
            var cursor: String?
            var inserted = 0
            repeat {
                let query = cursor.map { "?limit=7&cursor=\($0)" } ?? "?limit=7"
                let page = try await server.api.get("/api/v1/servers\(query)", token: token)
                #expect(page.status == 200)
                #expect(page.meta["limit"] == 7)
                seen += page.items.compactMap { $0["id"]?.stringValue }
                keys += page.items.map { ($0["created_at"]?.stringValue ?? "") + " " + ($0["id"]?.stringValue ?? "") }
                cursor = page.meta["next_cursor"]?.stringValue
                #expect(page.meta["has_more"] == .bool(cursor != nil))
                // Another client inserts while we page.
                _ = try await server.createServer("late-\(inserted)", token: token)
                inserted += 1
            } while cursor != nil

            #expect(Set(seen).count == seen.count, "no item is repeated")
            #expect(Set(originals).isSubset(of: Set(seen)), "no original item is skipped")
            #expect(keys == keys.sorted(), "oldest first, ties broken by id")
        }
    }

    @Test func defaultLimitAndFilters() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            for index in 0..<23 {
                _ = try await server.createServer("s-\(index)", token: token, region: index % 2 == 0 ? "us-east" : "eu-central")
            }
            let first = try await server.api.get("/api/v1/servers", token: token)
            #expect(first.items.count == 20)
            #expect(first.meta["limit"] == 20)
            #expect(first.meta["has_more"] == true)
            let east = try await server.api.get("/api/v1/servers?region=us-east&limit=100", token: token)
            #expect(east.items.count == 12)
            #expect(east.meta["next_cursor"] == .null)
            #expect(east.meta["has_more"] == false)
            let named = try await server.api.get("/api/v1/servers?name=s-3", token: token)
            #expect(named.items.map { $0["name"] } == ["s-3"])
        }
    }

    @Test func orderBreaksTiesByID() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            for index in 0..<15 { _ = try await server.createServer("t-\(index)", token: token) }
            let items = try await server.api.get("/api/v1/servers?limit=100", token: token).items
            let keys: [String] = items.map { item in
                (item["created_at"]?.stringValue ?? "") + " " + (item["id"]?.stringValue ?? "")
            }
            #expect(keys.count == 15)
            #expect(keys == keys.sorted())
        }
    }

    @Test func cursorRoundTrips() {
        let cursor = Cursor(createdAt: 1_700_000_000, id: "srv_abc123def456")
        #expect(Cursor(encoded: cursor.encoded) == cursor)
        #expect(Cursor(encoded: "") == nil)
        #expect(Cursor(encoded: "!!!") == nil)
        #expect(Cursor(encoded: "djE6eDp5") == nil) // "v1:x:y"
    }
}
