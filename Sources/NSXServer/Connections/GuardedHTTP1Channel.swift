import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1 channel behind `ConnectionLimits`: a connection over the cap is
/// closed on arrival (`ConnectionGate`), request headers must arrive in time
/// (`HeaderDeadline`), and an idle connection is closed by Hummingbird's idle timeout.
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let responder: HTTPChannelHandler.Responder
    let limits: ConnectionLimits
    let gate: ConnectionGate

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let deadline = HeaderDeadline(timeout: .seconds(limits.headerTimeout))
        do {
            try channel.pipeline.syncOperations.addHandler(ConnectionGateHandler(gate: gate))
            try channel.pipeline.syncOperations.addHandler(HeaderDeadline.ByteWatcher(deadline: deadline))
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        // Hummingbird asks for its extra handlers on the channel's event loop, during setup.
        let headWatcher = NIOLoopBound(HeaderDeadline.HeadWatcher(deadline: deadline), eventLoop: channel.eventLoop)
        let http1 = HTTP1Channel(responder: responder, configuration: .init(
            additionalChannelHandlers: [headWatcher.value],
            idleTimeout: .seconds(limits.idleTimeout)))
        return http1.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await HTTP1Channel(responder: responder).handle(value: value, logger: logger)
    }
}

extension TimeAmount {
    static func seconds(_ seconds: Double) -> TimeAmount { .nanoseconds(Int64(seconds * 1_000_000_000)) }
}
