import Foundation
import KoersExpression
import KoersInterview
import KoersSource
import Synchronization

extension SessionFile {
    /// The session as compact `koers-session/1` JSON in UTF-8: the same JSON values as its
    /// `Codable` form (``SessionStore/encode(_:path:)`` writes them pretty-printed), without
    /// spaces or line breaks, written straight into bytes.
    ///
    /// The store saves a session's document on every answer; this writes it without the generic
    /// `Encoder` machinery, which boxes every value and looks up every type on the way. Every
    /// object's fields come in a stable order: those of a record as its `Codable` form writes them,
    /// those of a dictionary (answers, questions, overrides) sorted by key. Any JSON reader, and
    /// ``SessionStore/decode(_:path:)`` in particular, reads it as the `Codable` form.
    ///
    /// ```swift
    /// let bytes = session.compactJSON()
    /// try SessionStore.decode(Data(bytes), path: "session") == session  // true
    /// ```
    ///
    /// - Returns: The JSON text's bytes.
    public func compactJSON() -> [UInt8] {
        var writer = JSONWriter(capacity: 4096 + 96 * (answers.count + questions.count) + 160 * history.count)
        writer.session(self)
        return writer.bytes
    }
}

extension SessionChange.Content {
    /// The content as compact JSON in UTF-8 with its keys sorted: the bytes `JSONEncoder` writes
    /// with `.sortedKeys` and `.withoutEscapingSlashes`, as the store keeps a change in its
    /// history table (`{"state":"answered","type":"boolean","value":true}`, a note as a string,
    /// an override as `{"justification":…,"value":…}`), written without the `Encoder` machinery.
    ///
    /// - Returns: The JSON text's bytes.
    public func compactJSON() -> [UInt8] {
        var writer = JSONWriter()
        writer.sortedContent(self)
        return writer.bytes
    }
}

/// The parts of a session document as compact JSON, each field as the part's `Codable` form
/// writes it (`encode(to:)`).
extension JSONWriter {
    // MARK: The document and its parts

    fileprivate mutating func session(_ session: SessionFile) {
        beginObject()
        key("format")
        string(session.format)
        key("pack_id")
        string(session.packID)
        key("pack_version")
        string(session.packVersion)
        key("evaluation_date")
        string(session.evaluationDate.description)
        key("language")
        string(session.language)
        key("created_at")
        time(session.createdAt)
        key("updated_at")
        time(session.updatedAt)
        key("answers")
        dictionary(session.answers) { writer, answer in writer.answer(answer) }
        key("score_overrides")
        dictionary(session.scoreOverrides) { writer, override in writer.override(override) }
        key("questions")
        questions(session.questions)
        key("set_aside")
        array(session.setAside) { writer, setAside in writer.setAside(setAside) }
        if let label = session.label {
            key("label")
            string(label)
        }
        if !session.history.isEmpty {
            key("history")
            array(session.history) { writer, change in writer.change(change) }
        }
        if !session.scoreVerifications.isEmpty {
            key("score_verifications")
            dictionary(session.scoreVerifications) { writer, verification in writer.verification(verification) }
        }
        endObject()
    }

    /// A ``SessionAnswer``: its state, then who and when, the note and the origin.
    fileprivate mutating func answer(_ answer: SessionAnswer) {
        beginObject()
        stateFields(answer.state)
        key("answered_by")
        string(answer.answeredBy)
        key("answered_at")
        time(answer.answeredAt)
        if let note = answer.note {
            key("note")
            string(note)
            if let noteBy = answer.noteBy {
                key("note_by")
                string(noteBy)
            }
            if let noteAt = answer.noteAt {
                key("note_at")
                time(noteAt)
            }
        }
        if let origin = answer.origin {
            key("taken_over")
            self.origin(origin)
        }
        endObject()
    }

    /// `state`, `type` and `value` of an answer, the first fields of its object.
    fileprivate mutating func stateFields(_ state: AnswerState) {
        key("state")
        switch state {
        case .given(let value):
            string("answered")
            key("type")
            string(SessionValueCoding.name(of: value.type))
            key("value")
            stored(SessionValueCoding.encode(value))
        case .unknown:
            string("unknown")
        case .skipped:
            string("skipped")
        }
    }

    fileprivate mutating func stored(_ json: StoredAnswerJSON) {
        switch json {
        case .boolean(let flag): boolean(flag)
        case .string(let text): string(text)
        case .array(let elements): array(elements) { writer, element in writer.stored(element) }
        }
    }

    /// An ``AnswerOrigin``, its fields in declaration order, those without a value left out.
    fileprivate mutating func origin(_ origin: AnswerOrigin) {
        beginObject()
        key("pack_id")
        string(origin.packID)
        optional("pack_title", origin.packTitle)
        optional("label", origin.label)
        optional("file", origin.file)
        optional("answered_at", origin.answeredAt)
        optional("answered_by", origin.answeredBy)
        optional("confirmed_by", origin.confirmedBy)
        optional("confirmed_at", origin.confirmedAt)
        endObject()
    }

    fileprivate mutating func override(_ override: SessionOverride) {
        beginObject()
        key("value")
        string(SessionValueCoding.decimalString(ExactNumber(override.value), minimumFractionDigits: 0))
        key("justification")
        string(override.justification)
        key("by")
        string(override.by)
        key("at")
        time(override.at)
        optional("confirmed_by", override.confirmedBy)
        optional("confirmed_at", override.confirmedAt)
        endObject()
    }

