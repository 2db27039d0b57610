import Foundation
import HTTPTypes
public import Hummingbird
import Logging

extension HTTPField.Name {
    /// `X-Request-ID`.
    static let requestID = Self("X-Request-ID")!
}

/// Gives every request an id, a body limit and one log line.
///
/// The id is the incoming `X-Request-ID` when it is 1 to 128 letters, digits, `-`, `_` or `.`,
/// else 16 random bytes as hex; it goes into the response's `X-Request-ID` and the logger's
/// `request.id` metadata. The log line names the route's template (`/api/v1/shared/{token}`),
/// never the path, so that tokens in paths do not reach the log.
public struct RequestIDMiddleware: RouterMiddleware {
    /// The context.
    public typealias Context = KoersRequestContext

    /// The largest request body accepted, in bytes.
    let bodyLimit: Int

    /// Creates the middleware.
    ///
    /// - Parameter bodyLimit: The largest request body accepted, in bytes.
    public init(bodyLimit: Int) {
        self.bodyLimit = bodyLimit
    }

    /// Handles a request.
    public func handle(
        _ request: Request,
        context: KoersRequestContext,
        next: (Request, KoersRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        let id = Self.usable(request.headers[.requestID]) ?? Self.newID()
        context.requestID = id
        context.maxUploadSize = bodyLimit
        context.logger[metadataKey: "request.id"] = .string(id)
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.requestID] = id
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        context.logger.info(
            "request",
            metadata: [
                "http.method": .string(request.method.rawValue),
                // The route's template, not the path: paths may hold share or resume tokens.
                "http.route": .string(context.endpointPath ?? "(no route)"),
                "http.status": .stringConvertible(response.status.code),
                "duration.ms": .string(String(format: "%.1f", milliseconds)),
            ]
        )
        return response
    }

    static func usable(_ value: String?) -> String? {
        guard let value, (1...128).contains(value.count),
            value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") })
        else { return nil }
        return value
    }

    /// 16 random bytes as 32 lowercase hex digits.
    ///
    /// Drawn as two 64-bit words: `SystemRandomNumberGenerator` asks the system for every value
    /// it gives, so a value per byte cost 16 system calls on every request.
    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        let words = (generator.next() as UInt64, generator.next() as UInt64)
        return String(unsafeUninitializedCapacity: 32) { buffer in
            let digits: StaticString = "0123456789abcdef"
            digits.withUTF8Buffer { digits in
                for (index, word) in [words.0, words.1].enumerated() {
                    for nibble in 0..<16 {
                        buffer[index * 16 + nibble] = digits[Int((word >> UInt64(60 - 4 * nibble)) & 0xF)]
                    }
                }
            }
            return 32
        }
    }
}
