import Foundation
public import KoersCore
import KoersExpression
import KoersInterview
public import KoersPresentation
import KoersSession
import KoersSource
import KoersStorage

/// What a new session is for.
public struct NewSession: Sendable, Hashable {
    /// The pack.
    public var packID: String
    /// A label such as `0-meting`; empty gives the evaluation date.
    public var label: String
    /// The date to evaluate as of, `YYYY-MM-DD`; `nil` for today.
    public var evaluationDate: String?
    /// `nl` or `en`; `nil` for `nl`.
    public var language: String?
    /// An earlier session of the same organisation to start from (a follow-up starts from its
    /// baseline); its answers are taken over, marked, to be confirmed or changed.
    public var startFrom: String?

    /// Describes a new session.
    public init(
        packID: String, label: String = "", evaluationDate: String? = nil, language: String? = nil,
        startFrom: String? = nil
    ) {
        self.packID = packID
        self.label = label
        self.evaluationDate = evaluationDate
        self.language = language
        self.startFrom = startFrom
    }
}

/// What a person says to a question.
public enum AnswerChoice: Sendable, Hashable {
    /// A value, as typed or picked (checked against the question's type and validations).
    case value(AnswerInput)
    /// "I don't know", where the question allows it.
    case dontKnow
    /// Skip an optional question.
    case skip
}

/// Interview sessions: made for an organisation by one of its coaches, or anonymously with a
/// resume token; every change loads the record, changes the `koers-session/1` document through
/// its own API and saves it with the revision read (retrying once when someone else saved in
/// between), and is durable when the call returns.
public struct SessionService: Sendable {
    let store: any KoersStore
    let packs: PackLibrary
    let organisations: OrganisationService
    let settings: ServiceSettings
    let anonymousStarts: AnonymousStartCounter
    /// One change per session at a time in this process (see ``SessionChangeQueue``).
    let changeQueue = SessionChangeQueue()
    /// The session versions this process saved, adapted to their packs (see ``AdaptedDocuments``).
    let adaptedDocuments = AdaptedDocuments()
    /// The interview runs of recently shown sessions: a state after a change evaluates only
    /// what the change touched.
    let interviewRuns = InterviewRuns()

    /// The longest note kept with an answer, in characters.
    public static let maximumNoteLength = 4000

    // MARK: Creating and reading

    /// Starts a session for an organisation.
    ///
    /// - Parameters:
    ///   - new: The pack, label, date and language.
    ///   - organisationID: The organisation.
    ///   - access: One of the organisation's coaches.
    /// - Returns: The new session's state.
    public func create(_ new: NewSession, organisationID: String, access: Access) async throws(ServiceError)
        -> SessionState
    {
        let organisation = try await organisations.authorized(id: organisationID, access: access)
        try access.requireWriter()
        var (record, pack) = try makeRecord(new, organisationID: organisation.id, resumeTokenHash: nil)
        let changes = try await prefill(&record, pack: pack, startFrom: new.startFrom, access: access)
        try await insert(record, changes: changes)
        return state(of: record, pack: pack, language: nil)
    }

    /// Starts an anonymous session, resumed with the token it returns.
    ///
    /// - Parameters:
    ///   - new: The pack, label, date and language.
    ///   - client: The client's IP address, when known: each address may start
    ///     ``AnonymousSessionPolicy/startsPerAddress`` sessions per window.
    /// - Returns: The state and the resume token (shown only this once).
    /// - Throws: ``ServiceError/tooManyRequests(_:retryAfter:)`` past the limit.
    public func createAnonymous(_ new: NewSession, from client: String? = nil) async throws(ServiceError) -> CreatedSession {
        if let wait = await anonymousStarts.admit(address: client) {
            throw .tooManyRequests(
                "too many anonymous sessions started from this address; try again in \(wait) seconds", retryAfter: wait
            )
        }
        if new.startFrom != nil {
            throw .invalid(
                "only a session of an organisation can start from another session",
                [
                    FieldProblem(
                        field: "startFrom", message: "start from another session only in an organisation",
                        dutch: "Alleen een sessie van een organisatie kan verder gaan vanaf een eerdere sessie."
                    )
                ]
            )
        }
        let token = Tokens.generate()
        let (record, pack) = try makeRecord(new, organisationID: nil, resumeTokenHash: Tokens.hash(token))
        try await insert(record)
        return CreatedSession(state: state(of: record, pack: pack, language: nil), resumeToken: token)
    }

