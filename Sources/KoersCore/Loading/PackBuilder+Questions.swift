import KoersExpression
import KoersSource
import KoersYAML

/// A question read from YAML whose expressions are compiled once every name is known.
struct PendingQuestion {
    var question: Question
    var relevanceNode: YAMLNode?
    var validationNodes: [(rule: YAMLNode?, message: LocalizedText?)]
}

extension PackBuilder {
    mutating func readQuestions(_ nodes: [YAMLNode], names: inout NameTable) -> [PendingQuestion] {
        var questions: [PendingQuestion] = []
        for node in nodes {
            guard
                let reader = reader(node, subject: "question", allowed: PackSchema.questionKeys,
                                    required: ["id", "type", "text"])
            else { continue }
            // Check the type and text even when the id is wrong, so one run reports both.
            let id = identifier(reader["id"], what: "a question")
            let subject = id.map { "question '\($0)'" } ?? "question"
            let declared = id.map { declareName($0, kind: "question", at: reader["id"] ?? node, in: &names) } ?? false
            let type = questionType(reader["type"], of: subject)
            let text = text(reader["text"], what: "text of \(subject)")
            guard let id, declared else { continue }
            guard let type, let text else {
                names.markBroken(id)
                continue
            }
            names.setType(type.valueType, of: id)
            var question = Question(id: id, typeID: type.id, valueType: type.valueType, text: text,
                                    location: node.location)
            question.help = self.text(reader["help"], what: "help of \(subject)")
            question.unit = self.text(reader["unit"], what: "unit of \(subject)")
            question.isOptional = flag(reader["optional"], what: "'optional' of \(subject)")
            question.allowsUnknown = flag(reader["allow_unknown"], what: "'allow_unknown' of \(subject)")
            question.isChecklist = flag(reader["checklist"], what: "'checklist' of \(subject)")
            if question.isChecklist, type.id != "multiple_choice" {
                error("'checklist' of \(subject) is only allowed on a multiple_choice question, not '\(type.id)'",
                      at: reader.keyNode("checklist")?.location ?? node.location, code: "unexpected-key")
                question.isChecklist = false
            }
            question.citations = citations(reader["source"])
            question.options = options(reader, type: type, subject: subject)
            if !question.options.isEmpty, type.valueType == .text || type.valueType == .list(.text) {
                names.setOptions(question.options.map(\.id), of: id)
            }
            (question.minimum, question.maximum) = bounds(reader, type: type, question: question, subject: subject)
            var validations: [(YAMLNode?, LocalizedText?)] = []
            if let list = reader["validations"] {
                for item in list.sequence ?? [] {
                    guard let validation = self.reader(item, subject: "validation of \(subject)",
                                                       allowed: PackSchema.validationKeys,
                                                       required: ["rule", "message"])
                    else { continue }
                    validations.append(
                        (validation["rule"], self.text(validation["message"], what: "message of a validation of \(subject)"))
                    )
                }
                if list.sequence == nil {
                    error("'validations' of \(subject) must be a list of {rule, message}", at: list.location,
                          code: "wrong-kind")
                }
            }
            questions.append(PendingQuestion(question: question, relevanceNode: reader["relevant_if"],
                                             validationNodes: validations))
        }
        return questions
    }

    mutating func compileQuestionExpressions(
        _ pending: PendingQuestion,
        checker: TypeChecker,
        names: NameTable
    ) -> Question {
        var question = pending.question
        let subject = "question '\(question.id)'"
        if let node = pending.relevanceNode,
           let relevance = compile(node, what: "relevant_if of \(subject)", expecting: .boolean, checker: checker,
                                   names: names)
        {
            if relevance.referencedNames.contains(question.id) {
                error("relevant_if of \(subject) reads the question's own answer; it must depend on other answers",
                      at: node.location, code: "self-reference")
            } else {
                question.relevance = relevance
            }
        }
        for (ruleNode, message) in pending.validationNodes {
            guard let rule = compile(ruleNode, what: "validation rule of \(subject)", expecting: .boolean,
                                     checker: checker, names: names),
                  let message
            else { continue }
            question.validations.append(AnswerValidation(rule: rule, message: message))
        }
        return question
    }

