/// Why a report cannot be made.
public enum ReportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No file was given.
    case noInputs
    /// A file cannot be read as answers or a session; the messages say why.
    case unreadable(path: String, problems: [String])
    /// A file does not say which pack it is for.
    case noPack(path: String)
    /// Some answers in a file are not accepted by its pack.
    case rejectedAnswers(path: String, problems: [String])
    /// The files are about different organisations.
    case differentOrganisations(String, String)
    /// A template cannot be parsed.
    case badTemplate(name: String, message: String)
    /// A template is missing from the bundle and the override folder.
    case missingTemplate(name: String)
    /// A file could not be written.
    case unwritable(path: String, message: String)
    /// The report could not be encoded (a report format's own failure).
    case unencodable(message: String)
    /// No report format has this id.
    case unknownFormat(String, known: [String])

    /// The message for a person.
    public var description: String {
        switch self {
        case .noInputs:
            return "no session or answers file given; name one or more (koers report SESSION…)"
        case .unreadable(let path, let problems):
            return "'\(path)' cannot be read as answers or a session" + Self.list(problems)
        case .noPack(let path):
            return "'\(path)' does not say which pack it is for; write 'pack: <id>' in it"
        case .rejectedAnswers(let path, let problems):
            return "'\(path)' has answers its pack does not accept; fix them (koers check) and try again"
                + Self.list(problems)
        case .differentOrganisations(let first, let second):
            return "the files are about different organisations ('\(first)' and '\(second)'); "
                + "report them separately, or name the organisation with --organisation"
        case .badTemplate(let name, let message):
            return "template '\(name)' cannot be used: \(message)"
        case .missingTemplate(let name):
            return "template '\(name).mustache' is missing"
        case .unwritable(let path, let message):
            return "cannot write '\(path)': \(message)"
        case .unencodable(let message):
            return "the report cannot be written: \(message)"
        case .unknownFormat(let id, let known):
            return "there is no report format '\(id)'; the formats are: \(known.joined(separator: ", "))"
        }
    }

    private static func list(_ problems: [String]) -> String {
        problems.isEmpty ? "" : ":\n" + problems.map { "  " + $0 }.joined(separator: "\n")
    }
}
