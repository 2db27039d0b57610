public import Foundation
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
        var writer = SessionJSONWriter()
        writer.bytes.reserveCapacity(4096 + 96 * (answers.count + questions.count) + 160 * history.count)
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
        var writer = SessionJSONWriter()
        writer.sortedContent(self)
        return writer.bytes
    }
}

/// Writes the parts of a session document as compact JSON, each field as the part's `Codable`
/// form writes it (`encode(to:)`), with the strings escaped by `JSONString`.
struct SessionJSONWriter {
    /// The bytes written so far.
    var bytes: [UInt8] = []

    // MARK: The document and its parts

    mutating func session(_ session: SessionFile) {
        open()
        field("format", first: true)
        string(session.format)
        field("pack_id")
        string(session.packID)
        field("pack_version")
        string(session.packVersion)
        field("evaluation_date")
        string(session.evaluationDate.description)
        field("language")
        string(session.language)
        field("created_at")
        date(session.createdAt)
        field("updated_at")
        date(session.updatedAt)
        field("answers")
        dictionary(session.answers) { writer, answer in writer.answer(answer) }
        field("score_overrides")
        dictionary(session.scoreOverrides) { writer, override in writer.override(override) }
        field("questions")
        questions(session.questions)
        field("set_aside")
        array(session.setAside) { writer, setAside in writer.setAside(setAside) }
        if let label = session.label {
            field("label")
            string(label)
        }
        if !session.history.isEmpty {
            field("history")
            array(session.history) { writer, change in writer.change(change) }
        }
        if !session.scoreVerifications.isEmpty {
            field("score_verifications")
            dictionary(session.scoreVerifications) { writer, verification in writer.verification(verification) }
        }
        close()
    }

    /// A ``SessionAnswer``: its state, then who and when, the note and the origin.
    mutating func answer(_ answer: SessionAnswer) {
        open()
        stateFields(answer.state)
        field("answered_by")
        string(answer.answeredBy)
        field("answered_at")
        date(answer.answeredAt)
        if let note = answer.note {
            field("note")
            string(note)
            if let noteBy = answer.noteBy {
                field("note_by")
                string(noteBy)
            }
            if let noteAt = answer.noteAt {
                field("note_at")
                date(noteAt)
            }
        }
        if let origin = answer.origin {
            field("taken_over")
            self.origin(origin)
        }
        close()
    }

    /// `state`, `type` and `value` of an answer, the first fields of its object.
    mutating func stateFields(_ state: AnswerState) {
        field("state", first: true)
        switch state {
        case .given(let value):
            string("answered")
            field("type")
            string(SessionValueCoding.name(of: value.type))
            field("value")
            stored(SessionValueCoding.encode(value))
        case .unknown:
            string("unknown")
        case .skipped:
            string("skipped")
        }
    }

    mutating func stored(_ json: StoredAnswerJSON) {
        switch json {
        case .boolean(let flag): literal(flag ? "true" : "false")
        case .string(let text): string(text)
        case .array(let elements): array(elements) { writer, element in writer.stored(element) }
        }
    }

    /// An ``AnswerOrigin``, its fields in declaration order, those without a value left out.
    mutating func origin(_ origin: AnswerOrigin) {
        open()
        field("pack_id", first: true)
        string(origin.packID)
        optional("pack_title", origin.packTitle)
        optional("label", origin.label)
        optional("file", origin.file)
        optional("answered_at", origin.answeredAt)
        optional("answered_by", origin.answeredBy)
        optional("confirmed_by", origin.confirmedBy)
        optional("confirmed_at", origin.confirmedAt)
        close()
    }

    mutating func override(_ override: SessionOverride) {
        open()
        field("value", first: true)
        string(SessionValueCoding.decimalString(ExactNumber(override.value), minimumFractionDigits: 0))
        field("justification")
        string(override.justification)
        field("by")
        string(override.by)
        field("at")
        date(override.at)
        optional("confirmed_by", override.confirmedBy)
        optional("confirmed_at", override.confirmedAt)
        close()
    }

    /// The `questions` object: the same for every session of a pack version, so the last few
    /// written are kept and copied when a session's fingerprints equal theirs (comparing costs
    /// a fraction of writing and sorting them again on every answer).
    mutating func questions(_ questions: [String: QuestionFingerprint]) {
        let known = Self.writtenQuestions.withLock { written in
            written.first { $0.questions == questions }?.bytes
        }
        if let known {
            bytes.append(contentsOf: known)
            return
        }
        let start = bytes.count
        dictionary(questions) { writer, fingerprint in writer.fingerprint(fingerprint) }
        let written = Array(bytes[start...])
        Self.writtenQuestions.withLock { list in
            if list.count >= Self.writtenQuestionsCapacity { list.removeFirst() }
            list.append(WrittenQuestions(questions: questions, bytes: written))
        }
    }

