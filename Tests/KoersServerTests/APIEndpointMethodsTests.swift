import Foundation
import Testing

@testable import KoersServer

/// The 405 check's quick test agrees with the methods the route table lists for a path.
@Suite struct APIEndpointMethodsTests {
    /// Each endpoint's path with its parameters filled in, and a few paths the API does not have.
    static var paths: [String] {
        APIEndpoint.allCases.map { endpoint in
            endpoint.path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
                segment.hasPrefix("{") ? "x1" : String(segment)
            }.joined(separator: "/")
        } + ["/", "/api/v1", "/api/v1/sessions/a/b/c/d/e", "/api/v2/sessions", "/werkruimte", "/api//v1/sessions"]
    }

    @Test func takesIsWhetherTheListedMethodsHoldTheMethod() {
        for path in Self.paths {
            let listed = APIEndpoint.methods(forPath: path)
            for method in ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"] {
                #expect(APIEndpoint.takes(method, path: path) == listed.contains(method), "\(method) \(path)")
            }
        }
    }

    @Test func everyEndpointTakesItsOwnMethod() {
        for endpoint in APIEndpoint.allCases {
            let path = endpoint.path.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
            #expect(APIEndpoint.takes(endpoint.methodName, path: path), "\(endpoint)")
        }
    }
}
