public import KoersStorage

/// Why an operation of the web application's services failed, in words for the person who
/// asked; the API turns each case into an RFC 9457 problem with the matching status.
public enum ServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Something that does not exist, or that the caller may not see (the same answer either
    /// way, so that ids and tokens cannot be probed): 404.
    case notFound(String)
    /// No valid login (missing, unknown or expired token; wrong e-mail address or password): 401.
    case unauthorized(String)
    /// Logged in, but not allowed to do this: 403.
    case forbidden(String)
    /// Input that cannot be read (malformed JSON, wrong types): 400, with one problem per field.
    case badRequest(String, [FieldProblem])
    /// Input that is well-formed but not accepted (an answer the question rejects): 422, with
    /// one problem per field.
    case invalid(String, [FieldProblem])
    /// The operation clashes with what is stored (an e-mail address in use; a session changed
    /// twice at once): 409.
    case conflict(String)
    /// The database cannot be reached: 503.
    case unavailable(String)
    /// Something on the server's side went wrong (a report template that cannot be used): 500.
    case failed(String)
    /// The caller changes what it read at another revision (`If-Match` with an older
    /// revision: someone else saved in between): 412, nothing saved.
    case preconditionFailed(String)
    /// Too many attempts (failed logins from one address or for one account): 429, with
    /// `Retry-After` in seconds.
    case tooManyRequests(String, retryAfter: Int)

    /// The message.
    public var description: String {
        switch self {
        case .notFound(let detail), .unauthorized(let detail), .forbidden(let detail), .badRequest(let detail, _),
            .invalid(let detail, _), .conflict(let detail), .unavailable(let detail), .failed(let detail),
            .tooManyRequests(let detail, _), .preconditionFailed(let detail):
            detail
        }
    }

    /// The problems per field, for ``badRequest(_:_:)`` and ``invalid(_:_:)``.
    public var fieldProblems: [FieldProblem] {
        switch self {
        case .badRequest(_, let problems), .invalid(_, let problems): problems
        default: []
        }
    }

    /// The service error for a store error: a missing record is not found, a duplicate or a
    /// conflict is a conflict, anything else means the database is unavailable.
    ///
    /// - Parameter error: The store's error.
    public init(_ error: StoreError) {
        switch error {
        case .notFound(let detail): self = .notFound(detail)
        case .duplicate(let detail): self = .conflict("already exists: \(detail)")
        case .conflict: self = .conflict(error.description)
        case .unavailable, .corrupt, .invalidURL:
            self = .unavailable("the database is unavailable; try again later")
        }
    }
}

/// What is wrong with one field of a request.
public struct FieldProblem: Sendable, Hashable, Codable {
    /// The field, as a JSON pointer-like path such as `value` or `answers.pm_costs`.
    public var field: String
    /// What is wrong, and how to fix it (English: the API's problems are in English).
    public var message: String
    /// The same in Dutch, for the Dutch pages; `nil` when the message has no Dutch version yet.
    /// Not part of the API's JSON.
    public var dutch: String? = nil

    private enum CodingKeys: String, CodingKey {
        case field, message
    }

    /// Creates a field problem.
    ///
    /// - Parameters:
    ///   - field: The field.
    ///   - message: What is wrong, in English.
    ///   - dutch: The same in Dutch, for the pages.
    public init(field: String, message: String, dutch: String? = nil) {
        self.field = field
        self.message = message
        self.dutch = dutch
    }

    /// The message in a page's language: Dutch when asked for and known, else English.
    ///
    /// - Parameter language: `nl` or `en`.
    public func message(in language: String) -> String {
        language == "nl" ? (dutch ?? message) : message
    }
}
