import Crypto
import Foundation
import NSXJSON
import NSXTime
import Testing
@testable import NSXServer

@Suite struct SessionTests {
    @Test func loginReturnsTokenExpiryAndUser() async throws {
        try await TestServer.run { server in
            server.clock.freeze()
            let response = try await server.api.post("/auth/login", ["email": "alice@example.com", "password": "alice-password"], token: nil)
            #expect(response.status == 200)
            let user = try #require(response.dataObject["user"]?.objectValue)
            #expect(user["email"] == "alice@example.com")
            #expect(user["name"] == "Alice")
            #expect(user["id"]?.stringValue?.hasPrefix("usr_") == true)
            let expiry = try #require(response["expires_at"].flatMap(Timestamp.init(rfc3339:))?.secondsSinceEpoch)
            #expect(abs(expiry - server.clock.now() - 86_400) < 5)
            #expect(response.header("X-RateLimit-Limit") == nil)
        }
    }

    @Test func loginValidatesFields() async throws {
        try await TestServer.run { server in
            let response = try await server.api.post("/auth/login", ["email": 5], token: nil)
            #expect(response.status == 400)
            #expect(Set(response.detailFields) == ["email", "password"])
        }
    }

    @Test func meDescribesASession() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let me = try await server.api.get("/api/v1/me", token: token)
            let auth = try #require(me.dataObject["auth"]?.objectValue)
            #expect(auth["type"] == "session")
            #expect(auth["environment"] == "live")
            #expect(auth["token"] == .null)
            #expect(auth["permissions"]?.arrayValue?.count == Permission.allCases.count)
            #expect(me.dataObject["user"]?.objectValue?["email"] == "alice@example.com")
            let test = try await server.api.get("/api/v1/me", token: token, headers: ["Nurosentrix-Environment": "test"])
            #expect(test.dataObject["auth"]?.objectValue?["environment"] == "test")
        }
    }

    @Test func fiveFailuresLockTheEmailForFifteenMinutes() async throws {
        try await TestServer.run { server in
            for _ in 0..<5 {
                let failed = try await server.api.post("/auth/login", ["email": "alice@example.com", "password": "wrong"], token: nil)
                #expect(failed.status == 401)
            }
            let locked = try await server.api.post("/auth/login", ["email": "alice@example.com", "password": "alice-password"], token: nil)
            #expect(locked.status == 429)
            #expect(locked.errorCode == "RATE_LIMITED")
            let retryAfter = try #require(Int(locked.header("Retry-After") ?? ""))
            #expect((1...900).contains(retryAfter))
            // Another email is not affected.
            _ = try await server.login(TestServer.bob)
            server.clock.advance(by: 15 * 60 + 1)
            _ = try await server.login()
        }
    }

    @Test func unknownEmailIsThrottledTheSameWay() async throws {
        try await TestServer.run { server in
            for _ in 0..<5 {
                _ = try await server.api.post("/auth/login", ["email": "ghost@example.com", "password": "x"], token: nil)
            }
            let locked = try await server.api.post("/auth/login", ["email": "ghost@example.com", "password": "x"], token: nil)
            #expect(locked.status == 429)
        }
    }

    @Test func logoutEndsTheSessionAndRefreshIssuesANewOne() async throws {
        try await TestServer.run { server in
            let first = try await server.login()
            let refreshed = try await server.api.post("/auth/refresh", token: first)
            #expect(refreshed.status == 200)
            let second = try #require(refreshed["token"])
            #expect(second != first)
            // The old session stays valid until its own expiry.
            let oldStillValid = try await server.api.get("/api/v1/me", token: first)
            #expect(oldStillValid.status == 200)

            let logout = try await server.api.post("/auth/logout", token: first)
            #expect(logout.status == 200)
            #expect(logout.data == .null)
            let afterLogout = try await server.api.get("/api/v1/me", token: first)
            let refreshAfterLogout = try await server.api.post("/auth/refresh", token: first)
            let otherSession = try await server.api.get("/api/v1/me", token: second)
            #expect(afterLogout.status == 401)
            #expect(refreshAfterLogout.status == 401)
            #expect(otherSession.status == 200)
        }
    }

    @Test func sessionRoutesRefuseAPITokens() async throws {
        try await TestServer.run { server in
            let token = try await server.makeToken()
            let refresh = try await server.api.post("/auth/refresh", token: token.secret)
            let logout = try await server.api.post("/auth/logout", token: token.secret)
            #expect(refresh.status == 401)
            #expect(logout.status == 401)
        }
    }

    @Test func sessionExpiresAfterADay() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            server.clock.advance(by: 86_400 + 1)
            let response = try await server.api.get("/api/v1/me", token: token)
            #expect(response.status == 401)
        }
    }

    @Test func tamperedPayloadIsRefused() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let bob = try await server.login(TestServer.bob)
            let bobMe = try await server.api.get("/api/v1/me", token: bob)
            let bobID = try #require(bobMe.dataObject["user"]?.objectValue?["id"]?.stringValue)
            let parts = token.split(separator: ".").map(String.init)
            let payloadBytes = try #require(Base64URL.decode(parts[1]))
            var payload = try #require(try JSONValue.parse(payloadBytes).objectValue)
            payload["sub"] = .string(bobID)
            let forged = [parts[0], Base64URL.encode(JSONValue.object(payload).serializedBytes()), parts[2]].joined(separator: ".")
            let response = try await server.api.get("/api/v1/me", token: forged)
            #expect(response.status == 401)
        }
    }

    @Test func algorithmNoneAndOthersAreRefused() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let parts = token.split(separator: ".").map(String.init)
            let none = Base64URL.encode(Array(#"{"alg":"none","typ":"JWT"}"#.utf8))
            let hs512 = Base64URL.encode(Array(#"{"alg":"HS512","typ":"JWT"}"#.utf8))
            for forged in ["\(none).\(parts[1]).", "\(none).\(parts[1]).\(parts[2])", "\(hs512).\(parts[1]).\(parts[2])"] {
                let response = try await server.api.get("/api/v1/me", token: forged)
                #expect(response.status == 401)
            }
            let genuine = try await server.api.get("/api/v1/me", token: token)
            #expect(genuine.status == 200)
        }
    }

    /// A 32-byte HMAC is 43 base64url characters; the last one carries two unused bits, so a
    /// lenient decoder accepts three other spellings of the same signature.
    @Test func aMalleatedLastCharacterIsRefused() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
            let last = try #require(token.last)
            let value = try #require(alphabet.firstIndex(of: last))
            for flip in 1...3 {
                let malleated = String(token.dropLast()) + String(alphabet[value ^ flip])
                let response = try await server.api.get("/api/v1/me", token: malleated)
                #expect(response.status == 401, "signature ending in \(alphabet[value ^ flip]) accepted")
            }
            #expect(try await server.api.get("/api/v1/me", token: token).status == 200)
        }
    }

    @Test func expiredButValidlySignedTokenIsRefused() {
        let jwt = SessionJWT(key: SymmetricKey(size: .bits256))
        let claims = SessionClaims(userID: "usr_a", sessionID: "ses_a", issuedAt: 1_000, expiresAt: 2_000)
        let token = jwt.sign(claims)
        #expect(jwt.verify(token, now: 1_500) == claims)
        #expect(jwt.verify(token, now: 2_000) == nil)
        #expect(SessionJWT(key: SymmetricKey(size: .bits256)).verify(token, now: 1_500) == nil)
    }

    @Test func jwtKeyIsKeptWithOwnerOnlyPermissions() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-key-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dataFolder = try DataFolder(databasePath: folder + "/nsx.sqlite")
        let first = try ServerKeys.load(folder: dataFolder)
        let second = try ServerKeys.load(folder: dataFolder)
        #expect(first.signingKey == second.signingKey)
        #expect(first.idempotencyPepper == second.idempotencyPepper)
        #expect(first.idempotencyPepper != first.signingKey)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/jwt-signing.key")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }
}
