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
        var writer = StateJSONWriter()
        writer.bytes.reserveCapacity(2048 + 256 * answers.count)
        writer.state(self)
        return writer.bytes
    }
}

/// Writes the session state and its views, each field as its synthesized `Codable` form writes
/// it (`encodeIfPresent` for optional fields), strings escaped by `JSONString`.
private struct StateJSONWriter {
    var bytes: [UInt8] = []

    mutating func state(_ state: SessionState) {
        open()
        key("session", first: true)
        summary(state.session)
        key("pack")
        pack(state.pack)
        key("complete")
        bool(state.complete)
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
        int(state.setAsideCount)
        key("overallVerdict")
        string(state.overallVerdict)
        if let verifications = state.verifications {
            key("verifications")
            array(verifications) { $0.verification($1) }
        }
        close()
    }

    mutating func summary(_ summary: SessionSummary) {
        open()
        key("id", first: true)
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
        int(summary.revision)
        key("answerCount")
        int(summary.answerCount)
        key("createdAt")
        JSONTime.appendQuoted(summary.createdAt, to: &bytes)
        key("updatedAt")
        JSONTime.appendQuoted(summary.updatedAt, to: &bytes)
        close()
    }

    mutating func pack(_ pack: PackSummary) {
        open()
        key("id", first: true)
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
        int(pack.questionCount)
        close()
    }

    mutating func progress(_ progress: ProgressView) {
        open()
        key("answered", first: true)
        int(progress.answered)
        key("stillNeeded")
        int(progress.stillNeeded)
        key("total")
        int(progress.total)
        key("fraction")
        // As the generic encoder writes a Double (a finite one; the fraction always is).
        var text = progress.fraction.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
        close()
    }

    mutating func question(_ question: QuestionView) {
        open()
        key("id", first: true)
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
            writer.open()
            writer.key("id", first: true)
            writer.string(option.id)
            writer.key("label")
            writer.string(option.label)
            writer.close()
        }
        optional("unit", question.unit)
        optional("minimum", question.minimum)
        optional("maximum", question.maximum)
        key("optional")
        bool(question.optional)
        key("allowsDontKnow")
        bool(question.allowsDontKnow)
        key("checklist")
        bool(question.checklist)
        close()
    }

    mutating func answer(_ answer: AnswerView) {
        open()
        key("questionId", first: true)
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
        JSONTime.appendQuoted(answer.answeredAt, to: &bytes)
        optional("note", answer.note)
        key("ignored")
        bool(answer.ignored)
        optional("noteBy", answer.noteBy)
        optional("takenOver", answer.takenOver)
        if let awaiting = answer.awaitingConfirmation {
            key("awaitingConfirmation")
            bool(awaiting)
        }
        close()
    }

    mutating func exact(_ value: EvaluationDocument.ExactValue) {
        switch value {
        case .string(let text): string(text)
        case .boolean(let flag): bool(flag)
        case .list(let elements): array(elements) { $0.exact($1) }
        }
    }

    mutating func override(_ override: OverrideView) {
        open()
        key("scoreId", first: true)
        string(override.scoreId)
        key("value")
        string(override.value)
        key("justification")
        string(override.justification)
        key("by")
        string(override.by)
        key("at")
        JSONTime.appendQuoted(override.at, to: &bytes)
        optional("confirmedBy", override.confirmedBy)
        if let confirmedAt = override.confirmedAt {
            key("confirmedAt")
            JSONTime.appendQuoted(confirmedAt, to: &bytes)
        }
        close()
    }

    mutating func verification(_ verification: VerificationView) {
        open()
        key("scoreId", first: true)
        string(verification.scoreId)
        key("status")
        string(verification.status)
        key("by")
        string(verification.by)
        key("at")
        JSONTime.appendQuoted(verification.at, to: &bytes)
        optional("reason", verification.reason)
        optional("computed", verification.computed)
        optional("override", verification.override)
        key("current")
        bool(verification.current)
        close()
    }

    // MARK: JSON

    mutating func open() { bytes.append(UInt8(ascii: "{")) }

    mutating func close() { bytes.append(UInt8(ascii: "}")) }

    /// A key and its colon, after a comma unless it is the object's first.
    mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func optional(_ name: StaticString, _ text: String?) {
        guard let text else { return }
        key(name)
        string(text)
    }

    mutating func string(_ text: String) { JSONString.appendQuoted(text, to: &bytes) }

    mutating func bool(_ flag: Bool) { bytes.append(contentsOf: (flag ? "true" : "false").utf8) }

    mutating func int(_ number: Int) { bytes.append(contentsOf: String(number).utf8) }

    mutating func array<Element>(_ elements: [Element], _ write: (inout Self, Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            write(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
    }
}
