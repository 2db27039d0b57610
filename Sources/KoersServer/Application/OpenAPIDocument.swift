public import Foundation

/// The OpenAPI 3.1 document of the API (`Sources/KoersServer/OpenAPI/koers-api.openapi.json`;
/// `openapi/koers-api.openapi.json` at the top of the repository links to it), compiled into the
/// binary by the `EmbedTemplates` build-tool plugin so that a `koers` copied alone serves it.
public enum OpenAPIDocument {
    /// The resource's file name.
    public static let fileName = "koers-api.openapi.json"

    /// The document's bytes.
    ///
    /// - Throws: ``ServerError/missingResource(_:)`` when the resource is missing.
    public static func data() throws(ServerError) -> Data {
        guard let file = EmbeddedOpenAPI.files.first(where: { $0.path == fileName }) else {
            throw .missingResource("OpenAPI/\(fileName)")
        }
        return Data(file.contents)
    }
}