    /// The `questions` object: the same for every session of a pack version, so the last few
    /// written are kept and copied when a session's fingerprints equal theirs (comparing costs
    /// a fraction of writing and sorting them again on every answer).
    fileprivate mutating func questions(_ questions: [String: QuestionFingerprint]) {
        if let known = WrittenQuestions.bytes(of: questions) {
            appendValue { bytes in bytes.append(contentsOf: known) }
            return
        }
        let start = bytes.count
        dictionary(questions) { writer, fingerprint in writer.fingerprint(fingerprint) }
        WrittenQuestions.keep(Array(bytes[start...]), of: questions)
    }

    fileprivate mutating func fingerprint(_ fingerprint: QuestionFingerprint) {
        beginObject()
        key("type")
        string(fingerprint.typeID)
        key("value_type")
        string(fingerprint.valueType)
        if !fingerprint.options.isEmpty {
            key("options")
            array(fingerprint.options) { writer, option in writer.string(option) }
        }
        endObject()
    }

    fileprivate mutating func setAside(_ setAside: SetAsideAnswer) {
        beginObject()
        key("question")
        string(setAside.questionID)
        key("answer")
        answer(setAside.answer)
        key("pack_version")
        string(setAside.packVersion)
        key("reason")
        dictionary(setAside.reason) { writer, text in writer.string(text) }
        key("set_aside_at")
        time(setAside.setAsideAt)
        endObject()
    }

    fileprivate mutating func change(_ change: SessionChange) {
        beginObject()
        key("kind")
        string(change.kind.rawValue)
        key("id")
        string(change.id)
        key("by")
        string(change.by)
        key("at")
        time(change.at)
        if let old = change.old {
            key("old")
            content(old)
        }
        if let new = change.new {
            key("new")
            content(new)
        }
        optional("source", change.source)
        endObject()
    }

    fileprivate mutating func content(_ content: SessionChange.Content) {
        switch content {
        case .text(let text):
            string(text)
        case .override(let value, let justification):
            beginObject()
            key("value")
            string(SessionValueCoding.decimalString(ExactNumber(value), minimumFractionDigits: 0))
            key("justification")
            string(justification)
            endObject()
        case .answer(let state):
            beginObject()
            stateFields(state)
            endObject()
        }
    }

    /// A change's content with its keys sorted (`state`, `type` and `value` of an answer come
    /// sorted already).
    fileprivate mutating func sortedContent(_ content: SessionChange.Content) {
        switch content {
        case .override(let value, let justification):
            beginObject()
            key("justification")
            string(justification)
            key("value")
            string(SessionValueCoding.decimalString(ExactNumber(value), minimumFractionDigits: 0))
            endObject()
        case .text, .answer:
            self.content(content)
        }
    }

    fileprivate mutating func verification(_ verification: ScoreVerification) {
        beginObject()
        key("status")
        string(verification.status.rawValue)
        key("by")
        string(verification.by)
        key("at")
        time(verification.at)
        optional("reason", verification.reason)
        if let computed = verification.computed {
            key("computed")
            string(SessionValueCoding.decimalString(ExactNumber(computed), minimumFractionDigits: 0))
        }
        if let override = verification.override {
            key("override")
            string(SessionValueCoding.decimalString(ExactNumber(override), minimumFractionDigits: 0))
        }
        endObject()
    }

    // MARK: JSON

    /// A field with a time, left out without one.
    fileprivate mutating func optional(_ key: StaticString, _ date: Date?) {
        guard let date else { return }
        self.key(key)
        time(date)
    }

    /// An object of a dictionary's entries, sorted by key, so that one document is always written
    /// the same whatever the dictionary's layout.
    fileprivate mutating func dictionary<Element>(
        _ entries: [String: Element],
        _ write: (inout JSONWriter, Element) -> Void
    ) {
        beginObject()
        // The entries' places sorted by key: no key is hashed again and no value copied to sort.
        let places = entries.indices.sorted { entries[$0].key < entries[$1].key }
        for place in places {
            let (key, element) = entries[place]
            self.key(quoting: key)
            write(&self, element)
        }
        endObject()
    }
}

/// The `questions` objects written last, each with the fingerprints it is of: one per pack version
/// in use, so that a session's document copies its pack version's object instead of writing it.
private enum WrittenQuestions {
    /// A `questions` object as written, with the fingerprints it is of.
    private struct Entry: Sendable {
        var questions: [String: QuestionFingerprint]
        var bytes: [UInt8]
    }

    /// The objects kept, oldest first.
    private static let entries = Mutex<[Entry]>([])

    /// The most objects kept.
    private static let capacity = 8

    /// The bytes written for the fingerprints, if they are kept.
    static func bytes(of questions: [String: QuestionFingerprint]) -> [UInt8]? {
        entries.withLock { entries in entries.first { $0.questions == questions }?.bytes }
    }

    /// Keeps the bytes written for the fingerprints, dropping the oldest kept if there are many.
    static func keep(_ bytes: [UInt8], of questions: [String: QuestionFingerprint]) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeFirst() }
            entries.append(Entry(questions: questions, bytes: bytes))
        }
    }
}
