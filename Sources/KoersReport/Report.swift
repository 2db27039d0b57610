public import Foundation
import KoersInterview
public import KoersPresentation

/// A report people hand over: one or more evaluated sessions of one organisation, with their
/// scores, evidence, actions, answers and, for a baseline and a follow-up of the same pack, a
/// comparison. Written as JSON in the stable format `koers-report/1`
/// (`schemas/report.schema.json`), and rendered as Markdown or HTML.
///
/// Each session carries the full `EvaluationDocument` (`koers-check/1`) it was built from;
/// the report adds what a person reads beside it: who answered, notes, override authors, the
/// action list tied to its gaps, and the appendix of answers.
public struct Report: Sendable, Hashable, Codable {
    /// `koers-report/1`: the format this version writes.
    public static let currentFormat = "koers-report/1"

    /// The format marker, ``currentFormat``.
    public var format: String
    /// The version of the engine that made the evaluations.
    public var engineVersion: String
    /// The language of the texts: `nl` or `en`.
    public var language: String
    /// The report's title.
    public var title: String
    /// The organisation the sessions are about, when known.
    @Nullable public var organisation: String?
    /// The project, when known.
    @Nullable public var project: String?
    /// The sessions, in the order given.
    public var sessions: [ReportSession]
    /// Baseline/follow-up comparisons, one per pack with two or more sessions.
    public var comparisons: [ReportComparison]

    enum CodingKeys: String, CodingKey {
        case format
        case engineVersion = "engine_version"
        case language, title, organisation, project, sessions, comparisons
    }

    /// Creates a report.
    ///
    /// - Parameters:
    ///   - engineVersion: The engine version.
    ///   - language: `nl` or `en`.
    ///   - title: The title.
    ///   - organisation: The organisation, if known.
    ///   - project: The project, if known.
    ///   - sessions: The sessions.
    ///   - comparisons: The comparisons.
    public init(
        engineVersion: String,
        language: String,
        title: String,
        organisation: String?,
        project: String?,
        sessions: [ReportSession],
        comparisons: [ReportComparison]
    ) {
        self.format = Self.currentFormat
        self.engineVersion = engineVersion
        self.language = language
        self.title = title
        self.organisation = organisation
        self.project = project
        self.sessions = sessions
        self.comparisons = comparisons
    }
}

/// One evaluated session (or answers file) in a report.
public struct ReportSession: Sendable, Hashable, Codable {
    /// A stable anchor id: `session-1`, `session-2`, ….
    public var id: String
    /// `baseline` or `follow_up` when the session is part of a comparison, else `null`.
    @Nullable public var role: String?
    /// The file it was read from, as given.
    public var source: String
    /// `session` for a `koers-session/1` file, `answers_file` for a file of answers.
    public var sourceKind: String
    /// The file's own description, if any.
    @Nullable public var description: String?
    /// The people who gave the answers, sorted; empty when the file does not say.
    public var answeredBy: [String]
    /// The evaluation, as `koers check --format json` writes it.
    public var evaluation: EvaluationDocument
    /// The scores with the evidence behind them and overrides with their authors.
    public var scores: [ReportScore]
    /// The actions, highest priority first, each tied to the gaps that caused it.
    public var actions: [ReportAction]
    /// The checklists (such as the documents to attach): one per `checklist: true` question that
    /// applies or may still apply, in pack order.
    public var checklists: [ReportChecklist]
    /// Every answer, in pack order.
    public var answers: [ReportAnswer]
    /// Every change kept in the session, oldest first, when the report was asked to include
    /// them (`koers report --history`); `nil` otherwise, and then not written.
    public var history: [ReportChange]? = nil

    enum CodingKeys: String, CodingKey {
        case id, role, source
        case sourceKind = "source_kind"
        case description
        case answeredBy = "answered_by"
        case evaluation, scores, actions, checklists, answers, history
    }
}

/// One change in a session's history, as the report's history appendix shows it.
public struct ReportChange: Sendable, Hashable, Codable {
    /// When, as ISO 8601.
    public var at: String
    /// Who made the change.
    public var by: String
    /// What changed: `answer`, `note`, `taken_over`, `taken_over_confirmed`, `override` or
    /// `override_confirmed`, as the session file names it.
    public var kind: String
    /// The question or score.
    public var id: String
    /// The question as asked or the score's title; the id when the pack no longer has it.
    public var subject: String
    /// What it was, as a person reads it; `null` when it is new.
    @Nullable public var old: String?
    /// What it became; `null` when it was removed or for a confirmation.
    @Nullable public var new: String?
    /// For an answer taken over from another session: where from.
    @Nullable public var source: String?

    enum CodingKeys: String, CodingKey {
        case at, by, kind, id, subject, old, new, source
    }
}

/// A score with its evidence.
public struct ReportScore: Sendable, Hashable, Codable {
    /// The score's id.
    public var id: String
    /// Its title.
    public var title: String
    /// The lowest value, as an exact decimal.
    public var minimum: String
    /// The highest value, as an exact decimal.
    public var maximum: String
    /// The value that counts, as an exact decimal; `null` while unknown.
    @Nullable public var effective: String?
    /// The computed value; `null` while unknown.
    @Nullable public var computed: String?
    /// The level's label, if any.
    @Nullable public var level: String?
    /// Whether the score is charted: one of the pack's domains or steps, not a total.
    public var charted: Bool
    /// A coach's override with who made it and why.
    @Nullable public var override: ReportOverride?
    /// The answers the score reads, with their notes.
    public var evidence: [ReportAnswer]
    /// A second person's verification or dispute of the score, if any; written only then.
    public var verification: ReportVerification? = nil
}

