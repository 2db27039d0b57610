public import Foundation
public import KoersCore
public import KoersInterview

/// Answers to take over into a new session: from a saved session or an answers file, of the
/// same pack or of another one.
public struct PrefillSource: Sendable {
    /// The answers' pack.
    public var packID: String
    /// Its title, if known.
    public var packTitle: String?
    /// The label of the session (a measurement such as `0-meting`), if any.
    public var label: String?
    /// The file, as given.
    public var file: String?
    /// The answers, by question id, with who gave them and when.
    public var answers: [String: SessionAnswer]
    /// What each question meant in the source, by question id; `nil` when the answers were
    /// already read against the target pack's own questions (an answers file of that pack),
    /// so that there is nothing to compare.
    public var fingerprints: [String: QuestionFingerprint]?

    /// Creates a source.
    ///
    /// - Parameters:
    ///   - packID: The answers' pack.
    ///   - packTitle: Its title.
    ///   - label: The session's label.
    ///   - file: The file.
    ///   - answers: The answers.
    ///   - fingerprints: The source's questions, or `nil` (see ``fingerprints``).
    public init(
        packID: String,
        packTitle: String? = nil,
        label: String? = nil,
        file: String? = nil,
        answers: [String: SessionAnswer],
        fingerprints: [String: QuestionFingerprint]?
    ) {
        self.packID = packID
        self.packTitle = packTitle
        self.label = label
        self.file = file
        self.answers = answers
        self.fingerprints = fingerprints
    }

    /// The answers of a saved session, with the fingerprints it saved.
    ///
    /// - Parameters:
    ///   - session: The session.
    ///   - file: Its file, as given.
    ///   - packTitle: Its pack's title, if known.
    public init(session: SessionFile, file: String?, packTitle: String?) {
        self.init(
            packID: session.packID,
            packTitle: packTitle,
            label: session.label,
            file: file,
            answers: session.answers,
            fingerprints: session.questions
        )
    }
}

/// What taking over answers did.
public struct PrefillReport: Sendable, Hashable {
    /// Why one answer was not taken over.
    public enum Reason: Sendable, Hashable {
        /// The question means something else in this pack: another type, value type or
        /// options (``QuestionFingerprint``); both fingerprints are given.
        case differentMeaning(source: QuestionFingerprint?, target: QuestionFingerprint)
        /// The question's pack does not accept the answer now, with why.
        case rejected(AnswerProblem)
        /// The session already has an answer to it, which is kept.
        case alreadyAnswered
    }

    /// An answer that was not taken over, and why.
    public struct Left: Sendable, Hashable {
        /// The question.
        public var id: String
        /// Why.
        public var reason: Reason
    }

    /// The questions whose answers were taken over, in pack order.
    public var takenOver: [String] = []
    /// The answers that were not taken over, with why, in pack order.
    public var notTakenOver: [Left] = []
    /// The source's answers to questions this pack does not have.
    public var notInPack: [String] = []

    /// Creates an empty report.
    public init() {}
}

extension SessionFile {
    /// Takes over the answers of another session or file that mean the same here.
    ///
    /// Taken over is every answer to a question with the same id and the same meaning
    /// (``QuestionFingerprint``) in this session's pack, which the pack accepts and which this
    /// session has not answered yet. Each is marked with its ``AnswerOrigin`` and waits for a
    /// coach to confirm or change it; its note comes along with its author. Each is recorded in
    /// the ``history``.
    ///
    /// - Parameters:
    ///   - source: The answers.
    ///   - interview: The interview over this session's pack.
    ///   - person: Who takes them over.
    ///   - time: When.
    /// - Returns: What was taken over and what was not, with why.
    @discardableResult
    public mutating func takeOver(
        from source: PrefillSource,
        interview: Interview,
        by person: String,
        at time: Date = Date()
    ) -> PrefillReport {
        var report = PrefillReport()
        let pack = interview.pack
        report.notInPack = source.answers.keys.filter { pack.question($0) == nil }.sorted()
        for question in pack.questions {
            guard let given = source.answers[question.id] else { continue }
            if answers[question.id] != nil {
                report.notTakenOver.append(.init(id: question.id, reason: .alreadyAnswered))
                continue
            }
            let target = QuestionFingerprint(question)
            if let fingerprints = source.fingerprints, fingerprints[question.id] != target {
                report.notTakenOver.append(
                    .init(id: question.id, reason: .differentMeaning(source: fingerprints[question.id], target: target))
                )
                continue
            }
            let input: AnswerInput =
                switch given.state {
                case .given(let value): .value(value)
                case .unknown: .dontKnow
                case .skipped: .skip
                }
            switch interview.answer(input, for: question, given: answerSet, on: evaluationDate) {
            case .failure(let problem):
                report.notTakenOver.append(.init(id: question.id, reason: .rejected(problem)))
            case .success(let state):
                let origin = AnswerOrigin(
                    packID: source.packID,
                    packTitle: source.packTitle,
                    label: source.label,
                    file: source.file,
                    answeredAt: given.answeredAt,
                    answeredBy: given.answeredBy
                )
                var answer = SessionAnswer(state, answeredBy: person, answeredAt: time, origin: origin)
                if let note = given.note {
                    answer.note = note
                    answer.noteBy = given.noteAuthor
                    answer.noteAt = given.noteAt ?? given.answeredAt
                }
                answers[question.id] = answer
                let from = [origin.sourceName, origin.file].compactMap { $0 }.joined(separator: ", ")
                log(.takenOver, question.id, by: person, at: time, old: nil, new: .answer(state), source: from)
                report.takenOver.append(question.id)
            }
        }
        if !report.takenOver.isEmpty { updatedAt = SessionClock.truncated(time) }
        return report
    }

    /// Confirms an answer that was taken over: the coach checked it and it stands.
    ///
    /// - Parameters:
    ///   - questionID: The question.
    ///   - person: Who confirms it.
    ///   - time: When.
    /// - Returns: Whether there was an answer waiting for confirmation.
    @discardableResult
    public mutating func confirmTakenOver(for questionID: String, by person: String, at time: Date = Date()) -> Bool {
        guard var answer = answers[questionID], var origin = answer.origin, !origin.isConfirmed else { return false }
        origin.confirmedBy = person
        origin.confirmedAt = SessionClock.truncated(time)
        answer.origin = origin
        answers[questionID] = answer
        log(.takenOverConfirmed, questionID, by: person, at: time, old: nil, new: .text(person))
        updatedAt = SessionClock.truncated(time)
        return true
    }

    /// The questions whose answers were taken over and still wait for a coach to confirm them.
    public var answersAwaitingConfirmation: Set<String> {
        Set(answers.filter { $0.value.awaitsConfirmation }.keys)
    }
}
