import HummingbirdCore
import NIOCore
import NIOHTTPTypes

/// The time a client has to send a request's headers, for one connection.
///
/// The clock starts when the connection opens, and for each later request at its first
/// byte; it stops when the request head has been decoded. Waiting between requests is the
/// idle timeout's business, not this one's. Two handlers feed it: `ByteWatcher` sees raw
/// bytes before the HTTP decoder, `HeadWatcher` sees decoded request heads and the end of
/// each response. Both run on the connection's event loop.
final class HeaderDeadline {
    private let timeout: TimeAmount
    private var timer: Scheduled<Void>?
    /// Requests whose head has arrived and whose response has not ended.
    private var openRequests = 0

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    fileprivate func start(_ context: ChannelHandlerContext) {
        guard timer == nil, openRequests == 0 else { return }
        let channel = context.channel
        timer = context.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
    }

    fileprivate func headArrived() {
        openRequests += 1
        stop()
    }

    fileprivate func responseEnded() {
        openRequests = max(0, openRequests - 1)
    }

    fileprivate func stop() {
        timer?.cancel()
        timer = nil
    }

    /// Before the HTTP decoder: starts the clock on connecting and on the first byte of a request.
    final class ByteWatcher: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = ByteBuffer
        private let deadline: HeaderDeadline

        init(deadline: HeaderDeadline) {
            self.deadline = deadline
        }

        func handlerAdded(context: ChannelHandlerContext) {
            if context.channel.isActive { deadline.start(context) }
        }

        func channelActive(context: ChannelHandlerContext) {
            deadline.start(context)
            context.fireChannelActive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            deadline.start(context)
            context.fireChannelRead(data)
        }

        func channelInactive(context: ChannelHandlerContext) {
            deadline.stop()
            context.fireChannelInactive()
        }
    }

    /// After the HTTP decoder: stops the clock at each request head, and notes each response's end.
    final class HeadWatcher: ChannelDuplexHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPRequestPart
        typealias OutboundIn = HTTPResponsePart
        private let deadline: HeaderDeadline

        init(deadline: HeaderDeadline) {
            self.deadline = deadline
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            if case .head = unwrapInboundIn(data) { deadline.headArrived() }
            context.fireChannelRead(data)
        }

        func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
            if case .end = unwrapOutboundIn(data) { deadline.responseEnded() }
            context.write(data, promise: promise)
        }
    }
}
