import KoersExpression
public import KoersSource

/// What a pack's `pack.yaml` says about it.
public struct PackManifest: Sendable, Hashable {
    /// The pack's id, such as `set-eligibility`.
    public var id: String
    /// The pack's version.
    public var version: SemanticVersion
    /// The engine versions it works with.
    public var engine: VersionRequirement
    /// The languages its texts are written in; the first is the primary one.
    public var languages: [String]
    /// The pack's title.
    public var title: LocalizedText
    /// What the pack checks.
    public var description: LocalizedText?
    /// When the pack's rules apply.
    public var validity: ValidityPeriod
    /// The documents it rests on.
    public var sources: [PackSource]
    /// Where the manifest is.
    public var location: SourceLocation
    /// The pack this one extends (`extends:`), when it is an extension; see ``PackExtension``.
    public var extends: PackExtension?

    /// Creates a manifest.
    ///
    /// - Parameters:
    ///   - id: The id.
    ///   - version: The version.
    ///   - engine: The engine versions it works with.
    ///   - languages: Its languages, primary first.
    ///   - title: The title.
    ///   - description: What it checks.
    ///   - validity: When it applies.
    ///   - sources: The documents it rests on.
    ///   - location: Where the manifest is.
    public init(
        id: String,
        version: SemanticVersion,
        engine: VersionRequirement,
        languages: [String],
        title: LocalizedText,
        description: LocalizedText?,
        validity: ValidityPeriod,
        sources: [PackSource],
        location: SourceLocation
    ) {
        self.id = id
        self.version = version
        self.engine = engine
        self.languages = languages
        self.title = title
        self.description = description
        self.validity = validity
        self.sources = sources
        self.location = location
    }
}

/// A loaded, checked rule pack: its manifest, questions, derived values, outcomes, scores,
/// recommendations and test cases.
///
/// Every expression in it has been parsed and type-checked, every reference resolved, and
/// derived values ordered so that each comes after the ones it reads.
public struct RulePack: Sendable, Hashable {
    /// The manifest.
    public var manifest: PackManifest
    /// The folder it was loaded from, as given.
    public var directory: String
    /// The questions, in the order they are asked.
    public var questions: [Question]
    /// The derived values, each after the ones it reads.
    public var values: [DerivedValue]
    /// The outcomes, in order.
    public var outcomes: [Outcome]
    /// The scores, each after the ones it reads.
    public var scores: [Score]
    /// The recommendations, in order.
    public var recommendations: [Recommendation]
    /// The test cases.
    public var testCases: [PackTestCase]
    /// The calculations (`calculations:`), in pack order.
    public var calculations: [Calculation] = []

    /// Creates a pack; the loader fills in every field.
    ///
    /// - Parameters:
    ///   - manifest: The manifest.
    ///   - directory: The folder it came from.
    ///   - questions: The questions.
    ///   - values: The derived values, dependencies first.
    ///   - outcomes: The outcomes.
    ///   - scores: The scores, dependencies first.
    ///   - recommendations: The recommendations.
    ///   - testCases: The test cases.
    public init(
        manifest: PackManifest,
        directory: String,
        questions: [Question],
        values: [DerivedValue],
        outcomes: [Outcome],
        scores: [Score],
        recommendations: [Recommendation],
        testCases: [PackTestCase]
    ) {
        self.manifest = manifest
        self.directory = directory
        self.questions = questions
        self.values = values
        self.outcomes = outcomes
        self.scores = scores
        self.recommendations = recommendations
        self.testCases = testCases
    }

    /// The pack's id.
    public var id: String { manifest.id }

    /// The question with an id, if any.
    ///
    /// - Parameter id: The question's id.
    /// - Returns: The question, or `nil`.
    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }
}

/// The version of the rule engine, which packs name in their `engine` requirement.
public enum KoersEngine {
    /// The engine's version.
    public static let version = SemanticVersion(0, 1, 0)
}
