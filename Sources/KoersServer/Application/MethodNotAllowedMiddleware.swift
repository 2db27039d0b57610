import Foundation
import HTTPTypes
public import Hummingbird

/// Answers 405 with an `Allow` header for a method a path of the API does not take.
///
/// The check runs before routing, for the paths of ``APIEndpoint``: the pages' catch-all route
/// would otherwise make every such request a 404. The allowed methods come from the route
/// table, so they cannot differ from the routes (the router does not answer `HEAD` for a `GET`
/// route, so `HEAD` gets 405 too).
public struct MethodNotAllowedMiddleware: RouterMiddleware {
    /// The context.
    public typealias Context = KoersRequestContext

    /// Creates the middleware.
    public init() {}

    /// Handles a request.
    public func handle(
        _ request: Request,
        context: KoersRequestContext,
        next: (Request, KoersRequestContext) async throws -> Response
    ) async throws -> Response {
        // Nearly every request is one the route table has: let through at once.
        if APIEndpoint.takes(request.method.rawValue, path: request.uri.path) {
            return try await next(request, context)
        }
        let allowed = APIEndpoint.methods(forPath: request.uri.path)
        guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else {
            return try await next(request, context)
        }
        var problem = ProblemDetails(status: .methodNotAllowed, request: request)
        problem.detail =
            "\(request.uri.path) does not take \(request.method.rawValue); it takes \(allowed.joined(separator: ", "))"
        problem.requestId = context.requestID.isEmpty ? nil : context.requestID
        var response = try problem.response(from: request, context: context)
        response.headers[.allow] = allowed.joined(separator: ", ")
        return response
    }
}
