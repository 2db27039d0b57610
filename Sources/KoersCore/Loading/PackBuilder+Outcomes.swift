import KoersExpression
import KoersSource
import KoersYAML

extension PackBuilder {
    mutating func readOutcomes(_ nodes: [YAMLNode], checker: TypeChecker, names: NameTable) -> [Outcome] {
        var outcomes: [Outcome] = []
        var seen: [String: SourceLocation] = [:]
        for node in nodes {
            guard let reader = reader(node, subject: Phrase("outcome", nl: "uitkomst"), allowed: PackSchema.outcomeKeys,
                                      required: ["id", "title", "requirements"]),
                  let id = identifier(reader["id"], what: Phrase("an outcome", nl: "een uitkomst")),
                  unique(id, kind: Phrase("outcome", nl: "uitkomst"), at: reader["id"] ?? node, seen: &seen)
            else { continue }
            let subject = Phrase("outcome '\(id)'", nl: "uitkomst '\(id)'")
            let title = text(reader["title"], what: Phrase("title of \(subject)", nl: "titel van \(subject.nl)"))
            let validity = period(reader, what: subject)
            let outcomeCitations = citations(reader["source"])
            let requestedIf = reader["requested_if"].flatMap {
                compile($0, what: subject.part("requested_if", nl: "requested_if"), expecting: .boolean, checker: checker,
                        names: names)
            }
            var requirements: [Requirement] = []
            var requirementIDs: [String: SourceLocation] = [:]
            for item in list(reader["requirements"], what: Phrase("requirements of \(subject)", nl: "eisen van \(subject.nl)")) {
                guard let requirement = self.reader(item, subject: Phrase("requirement of \(subject)", nl: "eis van \(subject.nl)"),
                                                    allowed: PackSchema.requirementKeys,
                                                    required: ["id", "condition", "reason"]),
                      let requirementID = identifier(requirement["id"], what: Phrase("a requirement of \(subject)",
                                                                                     nl: "een eis van \(subject.nl)")),
                      unique(requirementID, kind: Phrase("requirement", nl: "eis"), at: requirement["id"] ?? item,
                             seen: &requirementIDs)
                else { continue }
                let what = Phrase("requirement '\(requirementID)' of \(subject)", nl: "eis '\(requirementID)' van \(subject.nl)")
                let reason = text(requirement["reason"], what: Phrase("reason of \(what)", nl: "reden van \(what.nl)"))
                let holds = requirement["holds"].flatMap { text($0, what: Phrase("holds of \(what)", nl: "holds van \(what.nl)")) }
                let requirementValidity = period(requirement, what: what)
                let requirementCitations = citations(requirement["source"])
                if requirementCitations.isEmpty, outcomeCitations.isEmpty, requirement["source"] == nil {
                    error("\(what) cites no source; add 'source:' with one of the pack's sources "
                            + "(every rule says where it comes from)",
                          nl: "\(what.nl) noemt geen bron; voeg 'source:' toe met een van de bronnen van het pakket "
                            + "(elke regel zegt waar hij vandaan komt)",
                          at: item.location, code: "missing-source")
                }
                guard let condition = compile(requirement["condition"], what: what.part("condition", nl: "voorwaarde"),
                                              expecting: .boolean, checker: checker, names: names),
                      let reason
                else { continue }
                var built = Requirement(id: requirementID, condition: condition, reason: reason,
                                        validity: requirementValidity, citations: requirementCitations,
                                        location: item.location)
                built.holds = holds
                requirements.append(built)
            }
            var amounts: [OutcomeAmount] = []
            var amountIDs: [String: SourceLocation] = [:]
            for item in list(reader["amounts"], what: Phrase("amounts of \(subject)", nl: "bedragen van \(subject.nl)")) {
                guard let amount = self.reader(item, subject: Phrase("amount of \(subject)", nl: "bedrag van \(subject.nl)"),
                                               allowed: PackSchema.amountKeys,
                                               required: ["id", "label", "expr"]),
                      let amountID = identifier(amount["id"], what: Phrase("an amount of \(subject)",
                                                                           nl: "een bedrag van \(subject.nl)")),
                      unique(amountID, kind: Phrase("amount", nl: "bedrag"), at: amount["id"] ?? item, seen: &amountIDs)
                else { continue }
                let what = Phrase("amount '\(amountID)' of \(subject)", nl: "bedrag '\(amountID)' van \(subject.nl)")
                let label = text(amount["label"], what: Phrase("label of \(what)", nl: "label van \(what.nl)"))
                let amountValidity = period(amount, what: what)
                let amountCitations = citations(amount["source"])
                if amountCitations.isEmpty, outcomeCitations.isEmpty, amount["source"] == nil {
                    error("\(what) cites no source; add 'source:' with one of the pack's sources",
                          nl: "\(what.nl) noemt geen bron; voeg 'source:' toe met een van de bronnen van het pakket",
                          at: item.location, code: "missing-source")
                }
                guard let expression = compile(amount["expr"], what: what.part("expr", nl: "expr"), expecting: nil,
                                               checker: checker, names: names),
                      let label
                else {
                    brokenItems.amounts.insert("\(id).\(amountID)")
                    continue
                }
                amounts.append(
                    OutcomeAmount(id: amountID, label: label, expression: expression, validity: amountValidity,
                                  citations: amountCitations, location: item.location)
                )
            }
            guard let title else {
                brokenItems.outcomes.insert(id)
                continue
            }
            var outcome = Outcome(id: id, title: title, validity: validity, requirements: requirements,
                                  amounts: amounts, citations: outcomeCitations, location: node.location)
            outcome.requestedIf = requestedIf
            outcomes.append(outcome)
        }
        return outcomes
    }