    /// The sessions of an organisation, oldest first.
    ///
    /// - Parameters:
    ///   - organisationID: The organisation.
    ///   - access: One of its coaches.
    /// - Returns: The sessions.
    public func list(organisationID: String, access: Access) async throws(ServiceError) -> [SessionSummary] {
        let organisation = try await organisations.authorized(id: organisationID, access: access)
        do {
            return try await store.sessions(ofOrganisation: organisation.id).map(SessionSummary.init)
        } catch {
            throw ServiceError(error)
        }
    }

    /// Where a session stands.
    ///
    /// - Parameters:
    ///   - id: The session.
    ///   - access: A coach of its organisation, or its resume token.
    ///   - language: `nl` or `en`; `nil` for the session's language.
    /// - Returns: The state.
    /// - Throws: ``ServiceError/notFound(_:)`` when it does not exist or the caller may not see it.
    public func state(id: String, access: Access, language: String? = nil) async throws(ServiceError) -> SessionState {
        let record = try await authorizedRecord(id: id, access: access)
        return state(of: record, pack: try packs.pack(id: record.packID), language: language)
    }

    /// The evaluation of a session as the `koers-check/1` document.
    ///
    /// - Parameters:
    ///   - id: The session.
    ///   - access: A coach of its organisation, or its resume token.
    ///   - language: `nl` or `en`; `nil` for the session's language.
    /// - Returns: The document.
    public func result(id: String, access: Access, language: String? = nil) async throws(ServiceError)
        -> EvaluationDocument
    {
        let record = try await authorizedRecord(id: id, access: access)
        let pack = try packs.pack(id: record.packID)
        let document = adapted(record.document, to: pack)
        let state = interviewState(document, pack: pack)
        return EvaluationDocument(
            evaluation: state.evaluation,
            pack: pack.pack,
            language: try Self.language(language ?? document.language),
            openQuestionIDs: state.openQuestionIDs
        )
    }

    // MARK: Changing

    /// Answers a question (or changes the answer), checked by the question's type and
    /// validations, with an optional note.
    ///
    /// - Parameters:
    ///   - questionID: The question.
    ///   - sessionID: The session.
    ///   - choice: A value, "don't know" or skip.
    ///   - note: A note; `nil` keeps an earlier note.
    ///   - access: A coach of its organisation, or its resume token.
    ///   - revisions: The revisions the caller read (`If-Match`); the answer is saved only when
    ///     the session is still at one of them. `nil` saves over any revision.
    /// - Returns: The new state.
    /// - Throws: ``ServiceError/notFound(_:)`` for an unknown question, ``ServiceError/invalid(_:_:)``
    ///   with the pack's message when the answer is not accepted,
    ///   ``ServiceError/preconditionFailed(_:)`` when the session is at another revision than
    ///   `revisions`; nothing is saved then.
    public func answer(
        _ questionID: String,
        in sessionID: String,
        with choice: AnswerChoice,
        note: String? = nil,
        access: Access,
        ifRevision revisions: Set<Int>? = nil
    ) async throws(ServiceError) -> SessionState {
        let person = Self.person(access)
        if let note, note.unicodeScalars.count > Self.maximumNoteLength {
            throw .invalid(
                "the note is too long",
                [
                    FieldProblem(
                        field: "note", message: "a note may have at most \(Self.maximumNoteLength) characters",
                        dutch: "Een notitie heeft hoogstens \(Self.maximumNoteLength) tekens."
                    )
                ]
            )
        }
        let trimmedNote = note.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return try await change(sessionID, access: access, ifRevision: revisions) { (document: inout SessionFile, pack: LoadedPack) throws(ServiceError) in
            let question = try Self.question(questionID, in: pack)
            let language = document.language
            let (input, field): (AnswerInput, String) =
                switch choice {
                case .dontKnow: (.dontKnow, "dontKnow")
                case .skip: (.skip, "skip")
                case .value(let input): (input, "value")
                }
            var others = document.answerSet
            others[question.id] = nil
            let state: AnswerState
            switch pack.interview.answer(input, for: question, given: others, on: document.evaluationDate) {
            case .success(let accepted): state = accepted
            case .failure(let problem): throw Self.rejected(problem, field: field, language: language)
            }
            let kept: String? = trimmedNote.flatMap { $0.isEmpty ? nil : $0 }
            document.record(state, for: question.id, by: person, at: settings.now(), note: kept)
            // The same answer given again to one taken over confirms it (another one replaced it
            // and dropped its origin already).
            document.confirmTakenOver(for: question.id, by: person, at: settings.now())
            if trimmedNote?.isEmpty == true { document.answers[question.id]?.note = nil }
        }
    }

