public import KoersSource

/// A reference from a pack item to one of the pack's declared sources, with the place in it.
///
/// ```yaml
/// source: set_bootcamp_2020                      # the whole document
/// source: {id: set_bootcamp_2020, at: "dia 9"}   # a place in it
/// ```
public struct Citation: Sendable, Hashable {
    /// The id of a source declared in the manifest.
    public var sourceID: String
    /// The section, page, slide or line cited, when given.
    public var place: String?
    /// Where the citation is written.
    public var location: SourceLocation

    /// Creates a citation.
    ///
    /// - Parameters:
    ///   - sourceID: The id of a declared source.
    ///   - place: The section, page or slide.
    ///   - location: Where the citation is written.
    public init(sourceID: String, place: String?, location: SourceLocation) {
        self.sourceID = sourceID
        self.place = place
        self.location = location
    }
}

/// A document a pack rests on, declared in its manifest.
public struct PackSource: Sendable, Hashable {
    /// The id items cite it by.
    public var id: String
    /// Its title.
    public var title: LocalizedText
    /// The file name, for documents in the project's domain folder.
    public var file: String?
    /// The address, for web pages.
    public var url: String?
    /// The year of publication or of the version read.
    public var year: Int?
    /// Where it is declared.
    public var location: SourceLocation

    /// Creates a source.
    ///
    /// - Parameters:
    ///   - id: The id items cite it by.
    ///   - title: Its title.
    ///   - file: The file name, if any.
    ///   - url: The address, if any.
    ///   - year: The year, if known.
    ///   - location: Where it is declared.
    public init(id: String, title: LocalizedText, file: String?, url: String?, year: Int?, location: SourceLocation) {
        self.id = id
        self.title = title
        self.file = file
        self.url = url
        self.year = year
        self.location = location
    }
}
