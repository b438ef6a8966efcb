import Foundation
import Testing
@testable import NSXServer

/// Slowloris: clients that open connections and never finish a request must not hold them.
/// Runs the real binary with short timeouts so the tests take seconds, not minutes.
@Suite(.serialized) struct ConnectionLimitTests {
    static let request = "GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\n\r\n"

    @Test func aHalfSentRequestIsClosedWithinTheHeaderTimeout() throws {
        let server = try ServerProcess(arguments: ["--memory", "--header-timeout", "1"])
        defer { _ = server.terminate() }
        let connection = try RawConnection(port: server.port)
        #expect(connection.send("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\n"))
        let closedAfter = connection.waitForClose(within: 10)
        #expect(closedAfter != nil, "the server kept a half-sent request open")
        #expect((closedAfter ?? 99) < 5)
    }

    @Test func headersDrippedOneByteAtATimeAreClosedToo() throws {
        let server = try ServerProcess(arguments: ["--memory", "--header-timeout", "1", "--idle-timeout", "60"])
        defer { _ = server.terminate() }
        let connection = try RawConnection(port: server.port)
        let started = Date()
        var closed = false
        // An idle timeout alone would never fire: a byte arrives every 200 ms.
        for character in String(repeating: "X-Slow: yes\r\n", count: 40) {
            if !connection.send(String(character)) || connection.waitForClose(within: 0.2) != nil {
                closed = true
                break
            }
        }
        #expect(closed, "the server kept a dripping request open")
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func anIdleKeptAliveConnectionLastsUntilTheIdleTimeout() throws {
        let server = try ServerProcess(arguments: ["--memory", "--header-timeout", "1", "--idle-timeout", "4"])
        defer { _ = server.terminate() }
        let connection = try RawConnection(port: server.port)
        #expect(connection.send(Self.request))
        #expect(connection.receiveHead(within: 5).hasPrefix("HTTP/1.1 401"))
        // Longer than the header timeout: waiting between requests is not sending headers slowly.
        #expect(connection.waitForClose(within: 2) == nil)
        #expect(connection.send(Self.request))
        #expect(connection.receiveHead(within: 5).hasPrefix("HTTP/1.1 401"))
        let closedAfter = connection.waitForClose(within: 15)
        #expect(closedAfter != nil, "an idle connection must be closed after the idle timeout")
    }

    @Test func connectionsOverTheCapAreClosedWithALogLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-cap-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try ServerProcess(arguments: ["--memory", "--max-connections", "3", "--header-timeout", "60"],
                                       stderrPath: folder + "/stderr")
        defer { _ = server.terminate() }
        // Connections are set up on several event loops, so which of four is turned away
        // is not fixed; exactly one is.
        var connections = try (0..<4).map { _ in try RawConnection(port: server.port) }
        var closed: Set<Int> = []
        let started = Date()
        while closed.isEmpty, Date().timeIntervalSince(started) < 5 {
            for (index, connection) in connections.enumerated() where connection.waitForClose(within: 0.05) != nil {
                closed.insert(index)
            }
        }
        for (index, connection) in connections.enumerated() where !closed.contains(index) && connection.waitForClose(within: 0.2) != nil {
            closed.insert(index)
        }
        #expect(closed.count == 1, "one connection over the cap of 3 must be refused, and only one")
        #expect(server.stderr.contains("connection limit of 3 reached"), "stderr: \(server.stderr)")
        var held = connections.enumerated().filter { !closed.contains($0.offset) }.map(\.element)
        connections.removeAll()
        held.removeFirst()
        var answered = false
        for _ in 0..<50 where !answered {
            let next = try RawConnection(port: server.port)
            next.send(Self.request)
            answered = next.receiveHead(within: 2).hasPrefix("HTTP/1.1 401")
            if !answered { usleep(100_000) }
        }
        #expect(answered, "a connection is accepted again once one closes")
        _ = held
    }
}