    /// Removes the answer to a question.
    ///
    /// - Parameters:
    ///   - questionID: The question.
    ///   - sessionID: The session.
    ///   - access: A coach of its organisation, or its resume token.
    ///   - revisions: The revisions the caller read (`If-Match`), as for ``answer(_:in:with:note:access:ifRevision:)``.
    /// - Returns: The new state.
    /// - Throws: ``ServiceError/notFound(_:)`` when the question has no answer, without saving
    ///   (so the revision stays and nobody else gets a needless conflict), as for an override;
    ///   ``ServiceError/preconditionFailed(_:)`` when the session is at another revision.
    public func removeAnswer(
        _ questionID: String, in sessionID: String, access: Access, ifRevision revisions: Set<Int>? = nil
    ) async throws(ServiceError) -> SessionState {
        try await change(sessionID, access: access, ifRevision: revisions) { (document: inout SessionFile, pack: LoadedPack) throws(ServiceError) in
            let question = try Self.question(questionID, in: pack)
            guard document.answers[question.id] != nil else {
                throw .notFound("question '\(question.id)' has no answer to remove")
            }
            document.removeAnswer(for: question.id, by: Self.person(access), at: settings.now())
        }
    }

    /// Overrides a computed score with a coach's value and justification.
    ///
    /// - Parameters:
    ///   - scoreID: The score.
    ///   - sessionID: The session (of an organisation).
    ///   - value: The value, a decimal such as `4` or `3.5`, within the score's range.
    ///   - justification: Why, not empty.
    ///   - access: A coach of the organisation.
    /// - Returns: The new state.
    public func setOverride(
        _ scoreID: String,
        in sessionID: String,
        value: String,
        justification: String,
        access: Access
    ) async throws(ServiceError) -> SessionState {
        let coach = try OrganisationService.requireCoach(access)
        let reason = justification.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await change(sessionID, access: access) { (document: inout SessionFile, pack: LoadedPack) throws(ServiceError) in
            let score = try Self.score(scoreID, in: pack)
            var problems: [FieldProblem] = []
            let number = Self.decimal(value)
            if !(number.map { $0 >= score.minimum && $0 <= score.maximum } ?? false) {
                problems.append(
                    FieldProblem(
                        field: "value",
                        message: "give a number from \(score.minimum) to \(score.maximum), such as \(score.maximum)",
                        dutch: "Geef een getal van \(Self.dutchNumber(score.minimum)) tot en met \(Self.dutchNumber(score.maximum)), "
                            + "zoals \(Self.dutchNumber(score.maximum))."
                    )
                )
            }
            if reason.isEmpty || reason.unicodeScalars.count > 2000 {
                problems.append(
                    FieldProblem(
                        field: "justification", message: "say why the computed score does not fit (1 to 2000 characters)",
                        dutch: "Schrijf waarom de berekende score niet past (1 tot 2000 tekens)."
                    )
                )
            }
            guard problems.isEmpty, let number else { throw .invalid("the override is not accepted", problems) }
            document.setOverride(
                ScoreOverride(value: number, justification: reason),
                for: score.id,
                by: coach.displayName,
                at: settings.now()
            )
        }
    }