/// A coach's override of a score.
public struct ReportOverride: Sendable, Hashable, Codable {
    /// The value, as an exact decimal.
    public var value: String
    /// Why.
    public var justification: String
    /// Who made it, when the source says.
    @Nullable public var by: String?
    /// When, as ISO 8601, when the source says.
    @Nullable public var at: String?
    /// Who confirmed it, if anyone.
    @Nullable public var confirmedBy: String?
    /// When it was confirmed, as ISO 8601.
    @Nullable public var confirmedAt: String?

    enum CodingKeys: String, CodingKey {
        case value, justification, by, at
        case confirmedBy = "confirmed_by"
        case confirmedAt = "confirmed_at"
    }
}

/// An action: a recommendation that fires, tied to the gaps that caused it.
public struct ReportAction: Sendable, Hashable, Codable {
    /// The recommendation's id.
    public var id: String
    /// `high`, `medium` or `low`.
    public var priority: String
    /// What to do.
    public var text: String
    /// The scores, values or answers whose state made the recommendation fire.
    public var gaps: [ReportGap]
    /// The citations, as a reader looks them up.
    public var sources: [String]
}

/// A gap that caused an action.
public struct ReportGap: Sendable, Hashable, Codable {
    /// `score`, `value` or `question`.
    public var kind: String
    /// The id of the score, value or question.
    public var id: String
    /// Its title, label or question text.
    public var title: String
    /// Its current value or answer as a person reads it, if known.
    @Nullable public var current: String?
}

/// A checklist: the options of a `checklist: true` question, each ticked or not, such as the
/// documents to attach to an application.
public struct ReportChecklist: Sendable, Hashable, Codable {
    /// The question's id.
    public var questionID: String
    /// The question as asked; the checklist's heading.
    public var title: String
    /// Every option of the question, in pack order.
    public var items: [ReportChecklistItem]

    enum CodingKeys: String, CodingKey {
        case questionID = "question_id"
        case title, items
    }
}

/// One item of a ``ReportChecklist``.
public struct ReportChecklistItem: Sendable, Hashable, Codable {
    /// The option's id.
    public var id: String
    /// The option's label.
    public var label: String
    /// `checked` (chosen), `unchecked` (not chosen yet) or `unanswered` (the question has no
    /// answer yet, or the answer is "I don't know" or skipped).
    public var state: String
}

/// An answer as the appendix and the evidence show it.
public struct ReportAnswer: Sendable, Hashable, Codable {
    /// The question's id.
    public var questionID: String
    /// The question as asked.
    public var question: String
    /// `given`, `unknown`, `skipped`, `unanswered` or `not_applicable`.
    public var state: String
    /// The answer as a person reads it.
    public var answer: String
    /// Who gave it, when the source says.
    @Nullable public var answeredBy: String?
    /// When, as ISO 8601, when the source says.
    @Nullable public var answeredAt: String?
    /// The note on the answer, if any.
    @Nullable public var note: String?
    /// Who wrote the note, when that is someone other than ``answeredBy`` (a colleague changed
    /// the answer after the note was written); `nil` otherwise, and then not written.
    public var noteBy: String? = nil

    enum CodingKeys: String, CodingKey {
        case questionID = "question_id"
        case question, state, answer
        case answeredBy = "answered_by"
        case answeredAt = "answered_at"
        case note
        case noteBy = "note_by"
    }
}

/// A baseline and a follow-up of the same pack, score by score.
public struct ReportComparison: Sendable, Hashable, Codable {
    /// The pack's id.
    public var packID: String
    /// The pack's title.
    public var packTitle: String
    /// The baseline session's id in ``Report/sessions``.
    public var baseline: String
    /// The baseline's evaluation date.
    public var baselineDate: String
    /// The follow-up session's id.
    public var followUp: String
    /// The follow-up's evaluation date.
    public var followUpDate: String
    /// One row per score, in pack order.
    public var rows: [ReportComparisonRow]

    enum CodingKeys: String, CodingKey {
        case packID = "pack_id"
        case packTitle = "pack_title"
        case baseline
        case baselineDate = "baseline_date"
        case followUp = "follow_up"
        case followUpDate = "follow_up_date"
        case rows
    }
}

/// One score in a comparison.
public struct ReportComparisonRow: Sendable, Hashable, Codable {
    /// The score's id.
    public var id: String
    /// Its title.
    public var title: String
    /// Its highest value.
    public var maximum: String
    /// Whether it is charted (a domain or step, not a total).
    public var charted: Bool
    /// The baseline value; `null` while unknown.
    @Nullable public var baseline: String?
    /// The follow-up value; `null` while unknown.
    @Nullable public var followUp: String?
    /// Follow-up minus baseline; `null` when either is unknown.
    @Nullable public var delta: String?

    enum CodingKeys: String, CodingKey {
        case id, title, maximum, charted, baseline
        case followUp = "follow_up"
        case delta
    }
}

extension Report {
    /// An encoder for the report's stable form: pretty printed, keys sorted, slashes unescaped.
    public static var encoder: JSONEncoder { EvaluationDocument.encoder }
}
