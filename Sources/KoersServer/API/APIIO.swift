import Foundation
import HTTPTypes
import Hummingbird
import KoersCore
import KoersStorage

/// Reading JSON requests and writing JSON answers for the API.
enum APIIO {
    /// The encoder of every JSON answer: sorted keys, ISO 8601 times.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// A JSON answer.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            throw ServiceError.failed("the answer cannot be written as JSON: \(error)")
        }
        return body(data, contentType: "application/json; charset=utf-8", status: status)
    }

    /// A JSON answer written by the streaming ``CompactJSONEncoder``, for the session state
    /// that answers every change (answer, removal, override) and every read of a session.
    ///
    /// Foundation's `JSONEncoder` builds a tree of boxed values and sorts every object's keys
    /// before it writes a byte; for the state an answer returns that was the largest single
    /// cost of an answer (bench-web profile). This writes the same JSON values, with each
    /// object's keys in the order the type declares them. Only for values without dictionaries
    /// (their key order would follow the hash), as every session view is.
    static func compactJSON(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let bytes: [UInt8]
        do {
            bytes = try CompactJSONEncoder().bytes(value)
        } catch {
            throw ServiceError.failed("the answer cannot be written as JSON: \(error)")
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The session state as JSON, by its own writer (`SessionState.compactJSON()`), which gives
    /// the bytes ``compactJSON(_:status:)`` gives for it (a debug build checks that on every
    /// answer, so that every test of the API does).
    static func stateJSON(_ state: SessionState, status: HTTPResponse.Status = .ok) -> Response {
        let bytes = state.compactJSON()
        assert(
            (try? CompactJSONEncoder().bytes(state)) == bytes,
            "the session state writer and the generic encoder differ: \(String(decoding: bytes, as: UTF8.self))"
        )
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A text answer (a report).
    ///
    /// An HTML report gets the pages' security headers (``PageHandlers/securityHeaders``): it
    /// is shown in a browser like a page, from an address that may hold a resume token.
    static func text(_ text: String, contentType: String) -> Response {
        var response = body(Data(text.utf8), contentType: contentType, status: .ok)
        if contentType.hasPrefix("text/html") {
            for (name, value) in PageHandlers.securityHeaders {
                if let field = HTTPField.Name(name) { response.headers[field] = value }
            }
        }
        return response
    }

    /// An empty answer.
    static func noContent() -> Response {
        Response(status: .noContent)
    }

    private static func body(_ data: Data, contentType: String, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Reads a JSON request body, up to the context's body limit, strictly: the body must be
    /// sent as JSON, have no field the body type does not know and no field that is `null`, and
    /// its numbers must be ones Koers holds exactly (read from their literal text, see
    /// ``JSONValue``).
    ///
    /// - Throws: 413 when the body is too large (Hummingbird's error); ``ServiceError/badRequest(_:_:)``
    ///   when it is empty, not JSON, has an unknown field (named) or a field of the wrong shape
    ///   (named); a 415 ``ProblemDetails`` when its `Content-Type` is not `application/json`
    ///   or another `+json` type.
    static func decode<Body: APIRequestBody>(_ type: Body.Type, from request: Request, context: KoersRequestContext)
        async throws -> Body
    {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > context.maxUploadSize {
            throw HTTPError(.contentTooLarge)
        }
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else {
            throw ServiceError.badRequest("the request has no body; send a JSON object", [])
        }
        try checkJSONContentType(request.headers[.contentType])
        // A plain object, as nearly every answer is: read in one pass (``FlatJSONObject``).
        if Body.readsFlatObjects, let object = FlatJSONObject(Array(buffer.readableBytesView)),
            let body = Body.read(object)
        {
            return body
        }
        let data = Data(buffer.readableBytesView)
        let shape: JSONShape
        do {
            shape = try JSONShape(data)
        } catch {
            throw ServiceError.badRequest("the body is not valid JSON (at byte \(error.offset))", [])
        }
        if let fields = shape.fields {
            let known = Set(Body.fieldNames)
            let unknown = fields.filter { !known.contains($0) }
            if let first = unknown.first {
                let list = Body.fieldNames.joined(separator: ", ")
                throw ServiceError.badRequest(
                    unknown.count == 1
                        ? "the field '\(SessionService.shown(first))' is unknown" : "\(unknown.count) fields are unknown",
                    unknown.map {
                        FieldProblem(
                            field: SessionService.shown($0),
                            message: "this request has no such field; its fields are \(list)"
                        )
                    }
                )
            }
        }
        // A field is given or left out: null is not a value of any field (the document has no
        // nullable request field), and reading it as "left out" would hide a client's mistake.
        let nullFields = (shape.fields ?? []).filter { shape.nulls.contains($0) }
        if let first = nullFields.first {
            throw ServiceError.badRequest(
                "the field '\(first)' is null; give it a value or leave it out",
                nullFields.map { FieldProblem(field: $0, message: "null is not a value of this field; leave the field out") }
            )
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        if let key = JSONValue.numberLiteralsKey { decoder.userInfo[key] = shape.numbers }
        do {
            return try decoder.decode(Body.self, from: data)
        } catch let error as DecodingError {
            throw problem(error)
        } catch {
            throw ServiceError.badRequest("the body is not valid JSON", [])
        }
    }

    /// The media types a JSON body may be sent as: `application/json` and any `+json` type
    /// (RFC 6839), with any parameters.
    ///
    /// - Throws: A 415 ``ProblemDetails`` for anything else, also for none.
    static func checkJSONContentType(_ header: String?) throws(ProblemDetails) {
        // What nearly every client sends, on every answer: accepted without taking it apart.
        if header == "application/json" || header == "application/json; charset=utf-8" { return }
        let essence = (header ?? "").split(separator: ";", maxSplits: 1).first ?? ""
        let mediaType = essence.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = mediaType.split(separator: "/", omittingEmptySubsequences: false)
        let json = parts.count == 2 && (parts[1] == "json" || (parts[1].hasSuffix("+json") && parts[1].count > 5))
        guard json, parts[0] == "application" else {
            throw ProblemDetails(
                status: .unsupportedMediaType,
                kind: "unsupported-media-type",
                title: "Unsupported media type",
                detail: header == nil
                    ? "the request has no Content-Type; send the body as JSON with Content-Type: application/json"
                    : "the body is sent as '\(SessionService.shown(mediaType))'; send it as JSON with Content-Type: application/json"
            )
        }
    }

    /// The bad request for a decoding error, naming the field.
    static func problem(_ error: DecodingError) -> ServiceError {
        let field = fieldPath
        switch error {
        case .keyNotFound(let key, let context):
            let name = field(context.codingPath + [key])
            return .badRequest("the field '\(name)' is missing", [FieldProblem(field: name, message: "this field is required")])
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let name = field(context.codingPath)
            if name.isEmpty { return .badRequest("the body must be a JSON object", []) }
            return .badRequest(
                "the field '\(name)' has the wrong type",
                [FieldProblem(field: name, message: "expected \(describe(type))")]
            )
        case .dataCorrupted(let context):
            let name = field(context.codingPath)
            if name.isEmpty { return .badRequest("the body is not valid JSON", []) }
            return .badRequest(
                "the field '\(name)' cannot be read",
                [FieldProblem(field: name, message: "the value cannot be read")]
            )
        @unknown default:
            return .badRequest("the body cannot be read", [])
        }
    }

    /// A coding path as a field name in problems: `value`, `value[0]`, `sessionIds[1]` (the
    /// paths ``JSONShape`` gives numbers, too).
    static func fieldPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Date.Type: "a time such as 2030-01-31T12:00:00Z"
        case is [String].Type: "a list of strings"
        case is Int.Type, is Double.Type, is Decimal.Type: "a number"
        default: "a value of another type"
        }
    }

    /// The `lang` query value: `nl` or `en`, or `nil` when absent.
    static func language(_ request: Request) throws(ServiceError) -> String? {
        guard let value = request.uri.queryParameters["lang"].map(String.init) else { return nil }
        return try SessionService.language(value)
    }

    /// A yes/no query value: `1` on, `0` or absent off.
    ///
    /// - Throws: ``ServiceError/badRequest(_:_:)`` naming the parameter for anything else.
    static func flag(_ name: String, _ request: Request) throws(ServiceError) -> Bool {
        guard let value = request.uri.queryParameters[Substring(name)] else { return false }
        switch value {
        case "1": return true
        case "0": return false
        default:
            throw .badRequest(
                "'\(SessionService.shown(String(value)))' is not a value of \(name)",
                [FieldProblem(field: name, message: "give 1 (yes) or 0 (no)")]
            )
        }
    }

    /// The `format` query value of a report, `html` when absent; ``ReportService`` checks it
    /// against the registered formats.
    static func reportFormat(_ request: Request) -> ReportFormatID {
        request.uri.queryParameters["format"].map { ReportFormatID(rawValue: String($0)) } ?? .html
    }

    /// A path parameter.
    static func parameter(_ name: String, _ context: KoersRequestContext) throws(ServiceError) -> String {
        guard let value = context.parameters.get(name) else {
            throw .badRequest("the path has no \(name)", [])
        }
        return value.removingPercentEncoding ?? value
    }
}
