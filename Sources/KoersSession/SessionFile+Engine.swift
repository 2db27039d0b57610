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

    /// Records an answer, replacing an earlier one to the same question.
    ///
    /// A note given here replaces the question's note; without one, an earlier note is kept.
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
        let kept = note ?? answers[questionID]?.note
        answers[questionID] = SessionAnswer(state, answeredBy: person, answeredAt: time, note: kept)
        updatedAt = SessionClock.truncated(time)
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

    /// Removes an answer (its note goes with it).
    ///
    /// - Parameters:
    ///   - questionID: The question.
    ///   - time: When.
    public mutating func removeAnswer(for questionID: String, at time: Date = Date()) {
        guard answers.removeValue(forKey: questionID) != nil else { return }
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
        updatedAt = SessionClock.truncated(time)
        return existing
    }

    /// Removes the override of a score, with its confirmation; the computed value counts again.
    ///
    /// - Parameters:
    ///   - scoreID: The score.
    ///   - time: When.
    /// - Returns: The override that was removed.
    /// - Throws: ``ScoreOverrideError/noOverride(scoreID:)`` when the score has none.
    @discardableResult
    public mutating func removeOverride(
        for scoreID: String,
        at time: Date = Date()
    ) throws(ScoreOverrideError) -> SessionOverride {
        guard let removed = scoreOverrides.removeValue(forKey: scoreID) else { throw .noOverride(scoreID: scoreID) }
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
