import Foundation
import NIOCore

/// Counts open connections and turns away those over the limit, saying so on stderr once
/// each time the limit is reached (at most every ten seconds).
final class ConnectionGate: Sendable {
    private struct State {
        var open = 0
        var refusing = false
        var lastWarning = -Double.infinity
    }

    let limit: Int
    private let state = Locked(State())

    init(limit: Int) {
        self.limit = limit
    }

    /// Takes a place for a new connection, or returns false when all are taken.
    func admit() -> Bool {
        let (admitted, warn) = state.withLock { state -> (Bool, Bool) in
            if state.open < limit {
                state.open += 1
                state.refusing = false
                return (true, false)
            }
            let now = ProcessInfo.processInfo.systemUptime
            let warn = !state.refusing || now - state.lastWarning >= 10
            state.refusing = true
            if warn { state.lastWarning = now }
            return (false, warn)
        }
        if warn {
            StandardError.write("nsx-server: connection limit of \(limit) reached; closing new connections until some close "
                                + "(--max-connections)\n")
        }
        return admitted
    }

    func release() {
        state.withLock { $0.open -= 1 }
    }
}

/// First in each connection's pipeline: holds the connection's place at the gate, or closes
/// the connection when there is none.
final class ConnectionGateHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    private let gate: ConnectionGate
    private var decided = false
    private var admitted = false

    init(gate: ConnectionGate) {
        self.gate = gate
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { decide(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        decide(context)
        if admitted { context.fireChannelActive() }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if admitted {
            gate.release()
            admitted = false
        }
        context.fireChannelInactive()
    }

    private func decide(_ context: ChannelHandlerContext) {
        guard !decided else { return }
        decided = true
        admitted = gate.admit()
        if !admitted { context.close(promise: nil) }
    }
}
