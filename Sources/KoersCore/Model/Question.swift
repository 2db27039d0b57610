public import KoersExpression
public import KoersSource

/// A question a person answers during an interview.
///
/// A question has sixteen fields, and the engine hands questions to question types for every
/// answer it reads (a batch does so for every row). The fields live in one shared, copy-on-write
/// box, so a copy costs one reference count instead of one per field; a change copies the box
/// only when another question still shares it.
public struct Question: Sendable, Hashable, Identifiable {
    /// The stored fields, compared and hashed as a whole.
    private struct Fields: Hashable {
        var id: String
        var typeID: String
        var valueType: ValueType
        var text: LocalizedText
        var help: LocalizedText?
        var options: [ChoiceOption]
        var unit: LocalizedText?
        var minimum: Value?
        var maximum: Value?
        var relevance: PackExpression?
        var validations: [AnswerValidation]
        var isOptional: Bool
        var allowsUnknown: Bool
        var isChecklist: Bool
        var citations: [Citation]
        var location: SourceLocation
    }

    /// The box holding the fields; replaced, never changed, while it is shared.
    private final class Box: @unchecked Sendable {
        // Safe to send: a box is written only through `uniqueBox()`, which first makes it
        // unique to the question being changed.
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// The box, made unique to this question before a change.
    private mutating func uniqueBox() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        return box
    }

    /// The question's id, used in expressions and answer files.
    public var id: String {
        get { box.fields.id }
        set { uniqueBox().fields.id = newValue }
    }
    /// The id of its question type, such as `money` or `single_choice`.
    public var typeID: String {
        get { box.fields.typeID }
        set { uniqueBox().fields.typeID = newValue }
    }
    /// The type its answer has in expressions.
    public var valueType: ValueType {
        get { box.fields.valueType }
        set { uniqueBox().fields.valueType = newValue }
    }
    /// The question as asked.
    public var text: LocalizedText {
        get { box.fields.text }
        set { uniqueBox().fields.text = newValue }
    }
    /// Help shown on request.
    public var help: LocalizedText? {
        get { box.fields.help }
        set { uniqueBox().fields.help = newValue }
    }
    /// The options of a choice or scale question, in order.
    public var options: [ChoiceOption] {
        get { box.fields.options }
        set { uniqueBox().fields.options = newValue }
    }
    /// The unit shown after the input, such as "uur".
    public var unit: LocalizedText? {
        get { box.fields.unit }
        set { uniqueBox().fields.unit = newValue }
    }
    /// The smallest answer accepted, for numeric and date questions.
    public var minimum: Value? {
        get { box.fields.minimum }
        set { uniqueBox().fields.minimum = newValue }
    }
    /// The largest answer accepted, for numeric and date questions.
    public var maximum: Value? {
        get { box.fields.maximum }
        set { uniqueBox().fields.maximum = newValue }
    }
    /// When the question applies; `nil` means always.
    public var relevance: PackExpression? {
        get { box.fields.relevance }
        set { uniqueBox().fields.relevance = newValue }
    }
    /// Checks an answer must pass, each with its message.
    public var validations: [AnswerValidation] {
        get { box.fields.validations }
        set { uniqueBox().fields.validations = newValue }
    }
    /// Whether the person may skip it.
    public var isOptional: Bool {
        get { box.fields.isOptional }
        set { uniqueBox().fields.isOptional = newValue }
    }
    /// Whether "I don't know" is an accepted answer.
    public var allowsUnknown: Bool {
        get { box.fields.allowsUnknown }
        set { uniqueBox().fields.allowsUnknown = newValue }
    }
    /// Whether the options are items to have ready, such as documents to attach (`checklist: true`).
    ///
    /// Only `multiple_choice` questions can be checklists; a report lists every option of one,
    /// ticked or not.
    public var isChecklist: Bool {
        get { box.fields.isChecklist }
        set { uniqueBox().fields.isChecklist = newValue }
    }
    /// The sources the question rests on.
    public var citations: [Citation] {
        get { box.fields.citations }
        set { uniqueBox().fields.citations = newValue }
    }
    /// Where it is defined.
    public var location: SourceLocation {
        get { box.fields.location }
        set { uniqueBox().fields.location = newValue }
    }

    /// Creates a question; the loader fills in every field.
    ///
    /// - Parameters:
    ///   - id: The id.
    ///   - typeID: The question type's id.
    ///   - valueType: The answer's type in expressions.
    ///   - text: The question.
    ///   - location: Where it is defined.
    public init(id: String, typeID: String, valueType: ValueType, text: LocalizedText, location: SourceLocation) {
        box = Box(
            Fields(
                id: id,
                typeID: typeID,
                valueType: valueType,
                text: text,
                help: nil,
                options: [],
                unit: nil,
                minimum: nil,
                maximum: nil,
                relevance: nil,
                validations: [],
                isOptional: false,
                allowsUnknown: false,
                isChecklist: false,
                citations: [],
                location: location
            )
        )
    }

    /// Whether two questions have equal fields.
    public static func == (lhs: Question, rhs: Question) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    /// Hashes the fields.
    public func hash(into hasher: inout Hasher) {
        box.fields.hash(into: &hasher)
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