    /// Confirms another coach's override of a score, as a second person.
    ///
    /// - Parameters:
    ///   - scoreID: The score.
    ///   - sessionID: The session.
    ///   - access: A coach of the organisation other than the one who set the override.
    /// - Returns: The new state.
    public func confirmOverride(_ scoreID: String, in sessionID: String, access: Access) async throws(ServiceError)
        -> SessionState
    {
        let coach = try OrganisationService.requireCoach(access)
        return try await change(sessionID, access: access) { (document: inout SessionFile, pack: LoadedPack) throws(ServiceError) in
            let score = try Self.score(scoreID, in: pack)
            do throws(ScoreOverrideError) {
                try document.confirmOverride(for: score.id, by: coach.displayName, at: settings.now())
            } catch {
                if case .noOverride = error { throw .notFound("score '\(score.id)' has no override to confirm") }
                throw .conflict(error.description)
            }
        }
    }

    /// Removes the override of a score; the computed value counts again.
    ///
    /// - Parameters:
    ///   - scoreID: The score.
    ///   - sessionID: The session.
    ///   - access: A coach of the organisation.
    /// - Returns: The new state.
    public func removeOverride(_ scoreID: String, in sessionID: String, access: Access) async throws(ServiceError)
        -> SessionState
    {
        _ = try OrganisationService.requireCoach(access)
        return try await change(sessionID, access: access) { (document: inout SessionFile, pack: LoadedPack) throws(ServiceError) in
            let score = try Self.score(scoreID, in: pack)
            do {
                try document.removeOverride(for: score.id, by: Self.person(access), at: settings.now())
            } catch {
                throw .notFound("score '\(score.id)' has no override")
            }
        }
    }

    // MARK: Records

    /// The session record, when the caller may see it.
    ///
    /// - Throws: ``ServiceError/notFound(_:)`` otherwise, the same for a session that does not
    ///   exist, another organisation's session, another session's resume token and a share token.
    func authorizedRecord(id: String, access: Access) async throws(ServiceError) -> InterviewRecord {
        let notFound = ServiceError.notFound("there is no session '\(Self.shown(id))' that you may see")
        let record: InterviewRecord?
        do {
            record = try await store.session(id: id)
        } catch {
            throw ServiceError(error)
        }
        guard let record else { throw notFound }
        try await authorize(record, access: access, notFound: notFound)
        return record
    }

    /// Checks that the caller may see a session record.
    ///
    /// - Throws: `notFound` when not (see ``authorizedRecord(id:access:)``).
    private func authorize(_ record: InterviewRecord, access: Access, notFound: ServiceError)
        async throws(ServiceError)
    {
        switch access {
        case .coach(let coach):
            guard let organisationID = record.organisationID else { throw notFound }
            let coaches: Bool
            do {
                coaches = try await store.isCoach(coach.id, ofOrganisation: organisationID)
            } catch {
                throw ServiceError(error)
            }
            guard coaches else { throw notFound }
        case .resumeToken(let token):
            guard let hash = record.resumeTokenHash, hash == Tokens.hash(token) else { throw notFound }
            guard !isExpired(record) else { throw notFound }
        case .shareToken:
            throw notFound
        }
    }

    /// The session as the store holds it from this process's last read or save, if the caller
    /// may change it.
    ///
    /// Only when it is at one of `revisions`; a change of it is saved only if the row is still
    /// at that version (`KoersStore.updateHeldSession(_:document:changes:)`). `nil` when the
    /// store holds none or anything is amiss, and the session is read instead.
    private func heldRecord(id: String, access: Access, ifRevision revisions: Set<Int>?) async -> HeldSession? {
        guard let held = store.heldSession(id: id) else { return nil }
        if let revisions, !revisions.contains(held.record.revision) { return nil }
        // A session whose record expired here may have been changed by another process since.
        guard !isExpired(held.record) else { return nil }
        do {
            try await authorize(held.record, access: access, notFound: .notFound("no such session"))
            try access.requireWriter()
        } catch {
            return nil
        }
        return held
    }

