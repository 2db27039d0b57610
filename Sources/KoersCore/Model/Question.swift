public import KoersExpression
public import KoersSource

/// A question a person answers during an interview.
public struct Question: Sendable, Hashable, Identifiable {
    /// The question's id, used in expressions and answer files.
    public var id: String
    /// The id of its question type, such as `money` or `single_choice`.
    public var typeID: String
    /// The type its answer has in expressions.
    public var valueType: ValueType
    /// The question as asked.
    public var text: LocalizedText
    /// Help shown on request.
    public var help: LocalizedText?
    /// The options of a choice or scale question, in order.
    public var options: [ChoiceOption]
    /// The unit shown after the input, such as "uur".
    public var unit: LocalizedText?
    /// The smallest answer accepted, for numeric and date questions.
    public var minimum: Value?
    /// The largest answer accepted, for numeric and date questions.
    public var maximum: Value?
    /// When the question applies; `nil` means always.
    public var relevance: PackExpression?
    /// Checks an answer must pass, each with its message.
    public var validations: [AnswerValidation]
    /// Whether the person may skip it.
    public var isOptional: Bool
    /// Whether "I don't know" is an accepted answer.
    public var allowsUnknown: Bool
    /// Whether the options are items to have ready, such as documents to attach (`checklist: true`).
    ///
    /// Only `multiple_choice` questions can be checklists; a report lists every option of one,
    /// ticked or not.
    public var isChecklist: Bool
    /// The sources the question rests on.
    public var citations: [Citation]
    /// Where it is defined.
    public var location: SourceLocation

    /// Creates a question; the loader fills in every field.
    ///
    /// - Parameters:
    ///   - id: The id.
    ///   - typeID: The question type's id.
    ///   - valueType: The answer's type in expressions.
    ///   - text: The question.
    ///   - location: Where it is defined.
    public init(id: String, typeID: String, valueType: ValueType, text: LocalizedText, location: SourceLocation) {
        self.id = id
        self.typeID = typeID
        self.valueType = valueType
        self.text = text
        self.help = nil
        self.options = []
        self.unit = nil
        self.minimum = nil
        self.maximum = nil
        self.relevance = nil
        self.validations = []
        self.isOptional = false
        self.allowsUnknown = false
        self.isChecklist = false
        self.citations = []
        self.location = location
    }
}

/// One option of a choice question.
public struct ChoiceOption: Sendable, Hashable, Identifiable {
    /// The option's id: the value its answer has in expressions (as text).
    public var id: String
    /// What the person sees.
    public var label: LocalizedText
    /// Where it is defined.
    public var location: SourceLocation

    /// Creates an option.
    ///
    /// - Parameters:
    ///   - id: The value in expressions.
    ///   - label: What the person sees.
    ///   - location: Where it is defined.
    public init(id: String, label: LocalizedText, location: SourceLocation) {
        self.id = id
        self.label = label
        self.location = location
    }
}

/// A check an answer must pass, with the message shown when it does not.
///
/// The rule is a boolean expression that may read the question's own answer by its id.
public struct AnswerValidation: Sendable, Hashable {
    /// The condition the answer must satisfy.
    public var rule: PackExpression
    /// What the person is told when it does not.
    public var message: LocalizedText

    /// Creates a validation.
    ///
    /// - Parameters:
    ///   - rule: The condition.
    ///   - message: The message when it fails.
    public init(rule: PackExpression, message: LocalizedText) {
        self.rule = rule
        self.message = message
    }
}
