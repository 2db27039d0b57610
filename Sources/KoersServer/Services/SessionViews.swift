public import Foundation
import KoersCore
import KoersExpression
public import KoersInterview
public import KoersPresentation
import KoersSession
public import KoersStorage

/// A session as a list shows it.
public struct SessionSummary: Sendable, Hashable, Codable {
    /// The id.
    public var id: String
    /// The organisation, or `nil` for an anonymous session.
    public var organisationId: String?
    /// The label, such as `0-meting`.
    public var label: String
    /// The pack.
    public var packId: String
    /// The pack's version when the session was last saved.
    public var packVersion: String
    /// The date the answers are evaluated as of, `YYYY-MM-DD`.
    public var evaluationDate: String
    /// `nl` or `en`.
    public var language: String
    /// The revision: 1 when made, one more at every change.
    public var revision: Int
    /// The number of answers (including "don't know" and skipped).
    public var answerCount: Int
    /// When it was made.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// Describes a stored session.
    ///
    /// - Parameter record: The record.
    public init(_ record: InterviewRecord) {
        id = record.id
        organisationId = record.organisationID
        label = record.label
        packId = record.packID
        packVersion = record.document.packVersion
        evaluationDate = record.document.evaluationDate.description
        language = record.document.language
        revision = record.revision
        answerCount = record.document.answers.count
        createdAt = record.createdAt
        updatedAt = record.updatedAt
    }
}

/// Where a session's interview stands: the next question, the progress, every answer and
/// override, and the verdict so far.
public struct SessionState: Sendable, Hashable, Codable {
    /// The session.
    public var session: SessionSummary
    /// The pack.
    public var pack: PackSummary
    /// Whether nothing more needs to be asked.
    public var complete: Bool
    /// How far along it is.
    public var progress: ProgressView
    /// The question to ask next, or `nil` when complete.
    public var nextQuestion: QuestionView?
    /// The unanswered questions that may still change the result, in interview order.
    public var openQuestionIds: [String]
    /// Every answer, in the pack's order.
    public var answers: [AnswerView]
    /// The coaches' score overrides.
    public var overrides: [OverrideView]
    /// How many answers were set aside because they no longer fit a newer pack version.
    public var setAsideCount: Int
    /// The verdict over all outcomes so far: `eligible`, `undetermined`, `ineligible` or
    /// `no_outcomes`.
    public var overallVerdict: String
    /// Second coaches' verifications and disputes of scores, when there are some.
    public var verifications: [VerificationView]? = nil
}

/// How far along an interview is.
public struct ProgressView: Sendable, Hashable, Codable {
    /// Questions that apply and have an answer.
    public var answered: Int
    /// Unanswered questions that may still be needed.
    public var stillNeeded: Int
    /// `answered + stillNeeded`.
    public var total: Int
    /// The fraction done, 0 to 1.
    public var fraction: Double

    /// Describes the progress.
    ///
    /// - Parameter progress: The engine's progress.
    public init(_ progress: InterviewProgress) {
        answered = progress.answered
        stillNeeded = progress.stillNeeded
        total = progress.total
        fraction = progress.fraction
    }
}

/// One answer of a session.
public struct AnswerView: Sendable, Hashable, Codable {
    /// The question.
    public var questionId: String
    /// The question as asked.
    public var question: String
    /// `answered`, `dontKnow` or `skipped`.
    public var state: String
    /// The exact value for `answered`: a string (numbers, amounts, a percentage's fraction,
    /// text, dates), a boolean, or a list.
    public var value: EvaluationDocument.ExactValue?
    /// The answer as a person reads it.
    public var display: String
    /// Who gave it.
    public var answeredBy: String
    /// When.
    public var answeredAt: Date
    /// The note, if any.
    public var note: String?
    /// Whether the answer is kept but not used, because its question does not apply.
    public var ignored: Bool
    /// Who wrote the note, when it is not who gave the answer's latest value.
    public var noteBy: String? = nil
    /// For an answer taken over from another session: where from, as a person reads it
    /// ("overgenomen uit Maturity scan 0-meting, 2 maart 2026").
    public var takenOver: String? = nil
    /// Whether the answer was taken over and still waits for a coach to confirm or change it.
    public var awaitingConfirmation: Bool? = nil
}

/// A coach's override of a score.
public struct OverrideView: Sendable, Hashable, Codable {
    /// The score.
    public var scoreId: String
    /// The value that counts, as an exact decimal string.
    public var value: String
    /// Why.
    public var justification: String
    /// Who set it.
    public var by: String
    /// When.
    public var at: Date
    /// Who confirmed it, if someone did.
    public var confirmedBy: String?
    /// When it was confirmed.
    public var confirmedAt: Date?
}

/// A session that was just made, with the token that resumes it when it is anonymous.
public struct CreatedSession: Sendable, Hashable, Codable {
    /// The session's state.
    public var state: SessionState
    /// The resume token (only for an anonymous session, shown once): send it as
    /// `X-Resume-Token`.
    public var resumeToken: String?
}
