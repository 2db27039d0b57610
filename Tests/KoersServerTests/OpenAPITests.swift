import Foundation
import KoersServer
import KoersTestSupport
import Testing

/// The OpenAPI document and the router describe the same routes.
@Suite("OpenAPI document")
struct OpenAPITests {
    static let documentURL = Fixtures.packageRoot.appendingPathComponent("openapi/koers-api.openapi.json")

    static func operations() throws -> Set<String> {
        let data = try Data(contentsOf: documentURL)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var operations: Set<String> = []
        for (path, methods) in paths {
            for method in methods.keys where ["get", "put", "post", "delete", "patch", "head", "options"].contains(method) {
                operations.insert("\(method.uppercased()) \(path)")
            }
        }
        return operations
    }

    @Test("every route of the router is in the document, and every operation of the document is a route")
    func routesMatchDocument() throws {
        let routes = Set(APIEndpoint.allCases.map { "\($0.methodName) \($0.path)" })
        #expect(routes.count == APIEndpoint.allCases.count, "two endpoints share a method and path")
        let documented = try Self.operations()
        #expect(routes.subtracting(documented).isEmpty, "routes missing from the document: \(routes.subtracting(documented).sorted())")
        #expect(documented.subtracting(routes).isEmpty, "documented operations without a route: \(documented.subtracting(routes).sorted())")
    }

    @Test("the module's resource is the document in openapi/")
    func resourceIsTheDocument() throws {
        let file = try Data(contentsOf: Self.documentURL)
        #expect(try OpenAPIDocument.data() == file)
    }

    @Test("every operation documents its problems and has an operationId")
    func operationsAreDescribed() throws {
        let data = try Data(contentsOf: Self.documentURL)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        var operationIDs: [String] = []
        for (path, methods) in paths {
            for (method, operation) in methods {
                operationIDs.append(operation["operationId"] as? String ?? "")
                let responses = operation["responses"] as? [String: Any] ?? [:]
                #expect(!(operation["description"] as? String ?? "").isEmpty, "\(method) \(path) has a description")
                #expect(responses.keys.contains { $0.hasPrefix("2") }, "\(method) \(path) has a success answer")
                if path.hasPrefix("/api/"), path.contains("{") {
                    #expect(responses["404"] != nil, "\(method) \(path) documents 404")
                }
            }
        }
        #expect(Set(operationIDs).count == operationIDs.count && !operationIDs.contains(""))
        #expect(Set(operationIDs) == Set(APIEndpoint.allCases.map(\.rawValue)))
    }

    /// `openapi-spec-validator` (PyPI), when it is installed.
    static var validatorAvailable: Bool {
        (try? CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", "-c", "import openapi_spec_validator"],
            in: Fixtures.packageRoot
        ).status) == 0
    }

    @Test("openapi-spec-validator accepts the document", .enabled(if: validatorAvailable, "pip install openapi-spec-validator"))
    func validatorAcceptsDocument() throws {
        let output = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", "-m", "openapi_spec_validator", Self.documentURL.path],
            in: Fixtures.packageRoot
        )
        #expect(output.status == 0, "\(output.standardOutput)\(output.standardError)")
    }
}
