import Foundation
import KoersReport
import KoersTestSupport
import Testing

/// The JSON report of every example, and of a session with overrides, fits
/// `schemas/report.schema.json` (which embeds `check-result.schema.json` per session).
@Suite struct ReportSchemaTests {
    static func checker() throws -> SchemaChecker {
        func load(_ name: String) throws -> JSONValue {
            try JSONValue.parse(
                String(contentsOf: Fixtures.packageRoot.appendingPathComponent("schemas/\(name)"), encoding: .utf8)
            )
        }
        return SchemaChecker(
            schema: try load("report.schema.json"),
            external: ["check-result.schema.json": try load("check-result.schema.json")]
        )
    }

    @Test(arguments: ExampleReports.names)
    func exampleReportFitsTheSchema(name: String) throws {
        let text = String(decoding: try Report.encoder.encode(try ExampleReports.report(name)), as: UTF8.self)
        let problems = try Self.checker().check(try JSONValue.parse(text))
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func sessionWithOverridesFitsTheSchema() throws {
        let text = String(decoding: try Report.encoder.encode(try ReportEscapingTests.report()), as: UTF8.self)
        let problems = try Self.checker().check(try JSONValue.parse(text))
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func checkerRejectsWhatTheSchemaForbids() throws {
        let text = String(decoding: try Report.encoder.encode(try ExampleReports.report("maturity-scan-comparison")), as: UTF8.self)
        guard case .object(var fields) = try JSONValue.parse(text) else {
            Issue.record("not an object")
            return
        }
        fields["format"] = .string("koers-report/2")
        fields["extra"] = .null
        fields["sessions"] = .array([.object(["id": .string("x")])])
        let problems = try Self.checker().check(.object(fields))
        #expect(problems.contains { $0.contains("$.format") })
        #expect(problems.contains { $0.contains("unexpected key 'extra'") })
        #expect(problems.contains { $0.contains("missing required key 'evaluation'") })
    }
}

// MARK: - JSON and a minimal JSON Schema checker (as in KoersCLITests/CheckCommandTests.swift)

/// A JSON value, decoded strictly: `true` is a boolean, `1` a number.
enum JSONValue: Equatable, Decodable {
    case null
    case boolean(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .boolean(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([JSONValue].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    static func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The JSON Schema type name.
    var typeName: String {
        switch self {
        case .null: "null"
        case .boolean: "boolean"
        case .number(let number): number == number.rounded() ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// Checks a JSON value against the parts of JSON Schema 2020-12 the result schema uses:
/// `type`, `required`, `properties`, `additionalProperties: false`, `items`, `enum`, `const`,
/// `pattern`, `oneOf`, local `$ref`s to `#/$defs/…` and `$ref`s to other schema files.
struct SchemaChecker {
    let schema: JSONValue
    /// Other schemas a `$ref` names by file, such as `check-result.schema.json`.
    var external: [String: JSONValue] = [:]

    func check(_ value: JSONValue) -> [String] {
        check(value, against: schema, at: "$")
    }

    private func check(_ value: JSONValue, against rule: JSONValue, at path: String) -> [String] {
        if case .string(let reference)? = rule["$ref"], !reference.hasPrefix("#"), let other = external[reference] {
            return SchemaChecker(schema: other, external: external).check(value, against: other, at: path)
        }
        if case .string(let reference)? = rule["$ref"] {
            let name = String(reference.dropFirst("#/$defs/".count))
            guard reference.hasPrefix("#/$defs/"), let target = schema["$defs"]?[name] else {
                return ["\(path): unresolved $ref \(reference)"]
            }
            return check(value, against: target, at: path)
        }
        var problems: [String] = []
        if let types = rule["type"] {
            let allowed = types.array?.compactMap(\.string) ?? [types.string ?? ""]
            let actual = value.typeName
            let fits = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
            if !fits {
                return [
                    "\(path): expected \(allowed.joined(separator: " or ")), got \(actual == "integer" ? "number" : actual)"
                ]
            }
        }
        if let constant = rule["const"], constant != value {
            problems.append("\(path): expected \(constant)")
        }
        if let options = rule["enum"]?.array, !options.contains(value) {
            let names = options.compactMap(\.string).joined(separator: ", ")
            problems.append("\(path): '\(value.string ?? value.typeName)' is not one of \(names)")
        }
        if case .string(let pattern)? = rule["pattern"], let text = value.string {
            if text.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(path): '\(text)' does not match \(pattern)")
            }
        }
        if let alternatives = rule["oneOf"]?.array {
            let matching = alternatives.filter { check(value, against: $0, at: path).isEmpty }.count
            if matching != 1 { problems.append("\(path): matches \(matching) of the oneOf alternatives, not 1") }
        }
        if case .object(let fields) = value {
            for case .string(let key) in rule["required"]?.array ?? [] where fields[key] == nil {
                problems.append("\(path): missing required key '\(key)'")
            }
            let properties = rule["properties"]
            for (key, field) in fields.sorted(by: { $0.key < $1.key }) {
                if let property = properties?[key] {
                    problems += check(field, against: property, at: "\(path).\(key)")
                } else if rule["additionalProperties"] == .boolean(false) {
                    problems.append("\(path): unexpected key '\(key)'")
                }
            }
        }
        if case .array(let items) = value, let itemRule = rule["items"] {
            for (index, item) in items.enumerated() {
                problems += check(item, against: itemRule, at: "\(path)[\(index)]")
            }
        }
        return problems
    }
}
