import Foundation

// A JSON value and a minimal JSON Schema checker for the tests of the JSON outputs
// (`koers check --format json`, `koers report --format json`). Not a full JSON Schema
// implementation: it covers what the schemas in `schemas/` use.

/// A JSON value, decoded strictly: `true` is a boolean, `1` a number.
public enum JSONValue: Equatable, Sendable, Decodable {
    case null
    case boolean(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
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

    /// Parses JSON text.
    public static func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// The field of an object, or `nil`.
    public subscript(key: String) -> JSONValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    /// The items of an array, or `nil`.
    public var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The text of a string, or `nil`.
    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The JSON Schema type name.
    public var typeName: String {
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
public struct SchemaChecker: Sendable {
    /// The schema to check against.
    public let schema: JSONValue
    /// Other schemas a `$ref` names by file, such as `check-result.schema.json`.
    public var external: [String: JSONValue]

    /// Creates a checker.
    ///
    /// - Parameters:
    ///   - schema: The schema.
    ///   - external: Other schemas by the file name a `$ref` uses.
    public init(schema: JSONValue, external: [String: JSONValue] = [:]) {
        self.schema = schema
        self.external = external
    }

    /// Every place where the value breaks the schema, as `$.path: problem`; empty when it fits.
    public func check(_ value: JSONValue) -> [String] {
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
