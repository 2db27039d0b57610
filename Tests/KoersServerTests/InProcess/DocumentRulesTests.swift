import Foundation
import KoersTestSupport
import Testing

/// The rules the OpenAPI document states in schema terms, read from the document and sent to
/// the router.
///
/// So the document and the server cannot drift apart. Every constraint of every
/// request body (unknown fields, lengths, patterns, formats, item rules, `oneOf`, numbers) is
/// found in the document, and a request that breaks it must be refused naming the field with a
/// status the operation documents, while a request at the limit must not be refused for it.
/// The methods a path does not document must get 405 with `Allow` listing the ones it does.
@Suite("OpenAPI document: the server enforces every rule it states")
struct DocumentRulesTests {
    /// An operation of the document with a JSON request body.
    struct BodyOperation: CustomStringConvertible {
        var method: String
        var path: String
        var operation: [String: Any]
        var schema: [String: Any]
        var documented: Set<Int> { Set((operation["responses"] as? [String: Any] ?? [:]).keys.compactMap { Int($0) }) }
        var description: String { "\(method) \(path)" }
        var properties: [String: [String: Any]] { schema["properties"] as? [String: [String: Any]] ?? [:] }
    }

    static func document() throws -> [String: Any] {
        let data = try Data(contentsOf: OpenAPITests.documentURL)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A schema with its `$ref` followed.
    static func resolve(_ schema: [String: Any], in document: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/") else { return schema }
        var node: Any? = document
        for part in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] }
        return resolve(node as? [String: Any] ?? [:], in: document)
    }

    static func bodyOperations() throws -> [BodyOperation] {
        let document = try document()
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var result: [BodyOperation] = []
        for (path, methods) in paths {
            for (method, value) in methods {
                guard let operation = value as? [String: Any], let body = operation["requestBody"] as? [String: Any]
                else { continue }
                let content = body["content"] as? [String: Any] ?? [:]
                let media = content["application/json"] as? [String: Any] ?? [:]
                let schema = resolve(media["schema"] as? [String: Any] ?? [:], in: document)
                result.append(
                    BodyOperation(method: method.uppercased(), path: path, operation: operation, schema: schema)
                )
            }
        }
        return result.sorted { $0.description < $1.description }
    }

    /// Whether a property's schema takes `null`.
    static func allowsNull(_ schema: [String: Any]) -> Bool {
        let types = [schema] + (schema["oneOf"] as? [[String: Any]] ?? []) + (schema["anyOf"] as? [[String: Any]] ?? [])
        return types.contains {
            ($0["type"] as? String) == "null" || (($0["type"] as? [String])?.contains("null") ?? false)
        }
    }

    /// A coach, an organisation and a maturity-scan session (it has scores to override), and
    /// the real ids the document's path parameters name.
    struct World {
        let anna: InProcessClient
        let ids: [String: String]
        let sessionID: String
        /// An option of the question `ids["questionId"]`.
        let option: String

        func path(_ template: String) -> String {
            var path = template
            for (name, value) in ids { path = path.replacingOccurrences(of: "{\(name)}", with: value) }
            return path
        }
    }

    static func world(_ server: InProcessServer) async throws -> World {
        try await server.coach("anna@example.nl", name: "Anna")
        let anna = try await server.login("anna@example.nl")
        let organisation = try await anna.post("/api/v1/organisations", ["name": "De Linde"])
        let organisationID = try #require(organisation.json["id"] as? String)
        let started = try await anna.post("/api/v1/organisations/\(organisationID)/sessions", ["pack": "maturity-scan"])
        let sessionID = try sessionID(of: started.json)
        let next = try #require(started.json["nextQuestion"] as? [String: Any])
        let question = try #require(next["id"] as? String)
        let option = try #require((next["options"] as? [[String: Any]])?.first?["id"] as? String, "\(next)")
        let pack = try await anna.get("/api/v1/packs/maturity-scan")
        let scoreID = try #require((pack.json["scores"] as? [[String: Any]])?.first?["id"] as? String)
        // Another account, for the administrator's account operations (a reset password ends
        // the account's logins: not anna's, whose token the test uses).
        let bert = try await anna.post(
            "/api/v1/accounts",
            ["email": "bert@example.nl", "name": "Bert", "password": InProcessServer.password, "role": "coach"]
        )
        let bertID = try #require(bert.json["id"] as? String, "\(bert)")
        return World(
            anna: anna,
            ids: [
                "organisationId": organisationID, "sessionId": sessionID, "questionId": question, "scoreId": scoreID,
                "accountId": bertID,
            ],
            sessionID: sessionID,
            option: option
        )
    }

    /// A value the property's schema accepts, and that the server takes in this world where the
    /// schema alone cannot say (a pack id, a score within its range, the coach's address).
    static func validValue(_ name: String, _ schema: [String: Any], world: World, in operation: BodyOperation) -> Any {
        switch name {
        case "pack": return "maturity-scan"
        case "email": return operation.path.hasSuffix("/accounts") ? "new@example.nl" : "anna@example.nl"
        case "password", "currentPassword", "newPassword": return InProcessServer.password
        case "file": return "pack: maturity-scan\nanswers: {}\n"
        case "sessionIds": return [world.sessionID]
        case "value": return operation.path.contains("{questionId}") ? world.option : 3
        default: break
        }
        if let values = schema["enum"] as? [Any], let first = values.first { return first }
        if let constant = schema["const"] { return constant }
        switch schema["format"] as? String {
        case "date": return "2021-10-01"
        case "date-time": return "2999-01-31T12:00:00Z"
        default: break
        }
        switch schema["type"] as? String {
        case "boolean": return true
        case "integer", "number": return 1
        case "array": return ["x"]
        default: return "Een tekst"
        }
    }

    /// A body with the schema's required fields (and the first `oneOf` branch's), valid.
    static func validBody(_ operation: BodyOperation, world: World) -> [String: Any] {
        var required = operation.schema["required"] as? [String] ?? []
        if let first = (operation.schema["oneOf"] as? [[String: Any]])?.first {
            required += first["required"] as? [String] ?? []
        }
        var body: [String: Any] = [:]
        for name in required {
            body[name] = validValue(name, operation.properties[name] ?? [:], world: world, in: operation)
        }
        return body
    }

    static func send(
        _ operation: BodyOperation,
        _ body: [String: Any],
        world: World,
        rawNumber: (String, String)? = nil
    )
        async throws -> APIResponse
    {
        var data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        if let (field, literal) = rawNumber {
            let text = String(decoding: data, as: UTF8.self).replacingOccurrences(
                of: "\"\(field)\":\"__number__\"",
                with: "\"\(field)\":\(literal)"
            )
            data = Data(text.utf8)
        }
        return try await world.anna.send(operation.method, world.path(operation.path), body: data)
    }

    /// Expects a refusal naming the field, with a status the operation documents.
    static func expectRefused(
        _ response: APIResponse,
        naming field: String,
        _ operation: BodyOperation,
        _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            [400, 422].contains(response.status) && response.problemFields.contains(field),
            "\(operation): \(what) is refused naming \(field): \(response)",
            sourceLocation: sourceLocation
        )
        #expect(
            operation.documented.contains(response.status),
            "\(operation) documents \(response.status)",
            sourceLocation: sourceLocation
        )
    }

    /// Expects that the field is not what the server complains about.
    static func expectAccepted(
        _ response: APIResponse,
        field: String,
        _ operation: BodyOperation,
        _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            response.status < 500 && !response.problemFields.contains(field) && response.status != 415,
            "\(operation): \(what) is accepted: \(response)",
            sourceLocation: sourceLocation
        )
        #expect(
            operation.documented.contains(response.status),
            "\(operation) documents \(response.status)",
            sourceLocation: sourceLocation
        )
    }

    @Test("the document states additionalProperties: false and 400, 413, 415 on every request body")
    func everyBodyIsStrict() throws {
        let operations = try Self.bodyOperations()
        #expect(operations.count >= 8, "login, organisation, coach, two session starts, answer, override, share link")
        for operation in operations {
            #expect(operation.schema["additionalProperties"] as? Bool == false, "\(operation)")
            #expect(
                operation.documented.isSuperset(of: [400, 413, 415]),
                "\(operation): \(operation.documented.sorted())"
            )
        }
    }

    @Test("every request body: valid as the document builds it, an unknown or null field 400 naming it, not JSON 415")
    func bodiesFromTheDocument() async throws {
        try await InProcessServer.run(.sqlite) { server in
            let operations = try Self.bodyOperations()
            let world = try await Self.world(server)
            for operation in operations {
                let body = Self.validBody(operation, world: world)
                var extra = body
                extra["unexpectedField"] = "x"
                let unknown = try await Self.send(operation, extra, world: world)
                #expect(
                    unknown.isProblem(400) && unknown.problemFields == ["unexpectedField"],
                    "\(operation): \(unknown)"
                )
                let text = try await world.anna.send(
                    operation.method,
                    world.path(operation.path),
                    body: try JSONSerialization.data(withJSONObject: body),
                    headers: ["Content-Type": "text/plain"]
                )
                #expect(text.isProblem(415), "\(operation): \(text)")
                // No request field is nullable in the document: null is refused, not read as left out.
                for (name, property) in operation.properties where !Self.allowsNull(property) {
                    var withNull = body
                    withNull[name] = NSNull()
                    let response = try await Self.send(operation, withNull, world: world)
                    #expect(
                        response.isProblem(400) && response.problemFields == [name],
                        "\(operation): \(name): null: \(response)"
                    )
                }
                let valid = try await Self.send(operation, body, world: world)
                #expect(
                    (200..<300).contains(valid.status),
                    "\(operation) takes the body the document describes \(body): \(valid)"
                )
            }
        }
    }

    @Test("every maxLength, minLength and pattern of a request field is enforced at its limit")
    func lengthsAndPatterns() async throws {
        try await InProcessServer.run(.sqlite) { server in
            let operations = try Self.bodyOperations()
            var checked = 0
            let world = try await Self.world(server)
            for operation in operations {
                for (name, property) in operation.properties.sorted(by: { $0.key < $1.key })
                where property["type"] as? String == "string" {
                    var body = Self.validBody(operation, world: world)
                    if let maximum = property["maxLength"] as? Int {
                        checked += 1
                        body[name] = String(repeating: "é", count: maximum)
                        Self.expectAccepted(
                            try await Self.send(operation, body, world: world),
                            field: name,
                            operation,
                            "\(name) of \(maximum)"
                        )
                        body[name] = String(repeating: "x", count: maximum + 1)
                        Self.expectRefused(
                            try await Self.send(operation, body, world: world),
                            naming: name,
                            operation,
                            "\(name) of \(maximum + 1)"
                        )
                    }
                    if let minimum = property["minLength"] as? Int, minimum > 0 {
                        checked += 1
                        body[name] = String(repeating: "x", count: minimum - 1)
                        Self.expectRefused(
                            try await Self.send(operation, body, world: world),
                            naming: name,
                            operation,
                            "\(name) of \(minimum - 1)"
                        )
                    }
                    if property["pattern"] as? String == "\\S" {
                        checked += 1
                        body[name] = "  \t "
                        Self.expectRefused(
                            try await Self.send(operation, body, world: world),
                            naming: name,
                            operation,
                            "\(name) of spaces"
                        )
                    }
                }
            }
            // name, label, note, justification (maxLength); name, justification (minLength, pattern).
            #expect(checked >= 8, "the document states the lengths: \(checked) checked")
        }
    }

    @Test("every format, uniqueItems, minItems/maxItems, oneOf and number field of a request is enforced")
    func formatsItemsChoicesAndNumbers() async throws {
        try await InProcessServer.run(.sqlite) { server in
            let operations = try Self.bodyOperations()
            var checked: Set<String> = []
            let world = try await Self.world(server)
            for operation in operations {
                let valid = Self.validBody(operation, world: world)
                for (name, property) in operation.properties.sorted(by: { $0.key < $1.key }) {
                    var body = valid
                    switch property["format"] as? String {
                    case "date":
                        checked.insert("date")
                        body[name] = "2021-02-30"
                        Self.expectRefused(
                            try await Self.send(operation, body, world: world),
                            naming: name,
                            operation,
                            "\(name) 2021-02-30"
                        )
                        body[name] = "2024-02-29"
                        Self.expectAccepted(
                            try await Self.send(operation, body, world: world),
                            field: name,
                            operation,
                            "\(name) 2024-02-29"
                        )
                    case "date-time":
                        checked.insert("date-time")
                        body[name] = "2999-02-30T00:00:00Z"
                        Self.expectRefused(
                            try await Self.send(operation, body, world: world),
                            naming: name,
                            operation,
                            "\(name) on 30 February"
                        )
                        body[name] = "2999-02-28t23:00:00.25-01:30"
                        Self.expectAccepted(
                            try await Self.send(operation, body, world: world),
                            field: name,
                            operation,
                            "\(name) with an offset"
                        )
                    default: break
                    }
                    if property["type"] as? String == "array", let item = valid[name] as? [Any], let first = item.first
                    {
                        if property["uniqueItems"] as? Bool == true {
                            checked.insert("uniqueItems")
                            body[name] = [first, first]
                            Self.expectRefused(
                                try await Self.send(operation, body, world: world),
                                naming: name,
                                operation,
                                "\(name) twice"
                            )
                        }
                        if let minimum = property["minItems"] as? Int, minimum > 0 {
                            checked.insert("minItems")
                            body[name] = Array(repeating: first, count: minimum - 1)
                            Self.expectRefused(
                                try await Self.send(operation, body, world: world),
                                naming: name,
                                operation,
                                "\(name) too short"
                            )
                        }
                        if let maximum = property["maxItems"] as? Int {
                            checked.insert("maxItems")
                            body[name] = (0...maximum).map { "id-\($0)" }
                            Self.expectRefused(
                                try await Self.send(operation, body, world: world),
                                naming: name,
                                operation,
                                "\(name) too long"
                            )
                        }
                    }
                    let types = ([property] + (property["oneOf"] as? [[String: Any]] ?? [])).compactMap {
                        $0["type"] as? String
                    }
                    if types.contains("number") {
                        checked.insert("number")
                        for literal in ["1e300", "1e-200", "123456789012345678901234567890123456789"] {
                            body[name] = "__number__"
                            let response = try await Self.send(
                                operation,
                                body,
                                world: world,
                                rawNumber: (name, literal)
                            )
                            #expect(
                                response.isProblem(422) && response.problemFields == [name],
                                "\(operation): \(name) \(literal): \(response)"
                            )
                            let message =
                                (response.json["errors"] as? [[String: Any]])?.first?["message"] as? String ?? ""
                            #expect(
                                message.contains("38") && message.contains("-128"),
                                "\(operation): the limit is named: \(message)"
                            )
                        }
                    }
                }
                // oneOf of required fields: exactly one of them.
                if let choices = operation.schema["oneOf"] as? [[String: Any]] {
                    checked.insert("oneOf")
                    let names = choices.compactMap { ($0["required"] as? [String])?.first }
                    #expect(
                        names.count == choices.count && names.count >= 2,
                        "\(operation): oneOf names one required field each"
                    )
                    var none = valid
                    for name in names { none[name] = nil }
                    #expect(
                        try await Self.send(operation, none, world: world).isProblem(400),
                        "\(operation): none of \(names)"
                    )
                    var two = valid
                    for name in names.prefix(2) {
                        two[name] = Self.validValue(
                            name,
                            operation.properties[name] ?? [:],
                            world: world,
                            in: operation
                        )
                    }
                    #expect(
                        try await Self.send(operation, two, world: world).isProblem(400),
                        "\(operation): two of \(names)"
                    )
                    for name in names {
                        var one = none
                        one[name] = Self.validValue(
                            name,
                            operation.properties[name] ?? [:],
                            world: world,
                            in: operation
                        )
                        let response = try await Self.send(operation, one, world: world)
                        #expect(response.status != 400, "\(operation): only \(name) is a valid choice: \(response)")
                    }
                }
            }
            #expect(
                checked == ["date", "date-time", "uniqueItems", "minItems", "maxItems", "number", "oneOf"],
                "\(checked.sorted())"
            )
        }
    }

    @Test("a method a documented path does not have gets 405 with Allow listing the documented methods")
    func undocumentedMethods() async throws {
        try await InProcessServer.run(.sqlite) { server in
            let paths = try #require(try Self.document()["paths"] as? [String: [String: Any]])
            let world = try await Self.world(server)
            for (template, operations) in paths.sorted(by: { $0.key < $1.key }) {
                let documented = Set(operations.keys.map { $0.uppercased() })
                let path = world.path(template).replacingOccurrences(
                    of: #"\{[^}]+\}"#,
                    with: "x",
                    options: .regularExpression
                )
                for method in ["GET", "PUT", "POST", "DELETE", "PATCH"] where !documented.contains(method) {
                    let response = try await world.anna.send(method, path, json: nil, body: nil, headers: [:])
                    let allow = Set(
                        (response.header("Allow") ?? "").split(separator: ",").map {
                            $0.trimmingCharacters(in: .whitespaces)
                        }
                    )
                    #expect(
                        response.status == 405 && allow == documented,
                        "\(method) \(template): \(response) Allow: \(allow)"
                    )
                }
            }
        }
    }
}
