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
                keys += page.items.map { $0["created_at"]?.stringValue ?? "" }
                cursor = page.meta["next_cursor"]?.stringValue
                #expect(page.meta["has_more"] == .bool(cursor != nil))
                // Another client inserts while we page.
                _ = try await server.createServer("late-\(inserted)", token: token)
                inserted += 1
            } while cursor != nil

            #expect(Set(seen).count == seen.count, "no item is repeated")
            #expect(seen.filter(Set(originals).contains) == originals, "every original item, in creation order")
            #expect(keys == keys.sorted(), "oldest first")
        }
    }

    /// Within one second, order used to be by random id: a server created while a client
    /// paged could sort before the cursor and never be seen.
    @Test func aServerCreatedMidPaginationAppearsOnALaterPage() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            server.clock.freeze()
            var created: [String] = []
            for index in 0..<10 { created.append(try await server.createServer("early-\(index)", token: token)) }
            let first = try await server.api.get("/api/v1/servers?limit=9", token: token)
            var seen = first.items.compactMap { $0["id"]?.stringValue }
            var cursor = first.meta["next_cursor"]?.stringValue
            // Created in the same second as everything on the first page.
            for index in 0..<10 { created.append(try await server.createServer("late-\(index)", token: token)) }
            while let next = cursor {
                let page = try await server.api.get("/api/v1/servers?limit=9&cursor=\(next)", token: token)
                #expect(page.status == 200)
                seen += page.items.compactMap { $0["id"]?.stringValue }
                cursor = page.meta["next_cursor"]?.stringValue
            }
            #expect(seen == created, "every server exactly once, in creation order")
        }
    }

    @Test func itemsCreatedInOneSecondListInCreationOrder() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            server.clock.freeze()
            let session = try await server.login()
            var servers: [String] = []
            var tokens: [String] = []
            for index in 0..<12 {
                servers.append(try await server.createServer("same-\(index)", token: token))
                tokens.append(try #require(try await server.makeToken([.serversRead], using: session).object["id"]?.stringValue))
            }
            let listedServers = try await server.api.get("/api/v1/servers?limit=100", token: token).items.compactMap { $0["id"]?.stringValue }
            let listedTokens = try await server.api.get("/api/v1/tokens?limit=100", token: token).items.compactMap { $0["id"]?.stringValue }
            #expect(listedServers == servers)
            #expect(listedTokens == tokens)
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

    @Test func orderIsCreationOrderAcrossSeconds() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            var created: [String] = []
            for index in 0..<15 {
                created.append(try await server.createServer("t-\(index)", token: token))
                if index % 4 == 0 { server.clock.advance(by: 1) }
            }
            let items = try await server.api.get("/api/v1/servers?limit=100", token: token).items
            let ids = items.map { $0["id"]?.stringValue ?? "" }
            let times = items.map { $0["created_at"]?.stringValue ?? "" }
            #expect(ids == created)
            #expect(times == times.sorted(), "oldest first")
        }
    }

    @Test func cursorRoundTrips() {
        let cursor = Cursor(sequence: 1_234)
        #expect(Cursor(encoded: cursor.encoded) == cursor)
        #expect(!cursor.encoded.contains("1234"), "opaque")
        #expect(Cursor(encoded: "") == nil)
        #expect(Cursor(encoded: "!!!") == nil)
        #expect(Cursor(encoded: Base64URL.encode(Array("v2:x".utf8))) == nil)
        #expect(Cursor(encoded: Base64URL.encode(Array("v2:-1".utf8))) == nil)
        // An earlier release's cursor named a position in the old order.
        #expect(Cursor(encoded: Base64URL.encode(Array("v1:1700000000:srv_abc123def456".utf8))) == nil)
    }
}
