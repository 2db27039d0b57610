public import KoersSource

/// What an extending pack builds on: the `extends:` key of its manifest and the base pack it
/// was composed with.
///
/// An extending pack (for example an insurer's own criteria beside `insurer-readiness`) is loaded
/// as one composed ``RulePack``: the base's questions, derived values, outcomes, scores and
/// recommendations, then the extension's own, under the extension's id, version and title. Its
/// test cases are the extension's own.
public struct PackExtension: Sendable, Hashable {
    /// The id of the base pack, such as `insurer-readiness`.
    public var baseID: String
    /// The base versions the extension works with; `nil` for any version.
    public var requirement: VersionRequirement?
    /// The version of the base it was composed with.
    public var baseVersion: SemanticVersion
    /// The folder the base was loaded from.
    public var baseDirectory: String
    /// The ids of the base's own base, and so on, nearest first (empty when the base extends nothing).
    public var furtherBases: [String]
    /// Where `extends:` is written in the extension's manifest.
    public var location: SourceLocation

    /// Creates an extension record; the loader fills it in.
    ///
    /// - Parameters:
    ///   - baseID: The base pack's id.
    ///   - requirement: The base versions accepted, if limited.
    ///   - baseVersion: The version of the base it was composed with.
    ///   - baseDirectory: The base's folder.
    ///   - furtherBases: What the base itself extends, nearest first.
    ///   - location: Where `extends:` is written.
    public init(
        baseID: String,
        requirement: VersionRequirement?,
        baseVersion: SemanticVersion,
        baseDirectory: String,
        furtherBases: [String] = [],
        location: SourceLocation
    ) {
        self.baseID = baseID
        self.requirement = requirement
        self.baseVersion = baseVersion
        self.baseDirectory = baseDirectory
        self.furtherBases = furtherBases
        self.location = location
    }

    /// `extends insurer-readiness 0.1.0`, for listings.
    public var summary: String { "extends \(baseID) \(baseVersion)" }
}
