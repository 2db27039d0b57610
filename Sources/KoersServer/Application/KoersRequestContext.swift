public import Hummingbird
public import NIOCore
import Logging

/// The request context of the Koers server: Hummingbird's core context plus the request id
/// and the body limit, which ``RequestIDMiddleware`` sets for every request.
public struct KoersRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The request id: the incoming `X-Request-ID` when it is usable, else a new one.
    public var requestID: String
    /// The largest request body accepted, in bytes.
    public var maxUploadSize: Int
    /// The client's address, for limits per address (failed logins); `nil` when unknown.
    public let remoteAddress: SocketAddress?
    /// The server's own address the request arrived at, for links when no public address is
    /// configured (never the request's `Host`); `nil` when unknown.
    public let localAddress: SocketAddress?

    /// Creates a context for a request.
    ///
    /// - Parameter source: Where the request came from.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.requestID = ""
        self.maxUploadSize = ServerConfiguration.defaultBodyLimit
        self.remoteAddress = source.channel.remoteAddress
        self.localAddress = source.channel.localAddress
    }
}
