public import Foundation
public import KoersExpression
public import KoersSource

/// A value the pack computes from answers, such as the total project costs.
public struct DerivedValue: Sendable, Hashable, Identifiable {
    /// Whether this is a helper value: usable in expressions and test cases, but left out of
    /// results and reports (`internal: true` in the pack).
    public var isInternal = false
    /// The id, usable in expressions.
    public var id: String
    /// The computation.
    public var expression: PackExpression
    /// A label for reports.
    public var label: LocalizedText?
    /// The sources it rests on.
    public var citations: [Citation]
    /// Where it is defined.
    public var location: SourceLocation

    /// Creates a derived value.
    ///
    /// - Parameters:
    ///   - id: The id.
    ///   - expression: The computation.
    ///   - label: A label for reports.
    ///   - citations: Its sources.
    ///   - location: Where it is defined.
    public init(
        id: String,
        expression: PackExpression,
        label: LocalizedText?,
        citations: [Citation],
        location: SourceLocation
    ) {
        self.id = id
        self.expression = expression
        self.label = label
        self.citations = citations
        self.location = location
    }

    /// The type of the value.
    public var type: ValueType { expression.type }
}

/// Something the pack decides, such as eligibility for one subsidy scheme.
///
/// An outcome is `eligible` when every requirement that applies on the evaluation date holds,
/// `ineligible` when one fails, and `undetermined` otherwise. With `requested_if`, an outcome
/// the person did not ask about is "not requested" instead of waiting for answers it never needs.
public struct Outcome: Sendable, Hashable, Identifiable {
    /// The id.
    public var id: String
    /// The scheme's or check's name.
    public var title: LocalizedText
    /// When the scheme was open; outside it the outcome is "closed".
    public var validity: ValidityPeriod
    /// When the person asked about this outcome (`requested_if`); `nil` means always. When it
    /// is known to be false the outcome is not decided at all, so a scheme nobody asked about
    /// neither waits for answers nor counts in the overall verdict.
    public var requestedIf: PackExpression?
    /// The requirements, in order.
    public var requirements: [Requirement]
    /// Amounts computed for the outcome, such as the maximum subsidy.
    public var amounts: [OutcomeAmount]
    /// The sources it rests on.
    public var citations: [Citation]
    /// Where it is defined.
    public var location: SourceLocation

    /// Creates an outcome.
    ///
    /// - Parameters:
    ///   - id: The id.
    ///   - title: The name.
    ///   - validity: When it applies.
    ///   - requirements: The requirements.
    ///   - amounts: The computed amounts.
    ///   - citations: Its sources.
    ///   - location: Where it is defined.
    public init(
        id: String,
        title: LocalizedText,
        validity: ValidityPeriod,
        requirements: [Requirement],
        amounts: [OutcomeAmount],
        citations: [Citation],
        location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.validity = validity
        self.requirements = requirements
        self.amounts = amounts
        self.citations = citations
        self.location = location
    }
}

/// One condition of an outcome: a knock-out criterion with its reason and source.
public struct Requirement: Sendable, Hashable, Identifiable {
    /// The id, unique within its outcome.
    public var id: String
    /// What must hold.
    public var condition: PackExpression
    /// The sentence explaining a failure, for the person.
    public var reason: LocalizedText
    /// The sentence saying what holds when the requirement is met, for an eligible outcome's
    /// explanation; `nil` when the pack gives none.
    public var holds: LocalizedText?
    /// When the requirement applies; outside it, it is ignored.
    public var validity: ValidityPeriod
    /// The sources it rests on; every requirement cites at least one.
    public var citations: [Citation]
    /// Where it is defined.
    public var location: SourceLocation

    /// Creates a requirement.
    ///
    /// - Parameters:
    ///   - id: The id.
    ///   - condition: What must hold.
    ///   - reason: The explanation of a failure.
    ///   - validity: When it applies.
    ///   - citations: Its sources.
    ///   - location: Where it is defined.
    public init(
        id: String,
        condition: PackExpression,
        reason: LocalizedText,
        validity: ValidityPeriod,
        citations: [Citation],
        location: SourceLocation
    ) {
        self.id = id
        self.condition = condition
        self.reason = reason
        self.validity = validity
        self.citations = citations
        self.location = location
    }
}

/// An amount an outcome computes, such as the maximum subsidy.
public struct OutcomeAmount: Sendable, Hashable, Identifiable {
    /// The id, unique within its outcome.
    public var id: String
    /// The label.
    public var label: LocalizedText
    /// The computation.
    public var expression: PackExpression
    /// When the amount's rule applies.
    public var validity: ValidityPeriod
    /// The sources it rests on.
    public var citations: [Citation]
    /// Where it is defined.
    public var location: SourceLocation

    /// Creates an amount.
    ///
    /// - Parameters:
    ///   - id: The id.
    ///   - label: The label.
    ///   - expression: The computation.
    ///   - validity: When it applies.
    ///   - citations: Its sources.
    ///   - location: Where it is defined.
    public init(
        id: String,
        label: LocalizedText,
        expression: PackExpression,
        validity: ValidityPeriod,
        citations: [Citation],
        location: SourceLocation
    ) {
        self.id = id
        self.label = label
        self.expression = expression
        self.validity = validity
        self.citations = citations
        self.location = location
    }
}

