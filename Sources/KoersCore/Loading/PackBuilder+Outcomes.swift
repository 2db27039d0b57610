import KoersExpression
import KoersSource
import KoersYAML

extension PackBuilder {
    mutating func readOutcomes(_ nodes: [YAMLNode], checker: TypeChecker, names: NameTable) -> [Outcome] {
        var outcomes: [Outcome] = []
        var seen: [String: SourceLocation] = [:]
        for node in nodes {
            guard let reader = reader(node, subject: "outcome", allowed: PackSchema.outcomeKeys,
                                      required: ["id", "title", "requirements"]),
                  let id = identifier(reader["id"], what: "an outcome"),
                  unique(id, kind: "outcome", at: reader["id"] ?? node, seen: &seen)
            else { continue }
            let subject = "outcome '\(id)'"
            let title = text(reader["title"], what: "title of \(subject)")
            let validity = period(reader, what: subject)
            let outcomeCitations = citations(reader["source"])
            let requestedIf = reader["requested_if"].flatMap {
                compile($0, what: "requested_if of \(subject)", expecting: .boolean, checker: checker, names: names)
            }
            var requirements: [Requirement] = []
            var requirementIDs: [String: SourceLocation] = [:]
            for item in list(reader["requirements"], what: "requirements of \(subject)") {
                guard let requirement = self.reader(item, subject: "requirement of \(subject)",
                                                    allowed: PackSchema.requirementKeys,
                                                    required: ["id", "condition", "reason"]),
                      let requirementID = identifier(requirement["id"], what: "a requirement of \(subject)"),
                      unique(requirementID, kind: "requirement", at: requirement["id"] ?? item,
                             seen: &requirementIDs)
                else { continue }
                let what = "requirement '\(requirementID)' of \(subject)"
                let reason = text(requirement["reason"], what: "reason of \(what)")
                let holds = requirement["holds"].flatMap { text($0, what: "holds of \(what)") }
                let requirementValidity = period(requirement, what: what)
                let requirementCitations = citations(requirement["source"])
                if requirementCitations.isEmpty, outcomeCitations.isEmpty, requirement["source"] == nil {
                    error("\(what) cites no source; add 'source:' with one of the pack's sources "
                            + "(every rule says where it comes from)",
                          at: item.location, code: "missing-source")
                }
                guard let condition = compile(requirement["condition"], what: "condition of \(what)",
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
            for item in list(reader["amounts"], what: "amounts of \(subject)") {
                guard let amount = self.reader(item, subject: "amount of \(subject)", allowed: PackSchema.amountKeys,
                                               required: ["id", "label", "expr"]),
                      let amountID = identifier(amount["id"], what: "an amount of \(subject)"),
                      unique(amountID, kind: "amount", at: amount["id"] ?? item, seen: &amountIDs)
                else { continue }
                let what = "amount '\(amountID)' of \(subject)"
                let label = text(amount["label"], what: "label of \(what)")
                let amountValidity = period(amount, what: what)
                let amountCitations = citations(amount["source"])
                if amountCitations.isEmpty, outcomeCitations.isEmpty, amount["source"] == nil {
                    error("\(what) cites no source; add 'source:' with one of the pack's sources",
                          at: item.location, code: "missing-source")
                }
                guard let expression = compile(amount["expr"], what: "expr of \(what)", expecting: nil,
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
            guard let reader = reader(node, subject: "recommendation", allowed: PackSchema.recommendationKeys,
                                      required: ["id", "when", "priority", "text", "source"]),
                  let id = identifier(reader["id"], what: "a recommendation"),
                  unique(id, kind: "recommendation", at: reader["id"] ?? node, seen: &seen)
            else { continue }
            let subject = "recommendation '\(id)'"
            var priority: Recommendation.Priority?
            if let node = reader["priority"] {
                priority = node.scalarValue.flatMap(Recommendation.Priority.init(rawValue:))
                if priority == nil {
                    error("priority of \(subject) must be high, medium or low", at: node.location, code: "bad-value")
                }
            }
            let text = text(reader["text"], what: "text of \(subject)")
            let recommendationCitations = citations(reader["source"])
            guard let condition = compile(reader["when"], what: "'when' of \(subject)", expecting: .boolean,
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
    mutating func list(_ node: YAMLNode?, what: String) -> [YAMLNode] {
        guard let node else { return [] }
        guard let items = node.sequence else {
            error("\(what) must be a list (each item starting with '- '), but it is \(node.kindDescription)",
                  at: node.location, code: "wrong-kind")
            return []
        }
        return items
    }

    /// Records an id in a namespace, reporting a duplicate with a note at the first.
    mutating func unique(_ id: String, kind: String, at node: YAMLNode, seen: inout [String: SourceLocation]) -> Bool {
        if let first = seen[id] {
            error("duplicate \(kind) id '\(id)'", at: node.location, code: "duplicate-id",
                  notes: [.note("first defined here", at: first)])
            return false
        }
        seen[id] = node.location
        return true
    }
}
