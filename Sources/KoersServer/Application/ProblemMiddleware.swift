import Foundation
public import Hummingbird
import Logging

/// Turns every error under `/api` into an RFC 9457 `application/problem+json` answer: service
/// errors with their status, Hummingbird's errors (no route 404, body too large 413) with
/// theirs, anything else as a 500 without details (logged with the request id). Errors
/// elsewhere pass on to the pages' own handling.
public struct ProblemMiddleware: RouterMiddleware {
    /// The context.
    public typealias Context = KoersRequestContext

    /// The path prefix the middleware answers for.
    let prefix: String

    /// Creates the middleware.
    ///
    /// - Parameter prefix: The path prefix, `/api` unless told.
    public init(prefix: String = "/api") {
        self.prefix = prefix
    }

    /// Handles a request.
    public func handle(
        _ request: Request,
        context: KoersRequestContext,
        next: (Request, KoersRequestContext) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        guard path == prefix || path.hasPrefix(prefix + "/") else { return try await next(request, context) }
        var problem: ProblemDetails
        var retryAfter: Int?
        do {
            return try await next(request, context)
        } catch let error as ProblemDetails {
            problem = error
        } catch let error as ServiceError {
            problem = ProblemDetails(error)
            if case .tooManyRequests(_, let seconds) = error { retryAfter = seconds }
            if case .failed = error { context.logger.error("request failed", metadata: ["error": .string(error.description)]) }
        } catch let error as any HTTPResponseError {
            problem = ProblemDetails(status: error.status, request: request)
            if error.status.code >= 500 {
                context.logger.error("request failed", metadata: ["error": .string("\(error)")])
            }
        } catch {
            context.logger.error("request failed", metadata: ["error": .string("\(error)")])
            problem = ProblemDetails(status: .internalServerError, request: request)
        }
        problem.requestId = context.requestID.isEmpty ? nil : context.requestID
        var response = try problem.response(from: request, context: context)
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }
}
