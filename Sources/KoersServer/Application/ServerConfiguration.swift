public import KoersCore
public import KoersStorage

/// How `koers serve` runs: where it listens, where it keeps its data, and its limits.
public struct ServerConfiguration: Sendable {
    /// The address to listen on, such as `127.0.0.1`.
    public var host: String
    /// The port; 0 picks a free one (the printed URL says which).
    public var port: Int
    /// The data folder: the SQLite file (unless ``database`` says otherwise) and `packs/`.
    public var dataDirectory: String
    /// The database.
    public var database: StoreLocation
    /// Folders with rule packs, in order of precedence (bundled packs, `--plugins`,
    /// `$KOERS_PLUGIN_PATH`, `<data>/packs`).
    public var packRoots: [String]
    /// Packs compiled into the binary (the bundled `Rules/`), loaded before ``packRoots``.
    public var embeddedPacks: [EmbeddedFolder]
    /// The registry the packs are loaded with.
    public var registry: PluginRegistry
    /// The bcrypt cost of password hashes: 12 unless a test asks for less.
    public var bcryptCost: UInt8
    /// The largest request body accepted, in bytes (larger ones get 413).
    public var bodyLimit: Int
    /// How the HTML pages are served: the public address and whether cookies are `Secure`.
    public var pages = PageSettings()
    /// How many anonymous sessions one address may start per window, how long an untouched one
    /// is kept, and how often expired ones are removed (defaults in ``AnonymousSessionPolicy``).
    public var anonymousSessions = AnonymousSessionPolicy()
    /// The bearer token that `GET /metrics` asks for; `nil` (the default) serves no metrics.
    public var metricsToken: String?

    /// The default largest request body: 64 KiB.
    public static let defaultBodyLimit = 64 * 1024

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - host: The address to listen on.
    ///   - port: The port, or 0 for a free one.
    ///   - dataDirectory: The data folder.
    ///   - database: The database; `nil` for `sqlite:<data>/koers.sqlite`.
    ///   - packRoots: Folders with rule packs.
    ///   - embeddedPacks: Packs compiled into the binary, loaded first.
    ///   - registry: The registry the packs are loaded with.
    ///   - bcryptCost: The bcrypt cost.
    ///   - bodyLimit: The largest request body, in bytes.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        dataDirectory: String,
        database: StoreLocation? = nil,
        packRoots: [String],
        embeddedPacks: [EmbeddedFolder] = [],
        registry: PluginRegistry,
        bcryptCost: UInt8 = 12,
        bodyLimit: Int = ServerConfiguration.defaultBodyLimit
    ) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.database = database ?? Self.defaultDatabase(in: dataDirectory)
        self.packRoots = packRoots
        self.embeddedPacks = embeddedPacks
        self.registry = registry
        self.bcryptCost = bcryptCost
        self.bodyLimit = bodyLimit
    }

    /// `sqlite:<data>/koers.sqlite`.
    ///
    /// - Parameter dataDirectory: The data folder.
    /// - Returns: The location.
    public static func defaultDatabase(in dataDirectory: String) -> StoreLocation {
        .sqlite(path: (dataDirectory.hasSuffix("/") ? dataDirectory : dataDirectory + "/") + "koers.sqlite")
    }
}
