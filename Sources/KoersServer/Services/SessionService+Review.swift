import Foundation
import KoersCore
import KoersInterview
import KoersPresentation
import KoersSession
import KoersSource
import KoersStorage

/// One answer on the review page.
public struct ReviewItemView: Sendable, Hashable, Codable {
    /// The question.
    public var questionId: String
    /// Its text.
    public var question: String
    /// `answered`, `dontKnow`, `skipped`, or `unanswered` for a question that applies and has
    /// no answer yet.
    public var state: String
    /// The answer as a person reads it; empty when unanswered.
    public var display: String
    /// Whether the answer was taken over from another session and waits for a coach to confirm it.
    public var awaitingConfirmation: Bool
    /// Where a taken-over answer comes from, as a person reads it ("overgenomen uit Maturity scan
    /// 0-meting, 2 maart 2026"); `nil` for an answer given here.
    public var takenOver: String?
    /// The note, if any.
    public var note: String?
    /// Who wrote the note.
    public var noteBy: String?
}

/// A group of answers: the questions of one file of the pack, in pack order.
public struct ReviewGroupView: Sendable, Hashable, Codable {
    /// The group's name: the pack file its questions are in, without extension.
    public var name: String
    /// Its answers.
    public var items: [ReviewItemView]
}

/// Every answer of a session before the verdict.
public struct ReviewView: Sendable, Hashable, Codable {
    /// The session.
    public var sessionId: String
    /// Whether no question that matters is left open.
    public var complete: Bool
    /// The groups, in pack order.
    public var groups: [ReviewGroupView]
}

extension SessionService {
    /// The review of a session: every question with an answer and every question that applies
    /// and has none, in pack order, grouped by the pack file the questions are in (as the
    /// terminal's review screen groups them); questions that do not apply are left out.
    ///
    /// - Parameters:
    ///   - id: The session.
    ///   - access: A coach of its organisation, or its resume token.
    ///   - language: `nl` or `en`; `nil` for the session's language.
    /// - Returns: The review.
    public func review(id: String, access: Access, language: String? = nil) async throws(ServiceError) -> ReviewView {
        let record = try await authorizedRecord(id: id, access: access)
        let pack = try packs.pack(id: record.packID)
        let document = adapted(record.document, to: pack)
        let language = language.flatMap { ["nl", "en"].contains($0) ? $0 : nil } ?? document.language
        let state = interviewState(document, pack: pack)
        let formatter = ValueFormatter(language: language)
        var groups: [ReviewGroupView] = []
        for result in state.evaluation.questions {
            let answer = document.answers[result.question.id]
            guard result.relevance != .irrelevant, answer != nil || result.relevance == .relevant else { continue }
            let word: String =
                switch answer?.state {
                case .given?: "answered"
                case .unknown?: "dontKnow"
                case .skipped?: "skipped"
                case nil: "unanswered"
                }
            let item = ReviewItemView(
                questionId: result.question.id,
                question: result.question.text.text(in: language),
                state: word,
                display: answer.map { formatter.format($0.state, for: result.question) } ?? "",
                awaitingConfirmation: answer?.awaitsConfirmation ?? false,
                takenOver: answer?.origin.map { Self.originText($0, language: language) },
                note: answer?.note,
                noteBy: answer?.noteAuthor
            )
            let name = URL(fileURLWithPath: result.question.location.file).deletingPathExtension().lastPathComponent
            if groups.last?.name == name {
                groups[groups.count - 1].items.append(item)
            } else {
                groups.append(ReviewGroupView(name: name, items: [item]))
            }
        }
        return ReviewView(sessionId: record.id, complete: state.isComplete, groups: groups)
    }

    /// Where a taken-over answer comes from, as a person reads it: "overgenomen uit Maturity
    /// scan 0-meting, 2 maart 2026" (or in English "taken over from …").
    static func originText(_ origin: AnswerOrigin, language: String) -> String {
        var text = (language == "en" ? "taken over from " : "overgenomen uit ") + origin.sourceName
        if let at = origin.answeredAt { text += ", " + PageDates.day(String(at.ISO8601Format().prefix(10)), language: language) }
        return text
    }
}