/// A score the pack computes, such as one domain of the maturity scan.
public struct Score: Sendable, Hashable, Identifiable {
    /// The id, usable in expressions of later scores and recommendations.
    public var id: String
    /// The name.
    public var title: LocalizedText
    /// The computation; a number.
    public var expression: PackExpression
    /// The lowest possible score.
    public var minimum: Decimal
    /// The highest possible score.
    public var maximum: Decimal
    /// Named levels, each from its lower bound, in ascending order.
    public var levels: [ScoreLevel]
    /// The sources it rests on.
    public var citations: [Citation]
    /// Where it is defined.
    public var location: SourceLocation

    /// Creates a score.
    ///
    /// - Parameters:
    ///   - id: The id.
    ///   - title: The name.
    ///   - expression: The computation.
    ///   - minimum: The lowest possible score.
    ///   - maximum: The highest possible score.
    ///   - levels: The named levels.
    ///   - citations: Its sources.
    ///   - location: Where it is defined.
    public init(
        id: String,
        title: LocalizedText,
        expression: PackExpression,
        minimum: Decimal,
        maximum: Decimal,
        levels: [ScoreLevel],
        citations: [Citation],
        location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.expression = expression
        self.minimum = minimum
        self.maximum = maximum
        self.levels = levels
        self.citations = citations
        self.location = location
    }
}

/// A named band of a score, from its lower bound up to the next level's.
public struct ScoreLevel: Sendable, Hashable {
    /// The lowest score in the band.
    public var minimum: Decimal
    /// The band's name.
    public var label: LocalizedText

    /// Creates a level.
    ///
    /// - Parameters:
    ///   - minimum: The lowest score in the band.
    ///   - label: The band's name.
    public init(minimum: Decimal, label: LocalizedText) {
        self.minimum = minimum
        self.label = label
    }
}

/// Advice that applies when its condition holds, such as "involve the purchaser".
public struct Recommendation: Sendable, Hashable, Identifiable {
    /// How urgent a recommendation is.
    public enum Priority: String, Sendable, Hashable, CaseIterable, Comparable {
        /// Do this first.
        case high
        /// Do this soon.
        case medium
        /// Worth doing.
        case low

        private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

        public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }
    }

    /// The id.
    public var id: String
    /// When the advice applies.
    public var condition: PackExpression
    /// How urgent it is.
    public var priority: Priority
    /// The advice.
    public var text: LocalizedText
    /// The sources it rests on.
    public var citations: [Citation]
    /// Where it is defined.
    public var location: SourceLocation

    /// Creates a recommendation.
    ///
    /// - Parameters:
    ///   - id: The id.
    ///   - condition: When it applies.
    ///   - priority: How urgent it is.
    ///   - text: The advice.
    ///   - citations: Its sources.
    ///   - location: Where it is defined.
    public init(
        id: String,
        condition: PackExpression,
        priority: Priority,
        text: LocalizedText,
        citations: [Citation],
        location: SourceLocation
    ) {
        self.id = id
        self.condition = condition
        self.priority = priority
        self.text = text
        self.citations = citations
        self.location = location
    }
}

/// A test case a pack ships: answers and a date in, expected outcomes, values and scores out.
public struct PackTestCase: Sendable, Hashable {
    /// The case's name.
    public var name: String
    /// The evaluation date.
    public var date: CalendarDate?
    /// The answers, by question id.
    public var answers: [String: Value]
    /// The expected verdict per outcome id (`eligible`, `ineligible`, `undetermined`, `closed`).
    public var expectedOutcomes: [String: String]
    /// The expected values of derived values, outcome amounts (`outcome.amount`) and scores.
    public var expectedValues: [String: Value]
    /// Answers that are not values ("I don't know", skipped), by question id.
    public var specialAnswers: [String: SpecialAnswer] = [:]
    /// Coaches' overrides of scores, by score id.
    public var overrides: [String: ScoreOverride] = [:]
    /// The recommendations expected to fire, exactly; `nil` when the case does not check them.
    public var expectedRecommendations: Set<String>?
    /// The questions an undetermined outcome is expected to still need, exactly, by outcome id.
    public var expectedMissing: [String: Set<String>] = [:]
    /// Where the case is defined.
    public var location: SourceLocation

    /// Creates a test case.
    ///
    /// - Parameters:
    ///   - name: The name.
    ///   - date: The evaluation date.
    ///   - answers: The answers.
    ///   - expectedOutcomes: The expected verdicts.
    ///   - expectedValues: The expected values.
    ///   - location: Where it is defined.
    public init(
        name: String,
        date: CalendarDate?,
        answers: [String: Value],
        expectedOutcomes: [String: String],
        expectedValues: [String: Value],
        location: SourceLocation
    ) {
        self.name = name
        self.date = date
        self.answers = answers
        self.expectedOutcomes = expectedOutcomes
        self.expectedValues = expectedValues
        self.location = location
    }
}
