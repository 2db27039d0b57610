public import Foundation
public import KoersCore
public import KoersInterview

extension SessionFile {
    /// The answers as the engine takes them.
    public var answerSet: AnswerSet {
        AnswerSet(answers.mapValues(\.state))
    }

    /// The score overrides as the engine takes them.
    public var engineOverrides: [String: ScoreOverride] {
        scoreOverrides.mapValues(\.scoreOverride)
    }

    /// Records an answer, replacing an earlier one to the same question, and keeps the change
    /// in the ``history``.
    ///
    /// An answer that is the same as before keeps who gave it and when (and, for an answer that
    /// was taken over, its origin); another answer drops the origin. A note given here replaces
    /// the question's note and is written by `person`; without one, an earlier note is kept with
    /// its own author.
    ///
    /// - Parameters:
    ///   - state: What was said.
    ///   - questionID: The question.
    ///   - person: Who gave it.
    ///   - time: When.
    ///   - note: A note, if any.
    public mutating func record(
        _ state: AnswerState,
        for questionID: String,
        by person: String,
        at time: Date = Date(),
        note: String? = nil
    ) {
        let previous = answers[questionID]
        var answer: SessionAnswer
        if let previous, previous.state == state {
            answer = previous
        } else {
            answer = SessionAnswer(state, answeredBy: person, answeredAt: time)
            answer.note = previous?.note
            answer.noteBy = previous?.noteAuthor
            answer.noteAt = previous?.noteAt
            log(.answer, questionID, by: person, at: time, old: previous.map { .answer($0.state) }, new: .answer(state))
        }
        answers[questionID] = answer
        if let note { setNote(note, for: questionID, by: person, at: time) }
        updatedAt = SessionClock.truncated(time)
    }

    /// Writes, replaces or (with `nil` or an empty text) removes the note on an answered
    /// question, as written by `person`, and keeps the change in the ``history``.
    ///
    /// - Parameters:
    ///   - note: The note.
    ///   - questionID: The question; a question without an answer keeps no note.
    ///   - person: Who wrote it.
    ///   - time: When.
    public mutating func setNote(_ note: String?, for questionID: String, by person: String, at time: Date = Date()) {
        guard var answer = answers[questionID] else { return }
        let text = note.flatMap { $0.isEmpty ? nil : $0 }
        guard text != answer.note else { return }
        log(.note, questionID, by: person, at: time, old: answer.note.map { .text($0) }, new: text.map { .text($0) })
        answer.note = text
        answer.noteBy = text == nil ? nil : person
        answer.noteAt = text == nil ? nil : SessionClock.truncated(time)
        answers[questionID] = answer
        updatedAt = SessionClock.truncated(time)
    }

    /// Appends one change to the ``history``.
    mutating func log(
        _ kind: SessionChange.Kind,
        _ id: String,
        by person: String,
        at time: Date,
        old: SessionChange.Content?,
        new: SessionChange.Content?,
        source: String? = nil
    ) {
        history.append(SessionChange(kind: kind, id: id, by: person, at: time, old: old, new: new, source: source))
    }

    /// Records every answer of an answer set, as given by one person at one time.
    ///
    /// - Parameters:
    ///   - answerSet: The answers.
    ///   - person: Who gave them.
    ///   - time: When.
    public mutating func record(_ answerSet: AnswerSet, by person: String, at time: Date = Date()) {
        for (questionID, state) in answerSet {
            record(state, for: questionID, by: person, at: time)
        }
    }

    /// Removes an answer (its note goes with it), and keeps the change in the ``history``.
    ///
    /// - Parameters:
    ///   - questionID: The question.
    ///   - person: Who removes it (`unknown` when not given).
    ///   - time: When.
    public mutating func removeAnswer(for questionID: String, by person: String? = nil, at time: Date = Date()) {
        guard let removed = answers.removeValue(forKey: questionID) else { return }
        let who = person ?? "unknown"
        log(.answer, questionID, by: who, at: time, old: .answer(removed.state), new: nil)
        if let note = removed.note { log(.note, questionID, by: who, at: time, old: .text(note), new: nil) }
        updatedAt = SessionClock.truncated(time)
    }

