import NSXHTTP
import Synchronization

/// A sleeper that only writes down how long it was asked to wait.
final class RecordingSleeper: Sendable {
    private let recorded = Mutex<[Duration]>([])

    var delays: [Duration] { recorded.withLock { $0 } }

    var sleeper: Sleeper {
        Sleeper { duration in self.recorded.withLock { $0.append(duration) } }
    }
}

/// Collects what a trace or any text sink writes.
final class TextCollector: Sendable {
    private let chunks = Mutex<[String]>([])

    var text: String { chunks.withLock { $0.joined() } }

    func write(_ chunk: String) { chunks.withLock { $0.append(chunk) } }
}

/// Wraps a transport and counts the attempts that pass through it.
final class CountingTransport: HTTPTransport {
    private let inner: any HTTPTransport
    private let count = Mutex(0)

    init(_ inner: any HTTPTransport) { self.inner = inner }

    var attempts: Int { count.withLock { $0 } }

    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        count.withLock { $0 += 1 }
        return try inner.send(request)
    }
}

/// A cancellation flag of its own, so interrupting one test never touches another.
final class TestCancellation: Sendable {
    private let raised = Atomic(false)

    func raise() { raised.store(true, ordering: .relaxed) }
    var isRaised: Bool { raised.load(ordering: .relaxed) }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Settings for tests: short limits so failures come fast, and never the process's
/// cancellation flag.
func testSettings(
    timeout: Duration = .seconds(10), maxResponseBytes: Int = 1 << 20, caBundlePath: String? = nil,
    systemCABundlePath: String? = nil, trace: (any HTTPTrace)? = nil,
    isCancelled: @escaping @Sendable () -> Bool = { false }
) -> TransportSettings {
    TransportSettings(timeout: timeout, connectTimeout: .seconds(5), caBundlePath: caBundlePath,
                      systemCABundlePath: systemCABundlePath, maxResponseBytes: maxResponseBytes,
                      userAgent: "nsx/9.9.9-test", trace: trace, isCancelled: isCancelled)
}