    /// The error for an `If-Match` that names another revision than the stored one.
    static func changedInTheMeantime(_ revision: Int) -> ServiceError {
        .preconditionFailed(
            "the session is at revision \(revision) (ETag \"\(revision)\"), not the one given in If-Match: "
                + "someone else changed it; read it again, then send the answer with If-Match: \"\(revision)\""
        )
    }

    /// A number as Dutch text shows it: a decimal comma.
    static func dutchNumber(_ number: Decimal) -> String {
        number.description.replacingOccurrences(of: ".", with: ",")
    }

    /// Whether an anonymous session was left untouched longer than its lifetime.
    func isExpired(_ record: InterviewRecord) -> Bool {
        record.organisationID == nil
            && settings.now().timeIntervalSince(record.updatedAt) > settings.anonymousSessions.lifetime
    }

    /// Removes the anonymous sessions left untouched longer than
    /// ``AnonymousSessionPolicy/lifetime``.
    ///
    /// - Returns: How many were removed.
    public func removeExpiredAnonymousSessions() async throws(ServiceError) -> Int {
        do {
            return try await store.deleteAnonymousSessions(
                untouchedSince: settings.now().addingTimeInterval(-settings.anonymousSessions.lifetime)
            )
        } catch {
            throw ServiceError(error)
        }
    }

    /// Loads, changes and saves a session, retrying once when someone else saved in between;
    /// with `revisions` (the caller's `If-Match`), only when the session is at one of them, and
    /// never retried: a save in between is the caller's to see first. Changes of one session
    /// in this process wait for each other (``SessionChangeQueue``), so that only another
    /// process's save can come in between.
    func change(
        _ id: String,
        access: Access,
        ifRevision revisions: Set<Int>? = nil,
        _ body: (inout SessionFile, LoadedPack) throws(ServiceError) -> Void
    ) async throws(ServiceError) -> SessionState {
        try await changeQueue.serialized(id) { () async throws(ServiceError) -> SessionState in
            try await changeNow(id, access: access, ifRevision: revisions, body)
        }
    }

    private func changeNow(
        _ id: String,
        access: Access,
        ifRevision revisions: Set<Int>?,
        _ body: (inout SessionFile, LoadedPack) throws(ServiceError) -> Void
    ) async throws(ServiceError) -> SessionState {
        var attempt = 0
        // First the session as the store holds it, which spares a read of the database on every
        // answer; the save checks that the row is still that version, and else the session is
        // read and changed as usual.
        var held = await heldRecord(id: id, access: access, ifRevision: revisions)
        while true {
            attempt += 1
            let record: InterviewRecord
            if let held {
                record = held.record
            } else {
                record = try await authorizedRecord(id: id, access: access)
                try access.requireWriter()
                if let revisions, !revisions.contains(record.revision) {
                    throw Self.changedInTheMeantime(record.revision)
                }
            }
            let pack = try packs.pack(id: record.packID)
            var document =
                adaptedDocuments.contains(id, revision: record.revision, updatedAt: record.updatedAt)
                ? record.document : adapted(record.document, to: pack)
            // The web app keeps no change history inside the document: it rewrites the whole
            // document on every answer, so a history that grows with each change would make
            // every answer slower (bench-web: about half the answers per second after 70 changes
            // a session). The changes go to the history table instead, in the same transaction;
            // a history that came with the document (an imported session file) moves there
            // with the first change, without an account.
            let loaded = document.history.count
            do {
                try body(&document, pack)
            } catch {
                // Refused against the session as held: the answer is the one for the session as
                // the database holds it, which another process may have changed.
                guard held == nil else {
                    held = nil
                    attempt -= 1
                    continue
                }
                throw error
            }
            let changes = document.history.enumerated().map { offset, change in
                SessionHistoryEntry(change, accountID: offset < loaded ? nil : access.coach?.id)
            }
            document.history = []
            do {
                let saved: InterviewRecord
                if let current = held {
                    held = nil
                    guard
                        let stored = try await store.updateHeldSession(current, document: document, changes: changes)
                    else {
                        // Changed or removed by another process since: read it, as if this was not tried.
                        attempt -= 1
                        continue
                    }
                    saved = stored
                } else {
                    saved = try await store.updateSession(
                        id: id, expectedRevision: record.revision, document: document, changes: changes
                    )
                }
                // The document was adapted to the pack before the change: evaluate it once, as saved.
                adaptedDocuments.insert(id, revision: saved.revision, updatedAt: saved.updatedAt)
                return state(of: saved, pack: pack, language: nil, adapting: false)
            } catch .conflict(expected: _, actual: let actual) where revisions != nil {
                throw Self.changedInTheMeantime(actual)
            } catch .conflict where attempt < 2 {
                continue
            } catch {
                throw ServiceError(error)
            }
        }
    }

