import Foundation
import HTTPTypes
public import Hummingbird

/// An RFC 9457 problem: the body of every error answer under `/api`, as
/// `application/problem+json`.
///
/// ```json
/// {"type": "https://koers.invalid/problems/invalid-input", "title": "Invalid input", "status": 422,
///  "detail": "the answer is not accepted: Please answer yes or no.",
///  "errors": [{"field": "value", "message": "Please answer yes or no."}], "requestId": "…"}
/// ```
public struct ProblemDetails: Error, Sendable, Hashable, Codable {
    /// A URI naming the kind of problem.
    public var type: String
    /// A short summary of the kind of problem.
    public var title: String
    /// The HTTP status.
    public var status: Int
    /// What went wrong this time, and how to fix it.
    public var detail: String
    /// The problems per field, if any.
    public var errors: [FieldProblem]
    /// The request's id, to find it in the server's log.
    public var requestId: String?

    /// Where the kinds of problem are named.
    public static let typeBase = "https://koers.invalid/problems/"

    /// Creates a problem.
    ///
    /// - Parameters:
    ///   - status: The HTTP status.
    ///   - kind: The last part of the type URI, such as `not-found`.
    ///   - title: The summary.
    ///   - detail: What went wrong.
    ///   - errors: The problems per field.
    public init(status: HTTPResponse.Status, kind: String, title: String, detail: String, errors: [FieldProblem] = []) {
        self.type = Self.typeBase + kind
        self.title = title
        self.status = status.code
        self.detail = detail
        self.errors = errors
        self.requestId = nil
    }

    /// The problem for a service error.
    ///
    /// - Parameter error: The error.
    public init(_ error: ServiceError) {
        switch error {
        case .notFound(let detail):
            self.init(status: .notFound, kind: "not-found", title: "Not found", detail: detail)
        case .unauthorized(let detail):
            self.init(status: .unauthorized, kind: "unauthorized", title: "Not logged in", detail: detail)
        case .forbidden(let detail):
            self.init(status: .forbidden, kind: "forbidden", title: "Not allowed", detail: detail)
        case .badRequest(let detail, let errors):
            self.init(status: .badRequest, kind: "bad-request", title: "Bad request", detail: detail, errors: errors)
        case .invalid(let detail, let errors):
            self.init(status: .unprocessableContent, kind: "invalid-input", title: "Invalid input", detail: detail, errors: errors)
        case .conflict(let detail):
            self.init(status: .conflict, kind: "conflict", title: "Conflict", detail: detail)
        case .unavailable(let detail):
            self.init(status: .serviceUnavailable, kind: "unavailable", title: "Service unavailable", detail: detail)
        case .failed(let detail):
            self.init(status: .internalServerError, kind: "internal-error", title: "Internal server error", detail: detail)
        case .tooManyRequests(let detail, _):
            self.init(status: .tooManyRequests, kind: "too-many-requests", title: "Too many requests", detail: detail)
        case .preconditionFailed(let detail):
            self.init(status: .preconditionFailed, kind: "precondition-failed", title: "Changed in the meantime", detail: detail)
        }
    }

    /// The problem for one of Hummingbird's errors (no route, body too large, …).
    ///
    /// - Parameters:
    ///   - status: The status Hummingbird chose.
    ///   - request: The request.
    public init(status: HTTPResponse.Status, request: Request) {
        switch status {
        case .notFound:
            self.init(
                status: status,
                kind: "not-found",
                title: "Not found",
                detail: "there is no \(request.method.rawValue) \(request.uri.path); see GET /api/v1/openapi.json for the routes"
            )
        case .contentTooLarge:
            self.init(
                status: status,
                kind: "too-large",
                title: "Request body too large",
                detail: "the request body is larger than the server accepts; send less"
            )
        case .methodNotAllowed:
            self.init(
                status: status,
                kind: "method-not-allowed",
                title: "Method not allowed",
                detail: "\(request.uri.path) does not take \(request.method.rawValue); see GET /api/v1/openapi.json"
            )
        default:
            self.init(
                status: status,
                kind: status.code >= 500 ? "internal-error" : "bad-request",
                title: status.reasonPhrase,
                detail: status.code >= 500 ? "something went wrong on the server; try again later" : "the request cannot be handled"
            )
        }
    }

    /// The status.
    public var httpStatus: HTTPResponse.Status { HTTPResponse.Status(code: status) }

    /// The response: `application/problem+json`.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - context: The context.
    /// - Returns: The response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{\"status\":\(status)}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        return Response(status: httpStatus, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
