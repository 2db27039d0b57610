import Foundation
public import KoersCore
import KoersExpression
import KoersInterview

/// A pack as the list of packs shows it.
public struct PackSummary: Sendable, Hashable, Codable {
    /// The id.
    public var id: String
    /// The version.
    public var version: String
    /// The title, in the language asked for.
    public var title: String
    /// The description, if the pack has one.
    public var description: String?
    /// The languages the pack is written in.
    public var languages: [String]
    /// The first day the pack applies, `YYYY-MM-DD`, if it has one.
    public var validFrom: String?
    /// The last day the pack applies, if it has one.
    public var validUntil: String?
    /// The number of questions.
    public var questionCount: Int

    /// Describes a pack.
    ///
    /// - Parameters:
    ///   - pack: The pack.
    ///   - language: `nl` or `en`.
    public init(_ pack: RulePack, language: String) {
        id = pack.id
        version = pack.manifest.version.description
        title = pack.manifest.title.text(in: language)
        description = pack.manifest.description?.text(in: language)
        languages = pack.manifest.languages
        validFrom = pack.manifest.validity.from?.description
        validUntil = pack.manifest.validity.until?.description
        questionCount = pack.questions.count
    }
}

/// A pack with its questions and scores, for `GET /api/v1/packs/{packID}`.
public struct PackDetail: Sendable, Hashable, Codable {
    /// The summary.
    public var pack: PackSummary
    /// The questions, in interview order.
    public var questions: [QuestionView]
    /// The scores a coach may override.
    public var scores: [ScoreView]

    /// Describes a pack in full.
    ///
    /// - Parameters:
    ///   - pack: The pack.
    ///   - language: `nl` or `en`.
    public init(_ pack: RulePack, language: String) {
        self.pack = PackSummary(pack, language: language)
        questions = pack.questions.map { QuestionView($0, language: language) }
        scores = pack.scores.map { ScoreView($0, language: language) }
    }
}

/// A score of a pack.
public struct ScoreView: Sendable, Hashable, Codable {
    /// The id.
    public var id: String
    /// The title.
    public var title: String
    /// The lowest value, as an exact decimal string.
    public var minimum: String
    /// The highest value.
    public var maximum: String

    /// Describes a score.
    ///
    /// - Parameters:
    ///   - score: The score.
    ///   - language: `nl` or `en`.
    public init(_ score: Score, language: String) {
        id = score.id
        title = score.title.text(in: language)
        minimum = score.minimum.description
        maximum = score.maximum.description
    }
}

/// A question as a form shows it.
public struct QuestionView: Sendable, Hashable, Codable {
    /// The id.
    public var id: String
    /// The question type (`boolean`, `money`, `single_choice`, …).
    public var type: String
    /// The type of its value in expressions (`boolean`, `money`, `list of text`, …).
    public var valueType: String
    /// The question.
    public var text: String
    /// Help, if any.
    public var help: String?
    /// The options of a choice or scale question.
    public var options: [OptionView]
    /// The unit, such as `uur`.
    public var unit: String?
    /// The lowest answer accepted, as an exact string (a percentage as its fraction).
    public var minimum: String?
    /// The highest answer accepted.
    public var maximum: String?
    /// Whether the question may be skipped.
    public var optional: Bool
    /// Whether "I don't know" is accepted.
    public var allowsDontKnow: Bool
    /// Whether the options are documents to have ready.
    public var checklist: Bool

    /// Describes a question.
    ///
    /// - Parameters:
    ///   - question: The question.
    ///   - language: `nl` or `en`.
    public init(_ question: Question, language: String) {
        id = question.id
        type = question.typeID
        valueType = question.valueType.description
        text = question.text.text(in: language)
        help = question.help?.text(in: language)
        options = question.options.map { OptionView(id: $0.id, label: $0.label.text(in: language)) }
        unit = question.unit?.text(in: language)
        minimum = question.minimum.map(Self.exact)
        maximum = question.maximum.map(Self.exact)
        optional = question.isOptional
        allowsDontKnow = question.allowsUnknown
        checklist = question.isChecklist
    }

    /// A bound as an exact string: a decimal, a percentage's fraction or `YYYY-MM-DD`.
    static func exact(_ value: Value) -> String {
        switch value {
        case .number(let number), .money(let number), .percentage(let number): number.description
        case .date(let date): date.description
        case .boolean(let flag): flag ? "true" : "false"
        case .text(let text): text
        case .list: value.description
        }
    }
}

/// One option of a choice question.
public struct OptionView: Sendable, Hashable, Codable {
    /// The id: what to send as the answer.
    public var id: String
    /// What a person sees.
    public var label: String
}
