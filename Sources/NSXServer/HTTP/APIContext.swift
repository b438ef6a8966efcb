import Hummingbird
import NIOCore

/// Per-request context: Hummingbird's core storage, a request id, and the connection
/// (fault injection closes it to simulate a dropped response).
public struct APIContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    let channel: any Channel
    let requestID: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
        requestID = Identifier.request.make()
    }
}
