import Testing

@testable import KoersServer

/// A JSON body may come as `application/json` or any `+json` type, with any parameters, in any
/// case; the common headers take a shortcut, and must be taken as before.
@Suite struct JSONContentTypeTests {
    @Test func jsonTypesAreAcceptedAndOthersRefused() {
        for header in [
            "application/json", "application/json; charset=utf-8", "Application/JSON",
            " application/json ;charset=UTF-8",
            "application/problem+json", "application/vnd.koers+json; v=1",
        ] {
            #expect(throws: Never.self, "\(header)") { try APIIO.checkJSONContentType(header) }
        }
        for header in [
            nil, "", "text/json", "application/jsonx", "application/+json", "application/x-www-form-urlencoded", "json",
        ] {
            #expect(throws: ProblemDetails.self, "\(header ?? "none")") { try APIIO.checkJSONContentType(header) }
        }
    }
}
