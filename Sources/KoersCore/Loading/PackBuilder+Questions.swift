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
                let reader = reader(node, subject: Phrase("question", nl: "vraag"), allowed: PackSchema.questionKeys,
                                    required: ["id", "type", "text"])
            else { continue }
            // Check the type and text even when the id is wrong, so one run reports both.
            let id = identifier(reader["id"], what: Phrase("a question", nl: "een vraag"))
            let subject = id.map { Phrase("question '\($0)'", nl: "vraag '\($0)'") } ?? Phrase("question", nl: "vraag")
            let declared =
                id.map { declareName($0, kind: Phrase("question", nl: "een vraag"), at: reader["id"] ?? node, in: &names) }
                ?? false
            let type = questionType(reader["type"], of: subject)
            let text = text(reader["text"], what: subject.part("text", nl: "tekst"))
            guard let id, declared else { continue }
            guard let type, let text else {
                names.markBroken(id)
                continue
            }
            names.setType(type.valueType, of: id)
            var question = Question(id: id, typeID: type.id, valueType: type.valueType, text: text,
                                    location: node.location)
            question.help = self.text(reader["help"], what: subject.part("help", nl: "hulptekst"))
            question.unit = self.text(reader["unit"], what: subject.part("unit", nl: "eenheid"))
            question.isOptional = flag(reader["optional"], what: subject.part("'optional'", nl: "'optional'"))
            question.allowsUnknown = flag(reader["allow_unknown"], what: subject.part("'allow_unknown'", nl: "'allow_unknown'"))
            question.isChecklist = flag(reader["checklist"], what: subject.part("'checklist'", nl: "'checklist'"))
            if question.isChecklist, type.id != "multiple_choice" {
                error("'checklist' of \(subject) is only allowed on a multiple_choice question, not '\(type.id)'",
                      nl: "'checklist' van \(subject.nl) mag alleen bij een multiple_choice-vraag, niet bij '\(type.id)'",
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
                    guard let validation = self.reader(item, subject: subject.part("validation", nl: "validatie"),
                                                       allowed: PackSchema.validationKeys,
                                                       required: ["rule", "message"])
                    else { continue }
                    validations.append(
                        (validation["rule"],
                         self.text(validation["message"],
                                   what: subject.part("message of a validation", nl: "melding van een validatie")))
                    )
                }
                if list.sequence == nil {
                    error("'validations' of \(subject) must be a list of {rule, message}",
                          nl: "'validations' van \(subject.nl) moet een lijst van {rule, message} zijn", at: list.location,
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
        let subject = Phrase("question '\(question.id)'", nl: "vraag '\(question.id)'")
        if let node = pending.relevanceNode,
           let relevance = compile(node, what: subject.part("relevant_if", nl: "relevant_if"), expecting: .boolean,
                                   checker: checker, names: names)
        {
            if relevance.referencedNames.contains(question.id) {
                error("relevant_if of \(subject) reads the question's own answer; it must depend on other answers",
                      nl: "relevant_if van \(subject.nl) leest het eigen antwoord van de vraag; het moet van andere antwoorden afhangen",
                      at: node.location, code: "self-reference")
            } else {
                question.relevance = relevance
            }
        }
        for (ruleNode, message) in pending.validationNodes {
            guard let rule = compile(ruleNode, what: subject.part("validation rule", nl: "validatieregel"), expecting: .boolean,
                                     checker: checker, names: names),
                  let message
            else { continue }
            question.validations.append(AnswerValidation(rule: rule, message: message))
        }
        return question
    }

    private mutating func questionType(_ node: YAMLNode?, of subject: Phrase) -> (any QuestionType)? {
        guard let node else { return nil }
        let id = node.scalarValue ?? ""
        guard let type = registry.questionType(id) else {
            let known = registry.questionTypes.map(\.id)
            var notes: [Diagnostic] = []
            if let suggestion = closestMatch(to: id, among: known) {
                notes.append(.note(.didYouMean(suggestion), at: node.location))
            }
            error("unknown question type '\(id)' in \(subject); the types are " + known.joined(separator: ", "),
                  nl: "onbekend vraagtype '\(id)' in \(subject.nl); de typen zijn " + known.joined(separator: ", "),
                  at: node.location, code: "unknown-type", notes: notes)
            return nil
        }
        return type
    }

    private mutating func options(_ reader: MappingReader, type: any QuestionType, subject: Phrase) -> [ChoiceOption] {
        guard let node = reader["options"] else {
            if type.options == .required {
                error("\(subject) of type '\(type.id)' needs 'options': a list of {id, label}",
                      nl: "\(subject.nl) van type '\(type.id)' heeft 'options' nodig: een lijst van {id, label}",
                      at: reader.node.location, code: "missing-key")
            }
            return []
        }
        if type.options == .notAllowed {
            error("\(subject) of type '\(type.id)' cannot have 'options'; use a choice type or remove them",
                  nl: "\(subject.nl) van type '\(type.id)' kan geen 'options' hebben; gebruik een keuzetype of haal ze weg",
                  at: reader.keyNode("options")?.location ?? node.location, code: "unexpected-key")
            return []
        }
        guard let items = node.sequence else {
            error("'options' of \(subject) must be a list of {id, label}",
                  nl: "'options' van \(subject.nl) moet een lijst van {id, label} zijn", at: node.location, code: "wrong-kind")
            return []
        }
        if type.options == .required, items.count < 2 {
            error("\(subject) needs at least two options", nl: "\(subject.nl) heeft minstens twee opties nodig",
                  at: node.location, code: "too-few-options")
        }
        var options: [ChoiceOption] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let option = self.reader(item, subject: subject.part("option", nl: "optie"), allowed: PackSchema.optionKeys,
                                           required: ["id", "label"]),
                  let idNode = option["id"]
            else { continue }
            let id: String?
            if type.valueType == .number {
                id = idNode.scalarValue.flatMap { Int($0) }.map(String.init)
                if id == nil {
                    error("option id of \(subject) must be a whole number on its scale",
                          nl: "optie-id van \(subject.nl) moet een geheel getal op de schaal zijn", at: idNode.location,
                          code: "bad-id")
                }
            } else {
                id = identifier(idNode, what: subject.part("an option", nl: "een optie"))
            }
            guard let id else { continue }
            if let first = seen[id] {
                error("duplicate option id '\(id)' in \(subject)", nl: "optie-id '\(id)' komt twee keer voor in \(subject.nl)",
                      at: idNode.location, code: "duplicate-id",
                      notes: [.note(.firstDefinedHere, at: first)])
                continue
            }
            seen[id] = idNode.location
            guard let label = text(option["label"], what: subject.part("label of option '\(id)'", nl: "label van optie '\(id)'"))
            else { continue }
            options.append(ChoiceOption(id: id, label: label, location: item.location))
        }
        return options
    }

    private mutating func bounds(
        _ reader: MappingReader,
        type: any QuestionType,
        question: Question,
        subject: Phrase
    ) -> (Value?, Value?) {
        func bound(_ key: String, _ builder: inout PackBuilder) -> Value? {
            guard let node = reader[key] else { return nil }
            guard type.acceptsBounds else {
                builder.error("\(subject) of type '\(type.id)' cannot have '\(key)'",
                              nl: "\(subject.nl) van type '\(type.id)' kan geen '\(key)' hebben", at: node.location,
                              code: "unexpected-key")
                return nil
            }
            guard let text = node.scalarValue else {
                builder.error("'\(key)' of \(subject) must be a single value",
                              nl: "'\(key)' van \(subject.nl) moet één waarde zijn",
                              at: node.location, code: "wrong-kind")
                return nil
            }
            var unbounded = question
            unbounded.minimum = nil
            unbounded.maximum = nil
            switch type.parse(.text(text), for: unbounded) {
            case .success(let value): return value
            case .failure(let problem):
                builder.error("'\(key)' of \(subject) is not a valid \(type.id) answer: \(problem.description)",
                              nl: "'\(key)' van \(subject.nl) is geen geldig antwoord voor \(type.id): \(problem.message.text(in: "nl"))",
                              at: node.location, code: "bad-value")
                return nil
            }
        }
        let minimum = bound("min", &self)
        let maximum = bound("max", &self)
        if let minimum, let maximum, Self.isGreater(minimum, than: maximum) {
            error("'min' of \(subject) is larger than its 'max'", nl: "'min' van \(subject.nl) is groter dan de 'max'",
                  at: reader["min"]?.location, code: "bad-value")
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