    private func insert(_ record: InterviewRecord, changes: [SessionHistoryEntry] = []) async throws(ServiceError) {
        do {
            try await store.createSession(record, changes: changes)
        } catch {
            throw ServiceError(error)
        }
    }

    private func makeRecord(_ new: NewSession, organisationID: String?, resumeTokenHash: String?) throws(ServiceError)
        -> (InterviewRecord, LoadedPack)
    {
        let pack = try packs.pack(id: new.packID)
        var problems: [FieldProblem] = []
        var date = CalendarDate.today()
        if let text = new.evaluationDate {
            if let parsed = CalendarDate(iso: text) {
                date = parsed
            } else {
                problems.append(
                    FieldProblem(
                        field: "date", message: "write the date as YYYY-MM-DD, such as 2021-10-01",
                        dutch: "Schrijf de datum als JJJJ-MM-DD, zoals 2021-10-01."
                    )
                )
            }
        }
        let language = new.language ?? "nl"
        if !["nl", "en"].contains(language) {
            problems.append(FieldProblem(field: "language", message: "the language is nl or en", dutch: "De taal is nl of en."))
        }
        let label = new.label.trimmingCharacters(in: .whitespacesAndNewlines)
        // Counted in Unicode scalars, as JSON Schema's maxLength in the OpenAPI document counts.
        if label.unicodeScalars.count > 100 {
            problems.append(
                FieldProblem(
                    field: "label", message: "a label has at most 100 characters",
                    dutch: "Een naam voor de sessie heeft hoogstens 100 tekens."
                )
            )
        }
        guard problems.isEmpty else { throw .invalid("the session cannot be made as given", problems) }
        let now = settings.now()
        let document = SessionFile(pack: pack.pack, evaluationDate: date, language: language, now: now)
        let record = InterviewRecord(
            id: Tokens.newID(),
            organisationID: organisationID,
            label: label.isEmpty ? date.description : label,
            packID: pack.id,
            resumeTokenHash: resumeTokenHash,
            revision: 1,
            document: document,
            createdAt: now,
            updatedAt: now
        )
        return (record, pack)
    }

    // MARK: State

    func adapted(_ document: SessionFile, to pack: LoadedPack) -> SessionFile {
        var copy = document
        _ = copy.adapt(to: pack.interview, at: settings.now())
        return copy
    }

    func interviewState(_ document: SessionFile, pack: LoadedPack) -> InterviewState {
        pack.interview.state(of: document.answerSet, on: document.evaluationDate, overrides: document.engineOverrides)
    }