    /// Sets or replaces a coach's override of a score.
    ///
    /// Replacing an override with another value clears its confirmation, as does replacing it
    /// as the person who confirmed it; with the same value, by someone else, the confirmation
    /// stays.
    ///
    /// - Parameters:
    ///   - override: The value and the justification.
    ///   - scoreID: The score.
    ///   - person: Who set it.
    ///   - time: When.
    public mutating func setOverride(
        _ override: ScoreOverride,
        for scoreID: String,
        by person: String,
        at time: Date = Date()
    ) {
        let old = scoreOverrides[scoreID].map {
            SessionChange.Content.override(value: $0.value, justification: $0.justification)
        }
        let new = SessionChange.Content.override(value: override.value, justification: override.justification)
        if old != new { log(.override, scoreID, by: person, at: time, old: old, new: new) }
        if var existing = scoreOverrides[scoreID] {
            existing.value = override.value
            existing.justification = override.justification
            existing.by = person
            existing.at = SessionClock.truncated(time)
            scoreOverrides[scoreID] = existing
        } else {
            scoreOverrides[scoreID] = SessionOverride(
                value: override.value,
                justification: override.justification,
                by: person,
                at: time
            )
        }
        updatedAt = SessionClock.truncated(time)
    }

    /// Records that a second person confirmed the override of a score.
    ///
    /// - Parameters:
    ///   - scoreID: The score.
    ///   - person: Who confirms it: someone other than who set it.
    ///   - time: When.
    /// - Returns: The confirmed override.
    /// - Throws: ``ScoreOverrideError/noOverride(scoreID:)`` when the score has no override,
    ///   ``ScoreOverrideError/confirmedBySetter(scoreID:person:)`` when `person` set it, and
    ///   ``ScoreOverrideError/missingConfirmer(scoreID:)`` for an empty name. The session is
    ///   then unchanged.
    @discardableResult
    public mutating func confirmOverride(
        for scoreID: String,
        by person: String,
        at time: Date = Date()
    ) throws(ScoreOverrideError) -> SessionOverride {
        guard var existing = scoreOverrides[scoreID] else { throw .noOverride(scoreID: scoreID) }
        try existing.confirm(by: person, at: time, scoreID: scoreID)
        scoreOverrides[scoreID] = existing
        log(.overrideConfirmed, scoreID, by: existing.confirmedBy ?? person, at: time, old: nil, new: .text(person))
        updatedAt = SessionClock.truncated(time)
        return existing
    }

    /// Removes the override of a score, with its confirmation; the computed value counts again.
    ///
    /// The removal is kept in the ``history``.
    ///
    /// - Parameters:
    ///   - scoreID: The score.
    ///   - person: Who removes it (`unknown` when not given).
    ///   - time: When.
    /// - Returns: The override that was removed.
    /// - Throws: ``ScoreOverrideError/noOverride(scoreID:)`` when the score has none.
    @discardableResult
    public mutating func removeOverride(
        for scoreID: String,
        by person: String? = nil,
        at time: Date = Date()
    ) throws(ScoreOverrideError) -> SessionOverride {
        guard let removed = scoreOverrides.removeValue(forKey: scoreID) else { throw .noOverride(scoreID: scoreID) }
        log(
            .override,
            scoreID,
            by: person ?? "unknown",
            at: time,
            old: .override(value: removed.value, justification: removed.justification),
            new: nil
        )
        updatedAt = SessionClock.truncated(time)
        return removed
    }

    /// Who is answering, for `answered_by`: `$USER`, else `$LOGNAME`, else `unknown`.
    ///
    /// - Parameter environment: The environment variables.
    /// - Returns: The name.
    public static func defaultPerson(in environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        for key in ["USER", "LOGNAME"] {
            if let name = environment[key]?.trimmingCharacters(in: .whitespaces), !name.isEmpty { return name }
        }
        return "unknown"
    }
}
