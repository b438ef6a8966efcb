import Foundation

/// A bare TCP connection to a loopback port, for sending deliberately broken HTTP (half a
/// request, one byte at a time) and watching whether the server hangs up.
final class RawConnection {
    private let descriptor: Int32

    /// - Parameter source: the loopback address to connect from (any of 127.0.0.0/8), so one
    ///   test can look like many clients.
    init(port: Int, from source: String? = nil) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ServerProcess.Failure("socket() failed: errno \(errno)") }
        if let source {
            var local = sockaddr_in()
            local.sin_family = sa_family_t(AF_INET)
            local.sin_addr.s_addr = inet_addr(source)
            let bound = withUnsafePointer(to: &local) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0 else {
                close(descriptor)
                throw ServerProcess.Failure("bind(\(source)) failed: errno \(errno)")
            }
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(descriptor)
            throw ServerProcess.Failure("connect() failed: errno \(errno)")
        }
    }

    deinit { close(descriptor) }

    /// Sends `text`; false when the server has already closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { buffer in
            Glibc.send(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL)) == buffer.count
        }
    }

    /// Waits up to `seconds` for the server to close the connection (EOF or reset), discarding
    /// anything it sends first. Returns the seconds it took, or nil if it stayed open.
    func waitForClose(within seconds: Double) -> Double? {
        let started = Date()
        var closed = false
        read(for: seconds) { chunk in
            if chunk == nil { closed = true }
            return chunk == nil
        }
        return closed ? Date().timeIntervalSince(started) : nil
    }

    /// Reads until the end of a response head, the connection closes, or `seconds` pass, and
    /// returns what arrived.
    func receiveHead(within seconds: Double) -> String {
        var received: [UInt8] = []
        read(for: seconds) { chunk in
            guard let chunk else { return true }
            received += chunk
            return String(decoding: received, as: UTF8.self).contains("\r\n\r\n")
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Sends one request with a JSON body on a connection of its own and returns the status.
    static func post(_ path: String, json: String, port: Int, from source: String) throws -> Int {
        let connection = try RawConnection(port: port, from: source)
        connection.send("POST \(path) HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: \(json.utf8.count)\r\nConnection: close\r\n\r\n\(json)")
        let head = connection.receiveHead(within: 30)
        let parts = head.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1]) else { return 0 }
        return status
    }

    /// Hands each chunk read (nil at EOF or error) to `done` until it returns true or time runs out.
    private func read(for seconds: Double, until done: ([UInt8]?) -> Bool) {
        let started = Date()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let left = seconds - Date().timeIntervalSince(started)
            if left <= 0 { return }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(max(1, min(left, 1) * 1000)))
            if ready < 0, errno != EINTR {
                _ = done(nil)
                return
            }
            guard ready > 0 else { continue }
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if done(count > 0 ? Array(buffer[0..<count]) : nil) || count <= 0 { return }
        }
    }
}
