/// Why the server cannot start or had to stop, as one line for the person starting it.
public enum ServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The address cannot be listened on (the port is in use, the host is not this machine's).
    case cannotListen(host: String, port: Int, reason: String)
    /// The database cannot be opened or reached.
    case database(String)
    /// The data folder cannot be made.
    case dataDirectory(path: String, reason: String)
    /// A resource the server ships with (the OpenAPI document) is missing.
    case missingResource(String)
    /// Anything else that stopped the server.
    case stopped(String)

    /// The message: what is wrong, then how to fix it.
    public var description: String {
        switch self {
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(host):\(port): \(reason); choose another port with --port (or stop what uses it)"
        case .database(let detail): detail
        case .dataDirectory(let path, let reason):
            "cannot use the data folder '\(path)': \(reason); choose another with --data or $KOERS_DATA"
        case .missingResource(let name):
            "the server's resource '\(name)' is missing; rebuild koers"
        case .stopped(let reason): "the server stopped: \(reason)"
        }
    }
}