    mutating func readRecommendations(
        _ nodes: [YAMLNode],
        checker: TypeChecker,
        names: NameTable
    ) -> [Recommendation] {
        var recommendations: [Recommendation] = []
        var seen: [String: SourceLocation] = [:]
        for node in nodes {
            guard let reader = reader(node, subject: Phrase("recommendation", nl: "aanbeveling"),
                                      allowed: PackSchema.recommendationKeys,
                                      required: ["id", "when", "priority", "text", "source"]),
                  let id = identifier(reader["id"], what: Phrase("a recommendation", nl: "een aanbeveling")),
                  unique(id, kind: Phrase("recommendation", nl: "aanbeveling"), at: reader["id"] ?? node, seen: &seen)
            else { continue }
            let subject = Phrase("recommendation '\(id)'", nl: "aanbeveling '\(id)'")
            var priority: Recommendation.Priority?
            if let node = reader["priority"] {
                priority = node.scalarValue.flatMap(Recommendation.Priority.init(rawValue:))
                if priority == nil {
                    error("priority of \(subject) must be high, medium or low",
                          nl: "de prioriteit van \(subject.nl) moet high, medium of low zijn", at: node.location, code: "bad-value")
                }
            }
            let text = text(reader["text"], what: Phrase("text of \(subject)", nl: "tekst van \(subject.nl)"))
            let recommendationCitations = citations(reader["source"])
            guard let condition = compile(reader["when"], what: subject.part("'when'", nl: "'when'"), expecting: .boolean,
                                          checker: checker, names: names),
                  let priority, let text
            else {
                brokenItems.recommendations.insert(id)
                continue
            }
            recommendations.append(
                Recommendation(id: id, condition: condition, priority: priority, text: text,
                               citations: recommendationCitations,
                               location: node.location)
            )
        }
        return recommendations
    }

    /// The items of a list-valued key, reporting a value that is not a list.
    mutating func list(_ node: YAMLNode?, what: Phrase) -> [YAMLNode] {
        guard let node else { return [] }
        guard let items = node.sequence else {
            error("\(what) must be a list (each item starting with '- '), but it is \(node.kindDescription)",
                  nl: "\(what.nl) moet een lijst zijn (elk item begint met '- '), maar het is \(node.dutchKindDescription)",
                  at: node.location, code: "wrong-kind")
            return []
        }
        return items
    }

    /// Records an id in a namespace, reporting a duplicate with a note at the first.
    mutating func unique(_ id: String, kind: Phrase, at node: YAMLNode, seen: inout [String: SourceLocation]) -> Bool {
        if let first = seen[id] {
            error("duplicate \(kind) id '\(id)'", nl: "\(kind.nl)-id '\(id)' komt twee keer voor",
                  at: node.location, code: "duplicate-id",
                  notes: [.note(.firstDefinedHere, at: first)])
            return false
        }
        seen[id] = node.location
        return true
    }
}
