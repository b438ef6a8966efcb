import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What the test server does with one request.
enum ScriptedReply: Sendable {
    /// A full response after `delay`; Content-Length is added unless given.
    case respond(status: Int, headers: [(String, String)] = [], body: [UInt8] = [], delay: Duration = .zero)
    /// Read the request, then close the connection without a byte of answer.
    case closeWithoutResponse
    /// Announce `declaredLength` bytes, send `body` (fewer), then close.
    case truncated(status: Int, declaredLength: Int, body: [UInt8])
    /// No Content-Length: the body ends when the connection closes.
    case untilClose(status: Int, body: [UInt8])

    static func json(_ status: Int, _ text: String, headers: [(String, String)] = []) -> ScriptedReply {
        .respond(status: status, headers: [("Content-Type", "application/json")] + headers, body: Array(text.utf8))
    }
}

extension ScriptedReply: CustomTestStringConvertible {
    var testDescription: String {
        switch self {
        case .respond(let status, _, let body, let delay):
            "\(status) with \(body.count) bytes" + (delay > .zero ? " after \(delay)" : "")
        case .closeWithoutResponse: "connection closed without a response"
        case .truncated(_, let declared, let body): "\(body.count) of \(declared) announced bytes"
        case .untilClose(_, let body): "\(body.count) bytes until the connection closes"
        }
    }
}

/// One request as the server read it off the wire.
struct RecordedRequest: Sendable {
    let method: String
    let target: String
    let headers: [(String, String)]
    let body: [UInt8]
    /// Which accepted TCP connection carried it, counting from 1.
    let connection: Int

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}

/// A tiny HTTP/1.1 server on 127.0.0.1 and a free port, answering from a script, so the
/// tests drive real libcurl over real loopback sockets. Keep-alive is honoured, so tests
/// can count connections.
final class TestHTTPServer: Sendable {
    let port: Int
    private let listener: Int32
    private let state: Mutex<State>

    private struct State {
        var replies: [ScriptedReply]
        var requests: [RecordedRequest] = []
        var connections = 0
        var openSockets: Set<Int32> = []
        var stopped = false
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }
    var requests: [RecordedRequest] { state.withLock { $0.requests } }
    var connectionCount: Int { state.withLock { $0.connections } }

    /// Serves `replies` in order, one per request; after the last, every request gets a 500.
    init(_ replies: [ScriptedReply]) throws {
        state = Mutex(State(replies: replies))
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else {
            close(listener)
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        self.listener = listener
        let server = self
        Thread.detachNewThread { server.acceptLoop() }
    }

    /// Stops listening and cuts every open connection; idempotent. Sockets are only shut
    /// down here (under the lock, so none can have been closed and its number reused); the
    /// threads that own them close them.
    func stop() {
        state.withLock { state in
            guard !state.stopped else { return }
            state.stopped = true
            shutdown(listener, Int32(SHUT_RDWR))
            for socket in state.openSockets { shutdown(socket, Int32(SHUT_RDWR)) }
        }
    }

    /// The port of this server after stopping it: nothing listens there any more.
    func closedPort() -> Int {
        stop()
        return port
    }

    // MARK: serving

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if errno == EINTR { continue }
                return
            }
            let connection: Int? = state.withLock { state in
                guard !state.stopped else { return nil }
                state.connections += 1
                state.openSockets.insert(client)
                return state.connections
            }
            guard let connection else {
                close(client)
                return
            }
            Thread.detachNewThread { self.serve(client, connection: connection) }
        }
    }

    private func serve(_ socket: Int32, connection: Int) {
        defer {
            state.withLock { _ = $0.openSockets.remove(socket) }
            close(socket)
        }
        var reader = RequestReader(socket: socket)
        while let (head, body) = reader.next() {
            let request = Self.parse(head: head, body: body, connection: connection)
            let reply: ScriptedReply = state.withLock { state in
                state.requests.append(request)
                return state.replies.isEmpty ? .json(500, #"{"error":"no scripted reply left"}"#) : state.replies.removeFirst()
            }
            guard answer(reply, on: socket) else { return }
        }
    }

    /// Writes the reply; false when the connection is to be closed.
    private func answer(_ reply: ScriptedReply, on socket: Int32) -> Bool {
        switch reply {
        case .respond(let status, let headers, let body, let delay):
            // Waiting in poll() ends early when the client gives up and closes.
            if delay > .zero, clientHungUp(socket, within: delay) { return false }
            var allHeaders = headers
            if !headers.contains(where: { $0.0.lowercased() == "content-length" }) {
                allHeaders.append(("Content-Length", String(body.count)))
            }
            return write(Self.head(status: status, headers: allHeaders) + body, to: socket)
        case .closeWithoutResponse:
            return false
        case .truncated(let status, let declaredLength, let body):
            _ = write(Self.head(status: status, headers: [("Content-Length", String(declaredLength))]) + body, to: socket)
            return false
        case .untilClose(let status, let body):
            _ = write(Self.head(status: status, headers: [("Connection", "close")]) + body, to: socket)
            return false
        }
    }

    private func clientHungUp(_ socket: Int32, within delay: Duration) -> Bool {
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        let (seconds, attoseconds) = delay.components
        return poll(&descriptor, 1, Int32(seconds * 1000 + attoseconds / 1_000_000_000_000_000)) > 0
    }

    private func write(_ bytes: [UInt8], to socket: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    private static func head(status: Int, headers: [(String, String)]) -> [UInt8] {
        var text = "HTTP/1.1 \(status) Scripted\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        return Array((text + "\r\n").utf8)
    }

    private static func parse(head: String, body: [UInt8], connection: Int) -> RecordedRequest {
        let lines = head.components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        let headers = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return RecordedRequest(method: String(requestLine[0]), target: String(requestLine[1]),
                               headers: headers, body: body, connection: connection)
    }
}

/// Reads requests one after another off a keep-alive connection.
private struct RequestReader {
    let socket: Int32
    var buffer: [UInt8] = []

    /// The next request's head (up to the blank line) and body; nil at end of stream.
    mutating func next() -> (String, [UInt8])? {
        let separator = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            headEnd = buffer.indices.dropLast(3).first { buffer[$0..<($0 + 4)].elementsEqual(separator) }
            if headEnd == nil, !fill() { return nil }
        }
        let head = String(decoding: buffer[..<headEnd!], as: UTF8.self)
        buffer.removeFirst(headEnd! + 4)
        let length = head.components(separatedBy: "\r\n")
            .first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        while buffer.count < length {
            guard fill() else { return nil }
        }
        let body = Array(buffer[..<length])
        buffer.removeFirst(length)
        return (head, body)
    }

    private mutating func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[..<count])
        return true
    }
}
