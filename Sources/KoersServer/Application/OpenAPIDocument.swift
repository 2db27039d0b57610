public import Foundation

/// The OpenAPI 3.1 document of the API, shipped as a resource of this module
/// (`Sources/KoersServer/OpenAPI/koers-api.openapi.json`; `openapi/koers-api.openapi.json` at the
/// top of the repository links to it).
public enum OpenAPIDocument {
    /// The resource's file name.
    public static let fileName = "koers-api.openapi.json"

    /// The document's bytes.
    ///
    /// - Throws: ``ServerError/missingResource(_:)`` when the resource is missing.
    public static func data() throws(ServerError) -> Data {
        guard let url = Bundle.module.url(forResource: "koers-api.openapi", withExtension: "json", subdirectory: "OpenAPI"),
            let data = try? Data(contentsOf: url)
        else { throw .missingResource("OpenAPI/\(fileName)") }
        return data
    }
}
