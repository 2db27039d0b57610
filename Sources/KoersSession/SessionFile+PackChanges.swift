public import Foundation
import KoersCore
public import KoersInterview

extension SessionFile {
    /// Brings the session in line with the pack as it is now, and says what changed.
    ///
    /// Compares the question fingerprints saved with the session to the pack's questions
    /// (removed questions, changed types, removed options) and checks every answer with
    /// `Interview.recheck(_:for:)`. An answer that no longer fits (its question is gone, its
    /// type changed, a chosen option was removed, or "I don't know"/skipped is no longer allowed)
    /// moves from ``answers`` to ``setAside`` with the reason: it is kept, never dropped. The
    /// fingerprints and the pack version are then updated to the pack's.
    ///
    /// - Parameters:
    ///   - interview: The interview over the pack as it is now.
    ///   - time: When, for the set-aside answers.
    /// - Returns: What changed; ``PackChangeReport/isEmpty`` when nothing did.
    public mutating func adapt(to interview: Interview, at time: Date = Date()) -> PackChangeReport {
        let pack = interview.pack
        let newVersion = pack.manifest.version.description
        let current = Self.fingerprints(of: pack)
        var removed: Set<String> = []
        var typeChanges: [PackChangeReport.TypeChange] = []
        var removedOptions: [PackChangeReport.RemovedOptions] = []
        for (id, old) in questions.sorted(by: { $0.key < $1.key }) {
            guard let new = current[id] else {
                removed.insert(id)
                continue
            }
            if old.typeID != new.typeID || old.valueType != new.valueType {
                typeChanges.append(PackChangeReport.TypeChange(questionID: id, old: old, new: new))
            }
            let gone = old.options.filter { !new.options.contains($0) }
            if !gone.isEmpty { removedOptions.append(PackChangeReport.RemovedOptions(questionID: id, optionIDs: gone)) }
        }
        for id in answers.keys where current[id] == nil { removed.insert(id) }

        var setAsideNow: [SetAsideAnswer] = []
        for (id, answer) in answers.sorted(by: { $0.key < $1.key }) {
            guard let reason = Self.misfit(answer.state, for: pack.question(id), in: interview) else { continue }
            let entry = SetAsideAnswer(
                questionID: id,
                answer: answer,
                packVersion: packVersion,
                reason: Dictionary(
                    reason.translations.map { ($0.language, $0.text) },
                    uniquingKeysWith: { first, _ in first }
                ),
                setAsideAt: time
            )
            setAsideNow.append(entry)
            answers.removeValue(forKey: id)
        }
        let report = PackChangeReport(
            oldVersion: packVersion,
            newVersion: newVersion,
            removedQuestions: removed.sorted(),
            typeChanges: typeChanges,
            removedOptions: removedOptions,
            setAside: setAsideNow
        )
        setAside.append(contentsOf: setAsideNow)
        if !report.isEmpty || questions != current {
            updatedAt = SessionClock.truncated(time)
        }
        questions = current
        packVersion = newVersion
        return report
    }

    /// Why an answer no longer fits its question, or `nil` when it does.
    private static func misfit(_ state: AnswerState, for question: Question?, in interview: Interview) -> LocalizedText?
    {
        guard let question else {
            return LocalizedText([
                ("nl", "Deze vraag bestaat niet meer in het pack."),
                ("en", "This question no longer exists in the pack."),
            ])
        }
        switch state {
        case .given(let value):
            return interview.recheck(value, for: question)?.message
        case .unknown where !question.allowsUnknown:
            return LocalizedText([
                ("nl", "Bij deze vraag is 'weet ik niet' niet meer mogelijk."),
                ("en", "This question no longer allows 'don't know'."),
            ])
        case .skipped where !question.isOptional:
            return LocalizedText([
                ("nl", "Deze vraag is nu verplicht en kan niet meer worden overgeslagen."),
                ("en", "This question is now required and can no longer be skipped."),
            ])
        case .unknown, .skipped:
            return nil
        }
    }
}