    private mutating func questionType(_ node: YAMLNode?, of subject: String) -> (any QuestionType)? {
        guard let node else { return nil }
        let id = node.scalarValue ?? ""
        guard let type = registry.questionType(id) else {
            let known = registry.questionTypes.map(\.id)
            var notes: [Diagnostic] = []
            if let suggestion = closestMatch(to: id, among: known) {
                notes.append(.note("did you mean '\(suggestion)'?", at: node.location))
            }
            error("unknown question type '\(id)' in \(subject); the types are " + known.joined(separator: ", "),
                  at: node.location, code: "unknown-type", notes: notes)
            return nil
        }
        return type
    }

    private mutating func options(_ reader: MappingReader, type: any QuestionType, subject: String) -> [ChoiceOption] {
        guard let node = reader["options"] else {
            if type.options == .required {
                error("\(subject) of type '\(type.id)' needs 'options': a list of {id, label}",
                      at: reader.node.location, code: "missing-key")
            }
            return []
        }
        if type.options == .notAllowed {
            error("\(subject) of type '\(type.id)' cannot have 'options'; use a choice type or remove them",
                  at: reader.keyNode("options")?.location ?? node.location, code: "unexpected-key")
            return []
        }
        guard let items = node.sequence else {
            error("'options' of \(subject) must be a list of {id, label}", at: node.location, code: "wrong-kind")
            return []
        }
        if type.options == .required, items.count < 2 {
            error("\(subject) needs at least two options", at: node.location, code: "too-few-options")
        }
        var options: [ChoiceOption] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let option = self.reader(item, subject: "option of \(subject)", allowed: PackSchema.optionKeys,
                                           required: ["id", "label"]),
                  let idNode = option["id"]
            else { continue }
            let id: String?
            if type.valueType == .number {
                id = idNode.scalarValue.flatMap { Int($0) }.map(String.init)
                if id == nil {
                    error("option id of \(subject) must be a whole number on its scale", at: idNode.location,
                          code: "bad-id")
                }
            } else {
                id = identifier(idNode, what: "an option of \(subject)")
            }
            guard let id else { continue }
            if let first = seen[id] {
                error("duplicate option id '\(id)' in \(subject)", at: idNode.location, code: "duplicate-id",
                      notes: [.note("first defined here", at: first)])
                continue
            }
            seen[id] = idNode.location
            guard let label = text(option["label"], what: "label of option '\(id)' of \(subject)") else { continue }
            options.append(ChoiceOption(id: id, label: label, location: item.location))
        }
        return options
    }

    private mutating func bounds(
        _ reader: MappingReader,
        type: any QuestionType,
        question: Question,
        subject: String
    ) -> (Value?, Value?) {
        func bound(_ key: String, _ builder: inout PackBuilder) -> Value? {
            guard let node = reader[key] else { return nil }
            guard type.acceptsBounds else {
                builder.error("\(subject) of type '\(type.id)' cannot have '\(key)'", at: node.location,
                              code: "unexpected-key")
                return nil
            }
            guard let text = node.scalarValue else {
                builder.error("'\(key)' of \(subject) must be a single value", at: node.location, code: "wrong-kind")
                return nil
            }
            var unbounded = question
            unbounded.minimum = nil
            unbounded.maximum = nil
            switch type.parse(.text(text), for: unbounded) {
            case .success(let value): return value
            case .failure(let problem):
                builder.error("'\(key)' of \(subject) is not a valid \(type.id) answer: \(problem.description)",
                              at: node.location, code: "bad-value")
                return nil
            }
        }
        let minimum = bound("min", &self)
        let maximum = bound("max", &self)
        if let minimum, let maximum, Self.isGreater(minimum, than: maximum) {
            error("'min' of \(subject) is larger than its 'max'", at: reader["min"]?.location, code: "bad-value")
        }
        return (minimum, maximum)
    }

    static func isGreater(_ lhs: Value, than rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)), (.money(let a), .money(let b)),
            (.percentage(let a), .percentage(let b)):
            a > b
        case (.date(let a), .date(let b)): a > b
        default: false
        }
    }
}