    func state(
        of record: InterviewRecord,
        pack: LoadedPack,
        language requested: String?,
        adapting: Bool = true
    ) -> SessionState {
        let document = adapting ? adapted(record.document, to: pack) : record.document
        let language = requested.flatMap { ["nl", "en"].contains($0) ? $0 : nil } ?? document.language
        let state = interviewRuns.state(of: record.id, document: document, pack: pack)
        let formatter = ValueFormatter(language: language)
        var answers: [AnswerView] = []
        for question in pack.pack.questions {
            guard let saved = document.answers[question.id] else { continue }
            let word: String
            var value: EvaluationDocument.ExactValue?
            switch saved.state {
            case .given(let given):
                word = "answered"
                value = EvaluationDocument.ExactValue(given)
            case .unknown: word = "dontKnow"
            case .skipped: word = "skipped"
            }
            answers.append(
                AnswerView(
                    questionId: question.id,
                    question: question.text.text(in: language),
                    state: word,
                    value: value,
                    display: formatter.format(saved.state, for: question),
                    answeredBy: saved.answeredBy,
                    answeredAt: saved.answeredAt,
                    note: saved.note,
                    ignored: state.ignoredQuestionIDs.contains(question.id),
                    noteBy: saved.noteAuthor,
                    takenOver: saved.origin.map { Self.originText($0, language: language) },
                    awaitingConfirmation: saved.origin == nil ? nil : saved.awaitsConfirmation
                )
            )
        }
        let overrides = document.scoreOverrides.sorted { $0.key < $1.key }.map { id, entry in
            OverrideView(
                scoreId: id,
                value: "\(entry.value)",
                justification: entry.justification,
                by: entry.by,
                at: entry.at,
                confirmedBy: entry.confirmedBy,
                confirmedAt: entry.confirmedAt
            )
        }
        var summary = SessionSummary(record)
        summary.answerCount = document.answers.count
        let verifications = document.scoreVerifications.isEmpty ? nil : self.verifications(of: document, pack: pack)
        var result = SessionState(
            session: summary,
            pack: PackSummary(pack.pack, language: language),
            complete: state.isComplete,
            progress: ProgressView(state.progress),
            nextQuestion: state.nextQuestion.map { QuestionView($0, language: language) },
            openQuestionIds: state.openQuestionIDs,
            answers: answers,
            overrides: overrides,
            setAsideCount: document.setAside.count,
            overallVerdict: EvaluationDocument.OverallVerdict(state.verdicts).rawValue
        )
        result.verifications = verifications
        return result
    }

    // MARK: Helpers

    static func question(_ id: String, in pack: LoadedPack) throws(ServiceError) -> Question {
        if let question = pack.pack.question(id) { return question }
        var message = "there is no question '\(shown(id))' in pack '\(pack.id)'"
        if let suggestion = closestMatch(to: id, among: pack.pack.questions.map(\.id)) {
            message += "; did you mean '\(suggestion)'?"
        }
        throw .notFound(message)
    }

    static func score(_ id: String, in pack: LoadedPack) throws(ServiceError) -> Score {
        if let score = pack.pack.scores.first(where: { $0.id == id }) { return score }
        var message = "there is no score '\(shown(id))' in pack '\(pack.id)'"
        if let suggestion = closestMatch(to: id, among: pack.pack.scores.map(\.id)) {
            message += "; did you mean '\(suggestion)'?"
        }
        throw .notFound(message)
    }

    /// A plain decimal such as `4`, `-1` or `3.5`; `nil` for anything else.
    static func decimal(_ text: String) -> Decimal? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var body = Substring(trimmed)
        if body.hasPrefix("-") { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        return Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX"))
    }

    static func rejected(_ problem: AnswerProblem, field: String, language: String) -> ServiceError {
        let message = problem.message.text(in: language)
        return .invalid("the answer is not accepted: \(message)", [FieldProblem(field: field, message: message)])
    }

    static func language(_ language: String) throws(ServiceError) -> String {
        guard ["nl", "en"].contains(language) else {
            throw .badRequest(
                "unknown language '\(shown(language))'",
                [FieldProblem(field: "lang", message: "the language is nl or en")]
            )
        }
        return language
    }

    static func person(_ access: Access) -> String {
        switch access {
        case .coach(let coach): coach.displayName
        case .resumeToken, .shareToken: "anonymous"
        }
    }

    /// An id from a request as it can be shown in a message: at most 80 characters.
    static func shown(_ id: String) -> String {
        id.count > 80 ? String(id.prefix(80)) + "…" : id
    }
}
