import Foundation
import KoersExpression
import KoersSource
import KoersYAML

extension PackBuilder {
    /// Reads an item id: lowercase snake_case, starting with a letter.
    mutating func identifier(_ node: YAMLNode?, what: Phrase) -> String? {
        guard let node else { return nil }
        guard let id = node.scalarValue, !node.isNull else {
            error("id of \(what) must be text, but it is \(node.kindDescription)",
                  nl: "id van \(what.nl) moet tekst zijn, maar het is \(node.dutchKindDescription)",
                  at: node.location, code: "bad-id")
            return nil
        }
        guard Self.isSnakeCase(id) else {
            error("id '\(id)' of \(what) must be lowercase snake_case (a-z, 0-9 and _, starting with a letter)",
                  nl: "id '\(id)' van \(what.nl) moet snake_case zijn: kleine letters, cijfers en _ (a-z, 0-9), beginnend met een letter",
                  at: node.location, code: "bad-id")
            return nil
        }
        return id
    }

    /// Reads a pack id: lowercase letters, digits, `_` and `-`, starting with a letter.
    mutating func packID(_ node: YAMLNode?) -> String? {
        guard let node else { return nil }
        let id = node.scalarValue ?? ""
        let valid =
            id.first.map { $0.isASCII && $0.isLowercase } == true
            && id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "_" }
        guard valid else {
            error("pack id '\(id)' must be lowercase letters, digits, '-' and '_', starting with a letter",
                  nl: "pakket-id '\(id)' mag alleen kleine letters, cijfers, '-' en '_' bevatten en begint met een letter",
                  at: node.location, code: "bad-id")
            return nil
        }
        return id
    }

    static func isSnakeCase(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// Reads a text in the pack's languages: a mapping `{nl: …, en: …}`, or plain text when the
    /// pack declares one language.
    mutating func text(_ node: YAMLNode?, what: Phrase) -> LocalizedText? {
        guard let node else { return nil }
        if let scalar = node.scalar, !scalar.isNull {
            if languages.count > 1 {
                error("\(what) is in one language only; write it as a mapping with "
                        + languages.map { "'\($0)'" }.joined(separator: " and "),
                      nl: "\(what.nl) is in één taal geschreven; schrijf het als mapping met "
                        + languages.map { "'\($0)'" }.joined(separator: " en "),
                      at: node.location, code: "missing-translation")
            }
            return LocalizedText([(languages.first ?? "nl", scalar.value)])
        }
        guard let entries = node.mapping else {
            error("\(what) must be text per language, such as {nl: …, en: …}, but it is \(node.kindDescription)",
                  nl: "\(what.nl) moet tekst per taal zijn, zoals {nl: …, en: …}, maar het is \(node.dutchKindDescription)",
                  at: node.location, code: "wrong-kind")
            return nil
        }
        var translations: [(language: String, text: String)] = []
        for entry in entries {
            let language = entry.key.scalarValue ?? ""
            guard languages.contains(language) else {
                var notes: [Diagnostic] = []
                if let suggestion = closestMatch(to: language, among: languages) {
                    notes.append(.note(.didYouMean(suggestion), at: entry.key.location))
                }
                error("language '\(language)' in \(what) is not one of the pack's languages ("
                        + languages.joined(separator: ", ") + ")",
                      nl: "taal '\(language)' in \(what.nl) is geen van de talen van het pakket ("
                        + languages.joined(separator: ", ") + ")",
                      at: entry.key.location, code: "unknown-language", notes: notes)
                continue
            }
            guard let value = entry.value.scalar, !value.isNull, !value.value.isEmpty else {
                error("'\(language)' text of \(what) is empty", nl: "de '\(language)'-tekst van \(what.nl) is leeg",
                      at: entry.value.location, code: "missing-translation")
                continue
            }
            translations.append((language, value.value))
        }
        for language in languages where !translations.contains(where: { $0.language == language }) {
            guard !entries.contains(where: { $0.key.scalarValue == language }) else { continue }
            error("\(what) has no '\(language)' translation; the pack declares languages "
                    + languages.joined(separator: ", "),
                  nl: "\(what.nl) heeft geen '\(language)'-vertaling; het pakket noemt de talen "
                    + languages.joined(separator: ", "),
                  at: node.location, code: "missing-translation")
        }
        return translations.isEmpty ? nil : LocalizedText(translations)
    }

    /// Reads a date written as `2022-12-31`.
    mutating func date(_ node: YAMLNode?, what: Phrase) -> CalendarDate? {
        guard let node else { return nil }
        guard let text = node.scalarValue, let date = CalendarDate(iso: text) else {
            error("\(what) must be a date written as YYYY-MM-DD, such as 2022-12-31, but it is "
                    + (node.scalarValue.map { "'\($0)'" } ?? node.kindDescription),
                  nl: "\(what.nl) moet een datum zijn in de vorm JJJJ-MM-DD, zoals 2022-12-31, maar het is "
                    + (node.scalarValue.map { "'\($0)'" } ?? node.dutchKindDescription),
                  at: node.location, code: "bad-date")
            return nil
        }
        return date
    }

    /// Reads `valid_from` and `valid_until` from a mapping.
    mutating func period(_ reader: MappingReader, what: Phrase) -> ValidityPeriod {
        let from = date(reader["valid_from"], what: Phrase("valid_from of \(what)", nl: "valid_from van \(what.nl)"))
        let until = date(reader["valid_until"], what: Phrase("valid_until of \(what)", nl: "valid_until van \(what.nl)"))
        if let from, let until, until < from {
            error("valid_until (\(until)) of \(what) is before its valid_from (\(from))",
                  nl: "valid_until (\(until)) van \(what.nl) ligt vóór de valid_from (\(from))",
                  at: reader["valid_until"]?.location, code: "bad-period")
        }
        return ValidityPeriod(from: from, until: until)
    }

    /// Reads `true` or `false`.
    mutating func flag(_ node: YAMLNode?, what: Phrase) -> Bool {
        guard let node else { return false }
        switch node.scalar.flatMap({ $0.isQuoted ? nil : $0.value }) {
        case "true": return true
        case "false": return false
        default:
            error("\(what) must be true or false", nl: "\(what.nl) moet true of false zijn", at: node.location, code: "bad-value")
            return false
        }
    }

    /// Reads `source:`: an id, `{id: …, at: …}`, or a list of those.
    mutating func citations(_ node: YAMLNode?) -> [Citation] {
        guard let node else { return [] }
        if let items = node.sequence {
            return items.flatMap { citations($0) }
        }
        var id: String?
        var place: String?
        var idNode = node
        if node.scalar != nil {
            id = node.scalarValue
        } else if let reader = reader(node, subject: Phrase("source reference", nl: "bronverwijzing"),
                                      allowed: PackSchema.citationKeys,
                                      required: ["id"]) {
            id = reader["id"]?.scalarValue
            place = reader["at"]?.scalarValue
            idNode = reader["id"] ?? node
        }
        guard let id else { return [] }
        guard declaredSources[id] != nil else {
            var notes: [Diagnostic] = []
            if let suggestion = closestMatch(to: id, among: declaredSources.keys) {
                notes.append(.note(.didYouMean(suggestion), at: idNode.location))
            }
            error("source '\(id)' is not declared; add it under 'sources:' in pack.yaml",
                  nl: "bron '\(id)' is niet gedeclareerd; zet hem onder 'sources:' in pack.yaml",
                  at: idNode.location, code: "unknown-source", notes: notes)
            return []
        }
        citedSources.insert(id)
        return [Citation(sourceID: id, place: place, location: idNode.location)]
    }

    /// Reads a plain number, such as a score bound.
    mutating func number(_ node: YAMLNode?, what: Phrase) -> Decimal? {
        guard let node else { return nil }
        guard let text = node.scalarValue, let value = Decimal(string: text, locale: nil),
              text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" })
        else {
            error("\(what) must be a number", nl: "\(what.nl) moet een getal zijn", at: node.location, code: "bad-value")
            return nil
        }
        return value
    }
}
