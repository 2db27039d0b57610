import Foundation
import KoersPresentation
import KoersSession
import KoersSource

extension SessionState {
    /// The state as compact JSON in UTF-8, written straight into bytes: the bytes the generic
    /// `CompactJSONEncoder` writes for it (each object's keys in the order the types declare
    /// them, fields without a value left out), without the `Encoder` machinery.
    ///
    /// Every answer is answered with the state; writing it through `Codable` was about a
    /// twentieth of an answer's time (bench-web profile).
    ///
    /// - Returns: The JSON text's bytes.
    func compactJSON() -> [UInt8] {
        var writer = JSONWriter(capacity: 2048 + 256 * answers.count)
        writer.state(self)
        return writer.bytes
    }
}

/// The session state and its views, each field as its synthesized `Codable` form writes it
/// (`encodeIfPresent` for optional fields).
extension JSONWriter {
    fileprivate mutating func state(_ state: SessionState) {
        beginObject()
        key("session")
        summary(state.session)
        key("pack")
        pack(state.pack)
        key("complete")
        boolean(state.complete)
        key("progress")
        progress(state.progress)
        if let next = state.nextQuestion {
            key("nextQuestion")
            question(next)
        }
        key("openQuestionIds")
        array(state.openQuestionIds) { $0.string($1) }
        key("answers")
        array(state.answers) { $0.answer($1) }
        key("overrides")
        array(state.overrides) { $0.override($1) }
        key("setAsideCount")
        integer(state.setAsideCount)
        key("overallVerdict")
        string(state.overallVerdict)
        if let verifications = state.verifications {
            key("verifications")
            array(verifications) { $0.verification($1) }
        }
        endObject()
    }

    fileprivate mutating func summary(_ summary: SessionSummary) {
        beginObject()
        key("id")
        string(summary.id)
        optional("organisationId", summary.organisationId)
        key("label")
        string(summary.label)
        key("packId")
        string(summary.packId)
        key("packVersion")
        string(summary.packVersion)
        key("evaluationDate")
        string(summary.evaluationDate)
        key("language")
        string(summary.language)
        key("revision")
        integer(summary.revision)
        key("answerCount")
        integer(summary.answerCount)
        key("createdAt")
        time(summary.createdAt)
        key("updatedAt")
        time(summary.updatedAt)
        endObject()
    }

    fileprivate mutating func pack(_ pack: PackSummary) {
        beginObject()
        key("id")
        string(pack.id)
        key("version")
        string(pack.version)
        key("title")
        string(pack.title)
        optional("description", pack.description)
        key("languages")
        array(pack.languages) { $0.string($1) }
        optional("validFrom", pack.validFrom)
        optional("validUntil", pack.validUntil)
        key("questionCount")
        integer(pack.questionCount)
        endObject()
    }

    fileprivate mutating func progress(_ progress: ProgressView) {
        beginObject()
        key("answered")
        integer(progress.answered)
        key("stillNeeded")
        integer(progress.stillNeeded)
        key("total")
        integer(progress.total)
        key("fraction")
        fraction(progress.fraction)
        endObject()
    }

    fileprivate mutating func question(_ question: QuestionView) {
        beginObject()
        key("id")
        string(question.id)
        key("type")
        string(question.type)
        key("valueType")
        string(question.valueType)
        key("text")
        string(question.text)
        optional("help", question.help)
        key("options")
        array(question.options) { writer, option in
            writer.beginObject()
            writer.key("id")
            writer.string(option.id)
            writer.key("label")
            writer.string(option.label)
            writer.endObject()
        }
        optional("unit", question.unit)
        optional("minimum", question.minimum)
        optional("maximum", question.maximum)
        key("optional")
        boolean(question.optional)
        key("allowsDontKnow")
        boolean(question.allowsDontKnow)
        key("checklist")
        boolean(question.checklist)
        endObject()
    }

    fileprivate mutating func answer(_ answer: AnswerView) {
        beginObject()
        key("questionId")
        string(answer.questionId)
        key("question")
        string(answer.question)
        key("state")
        string(answer.state)
        if let value = answer.value {
            key("value")
            exact(value)
        }
        key("display")
        string(answer.display)
        key("answeredBy")
        string(answer.answeredBy)
        key("answeredAt")
        time(answer.answeredAt)
        optional("note", answer.note)
        key("ignored")
        boolean(answer.ignored)
        optional("noteBy", answer.noteBy)
        optional("takenOver", answer.takenOver)
        if let awaiting = answer.awaitingConfirmation {
            key("awaitingConfirmation")
            boolean(awaiting)
        }
        endObject()
    }

    fileprivate mutating func exact(_ value: EvaluationDocument.ExactValue) {
        switch value {
        case .string(let text): string(text)
        case .boolean(let flag): boolean(flag)
        case .list(let elements): array(elements) { $0.exact($1) }
        }
    }

    fileprivate mutating func override(_ override: OverrideView) {
        beginObject()
        key("scoreId")
        string(override.scoreId)
        key("value")
        string(override.value)
        key("justification")
        string(override.justification)
        key("by")
        string(override.by)
        key("at")
        time(override.at)
        optional("confirmedBy", override.confirmedBy)
        if let confirmedAt = override.confirmedAt {
            key("confirmedAt")
            time(confirmedAt)
        }
        endObject()
    }

    fileprivate mutating func verification(_ verification: VerificationView) {
        beginObject()
        key("scoreId")
        string(verification.scoreId)
        key("status")
        string(verification.status)
        key("by")
        string(verification.by)
        key("at")
        time(verification.at)
        optional("reason", verification.reason)
        optional("computed", verification.computed)
        optional("override", verification.override)
        key("current")
        boolean(verification.current)
        endObject()
    }

    // MARK: Fields

    /// A fraction as the generic encoder writes a `Double` (a finite one; a fraction of
    /// questions answered always is): `0.25`, `1`.
    fileprivate mutating func fraction(_ value: Double) {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        appendValue { bytes in bytes.append(contentsOf: text.utf8) }
    }
}