    /// A `questions` object as written, with the fingerprints it is of.
    private struct WrittenQuestions: Sendable {
        var questions: [String: QuestionFingerprint]
        var bytes: [UInt8]
    }

    /// The `questions` objects written last, oldest first; one per pack version in use.
    private static let writtenQuestions = Mutex<[WrittenQuestions]>([])

    /// The most `questions` objects kept.
    private static let writtenQuestionsCapacity = 8

    mutating func fingerprint(_ fingerprint: QuestionFingerprint) {
        open()
        field("type", first: true)
        string(fingerprint.typeID)
        field("value_type")
        string(fingerprint.valueType)
        if !fingerprint.options.isEmpty {
            field("options")
            array(fingerprint.options) { writer, option in writer.string(option) }
        }
        close()
    }

    mutating func setAside(_ setAside: SetAsideAnswer) {
        open()
        field("question", first: true)
        string(setAside.questionID)
        field("answer")
        answer(setAside.answer)
        field("pack_version")
        string(setAside.packVersion)
        field("reason")
        dictionary(setAside.reason) { writer, text in writer.string(text) }
        field("set_aside_at")
        date(setAside.setAsideAt)
        close()
    }

    mutating func change(_ change: SessionChange) {
        open()
        field("kind", first: true)
        string(change.kind.rawValue)
        field("id")
        string(change.id)
        field("by")
        string(change.by)
        field("at")
        date(change.at)
        if let old = change.old {
            field("old")
            content(old)
        }
        if let new = change.new {
            field("new")
            content(new)
        }
        optional("source", change.source)
        close()
    }

    mutating func content(_ content: SessionChange.Content) {
        switch content {
        case .text(let text):
            string(text)
        case .override(let value, let justification):
            open()
            field("value", first: true)
            string(SessionValueCoding.decimalString(ExactNumber(value), minimumFractionDigits: 0))
            field("justification")
            string(justification)
            close()
        case .answer(let state):
            open()
            stateFields(state)
            close()
        }
    }

    /// A change's content with its keys sorted (`state`, `type` and `value` of an answer come
    /// sorted already).
    mutating func sortedContent(_ content: SessionChange.Content) {
        switch content {
        case .override(let value, let justification):
            open()
            field("justification", first: true)
            string(justification)
            field("value")
            string(SessionValueCoding.decimalString(ExactNumber(value), minimumFractionDigits: 0))
            close()
        case .text, .answer:
            self.content(content)
        }
    }

    mutating func verification(_ verification: ScoreVerification) {
        open()
        field("status", first: true)
        string(verification.status.rawValue)
        field("by")
        string(verification.by)
        field("at")
        date(verification.at)
        optional("reason", verification.reason)
        if let computed = verification.computed {
            field("computed")
            string(SessionValueCoding.decimalString(ExactNumber(computed), minimumFractionDigits: 0))
        }
        if let override = verification.override {
            field("override")
            string(SessionValueCoding.decimalString(ExactNumber(override), minimumFractionDigits: 0))
        }
        close()
    }

    // MARK: JSON

    private mutating func open() { bytes.append(UInt8(ascii: "{")) }

    private mutating func close() { bytes.append(UInt8(ascii: "}")) }

    /// A field's key and colon, after a comma unless it is the object's first field.
    private mutating func field(_ key: StaticString, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func optional(_ key: StaticString, _ text: String?) {
        guard let text else { return }
        field(key)
        string(text)
    }

    private mutating func optional(_ key: StaticString, _ time: Date?) {
        guard let time else { return }
        field(key)
        date(time)
    }

    mutating func string(_ text: String) {
        JSONString.appendQuoted(text, to: &bytes)
    }

    private mutating func literal(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func array<Element>(_ elements: [Element], _ write: (inout Self, Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            write(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// An object of a dictionary's entries, sorted by key, so that one document is always written
    /// the same whatever the dictionary's layout.
    private mutating func dictionary<Element>(_ entries: [String: Element], _ write: (inout Self, Element) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        // The entries' places sorted by key: no key is hashed again and no value copied to sort.
        let places = entries.indices.sorted { entries[$0].key < entries[$1].key }
        for (number, place) in places.enumerated() {
            if number > 0 { bytes.append(UInt8(ascii: ",")) }
            let (key, element) = entries[place]
            string(key)
            bytes.append(UInt8(ascii: ":"))
            write(&self, element)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    // MARK: Times

    mutating func date(_ time: Date) {
        JSONTime.appendQuoted(time, to: &bytes)
    }
}
