import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NSXTime

/// A socket that is listened on but never accepted from while a test runs: a client's
/// connect succeeds (the kernel completes it into the backlog) and whatever it then waits for
/// never comes, as with a hung bus or keyring daemon. Afterwards `takeConnections` says what
/// reached it.
public final class SilentSocket {
    private let descriptor: Int32
    /// The TCP port, for a loopback listener; 0 for a Unix socket.
    public let port: Int

    /// A Unix socket at `path`.
    public init(path: String) throws {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes.prefix(raw.count - 1))
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0, listen(descriptor, 8) == 0 else {
            Glibc.close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        self.descriptor = descriptor
        port = 0
    }

    /// A TCP listener on 127.0.0.1, on a port of the system's choosing.
    public init(loopbackTCP: Void) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && listen(descriptor, 8) == 0
                    && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else {
            Glibc.close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Accepts every connection waiting in the backlog and reads each to its end (its
    /// client has gone by then): the bytes each connection carried, in the order they came.
    public func takeConnections() -> [[UInt8]] {
        var connections: [[UInt8]] = []
        while true {
            var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, 0) == 1 else { return connections }
            let connection = accept(descriptor, nil, nil)
            guard connection >= 0 else { return connections }
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            var ready = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            while poll(&ready, 1, 2000) == 1 {
                let count = buffer.withUnsafeMutableBytes { read(connection, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                received += buffer[..<count]
            }
            Glibc.close(connection)
            connections.append(received)
        }
    }

    /// Waits up to `timeout` for a client to connect, without accepting it; true when one has.
    public func waitForConnection(timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { return false }
            var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(clamping: left.wholeMilliseconds + 1)
            let ready = poll(&waiting, 1, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            return ready == 1
        }
    }

    public func close() {
        Glibc.close(descriptor)
    }
}
