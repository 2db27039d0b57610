public import Foundation
import KoersCore
import KoersExpression
import KoersInterview
public import KoersSession
import KoersSource
public import KoersStorage

/// An organisation's data as one JSON document (`GET /api/v1/organisations/{id}/export`): what
/// a coach hands over when a client asks for its data, or keeps before deleting it.
///
/// Each session's `document` is its `koers-session/1` document as `koers check --answers` and
/// `koers interview --from` read it (with its answers, notes, overrides and change history);
/// share links are described without their tokens, which are never stored.
public struct OrganisationExport: Sendable, Encodable {
    /// `koers-organisation-export/1`.
    public var format = OrganisationDataService.exportFormat
    /// When the export was made.
    public var exportedAt: Date
    /// Who made it.
    public var exportedBy: Member
    /// The organisation.
    public var organisation: OrganisationView
    /// The accounts that are its members.
    public var members: [Member]
    /// Its sessions, oldest first.
    public var sessions: [Session]
    /// Its share links, oldest first, without tokens.
    public var shareLinks: [ShareLinkView]

    /// An account in the export.
    public struct Member: Sendable, Encodable {
        /// The id.
        public var id: String
        /// The e-mail address.
        public var email: String
        /// The name shown.
        public var name: String
        /// The role.
        public var role: AccountRole
        /// Whether it may log in.
        public var active: Bool

        init(_ account: CoachAccount) {
            id = account.id
            email = account.email
            name = account.displayName
            role = account.role
            active = account.isActive
        }
    }

    /// A session in the export.
    public struct Session: Sendable, Encodable {
        /// The id.
        public var id: String
        /// The label.
        public var label: String
        /// The pack.
        public var packId: String
        /// The revision.
        public var revision: Int
        /// When it was made.
        public var createdAt: Date
        /// When it last changed.
        public var updatedAt: Date
        /// The `koers-session/1` document.
        public var document: SessionFile
    }
}

/// A session file to download: its name and its `koers-session/1` bytes.
public struct SessionDownload: Sendable {
    /// A file name such as `0-meting-maturity-scan.json`, safe in a `Content-Disposition`.
    public var fileName: String
    /// The bytes, as `koers interview --save` writes them.
    public var data: Data
}

/// An organisation's data: export, a session's file, import of a session or answers file,
/// and deletion (a session, or the organisation with everything of it).
///
/// Members of the organisation read (export, download), a reviewer too; only its coaches and
/// administrators import and delete.
public struct OrganisationDataService: Sendable {
    let store: any KoersStore
    let packs: PackLibrary
    let sessions: SessionService
    let organisations: OrganisationService
    let settings: ServiceSettings

    /// The `format` of an organisation export.
    public static let exportFormat = "koers-organisation-export/1"

    /// The largest file an import reads, in bytes.
    public static let importLimit = 2 * 1024 * 1024

    /// The organisation with its members, sessions and share links.
    ///
    /// - Parameters:
    ///   - organisationID: The organisation.
    ///   - access: A member (a reviewer too).
    /// - Returns: The export.
    public func export(organisationID: String, access: Access) async throws(ServiceError) -> OrganisationExport {
        let organisation = try await organisations.authorized(id: organisationID, access: access)
        let asker = try OrganisationService.requireCoach(access)
        do {
            let members = try await store.coaches(ofOrganisation: organisation.id)
            let records = try await store.sessions(ofOrganisation: organisation.id)
            let links = try await store.shareLinks(ofOrganisation: organisation.id)
            let now = settings.now()
            return OrganisationExport(
                exportedAt: now,
                exportedBy: OrganisationExport.Member(asker),
                organisation: OrganisationView(organisation),
                members: members.map(OrganisationExport.Member.init),
                sessions: records.map { record in
                    OrganisationExport.Session(
                        id: record.id, label: record.label, packId: record.packID, revision: record.revision,
                        createdAt: record.createdAt, updatedAt: record.updatedAt, document: record.document
                    )
                },
                shareLinks: links.map { ShareLinkView($0, now: now) }
            )
        } catch {
            throw ServiceError(error)
        }
    }

    /// A session as a `koers-session/1` file, for the CLI.
    ///
    /// - Parameters:
    ///   - sessionID: The session.
    ///   - access: A member of its organisation (a reviewer too), or its resume token.
    /// - Returns: The file.
    public func download(sessionID: String, access: Access) async throws(ServiceError) -> SessionDownload {
        let record = try await sessions.authorizedRecord(id: sessionID, access: access)
        var document = record.document
        if document.label == nil { document.label = record.label }
        do {
            let data = try SessionStore.encode(document, path: "session \(record.id)")
            return SessionDownload(fileName: Self.fileName(label: record.label, packID: record.packID), data: data)
        } catch {
            throw .failed("the session cannot be written as a file: \(error.description)")
        }
    }

    /// Adds a session to an organisation from a `koers-session/1` file or an answers file
    /// (YAML or JSON, as `koers check --answers` reads it). Nothing is stored when the file
    /// cannot be used: every problem is named, with its line and column.
    ///
    /// - Parameters:
    ///   - text: The file's text.
    ///   - fileName: The file's name, for messages.
    ///   - organisationID: The organisation.
    ///   - label: The label; empty for the file's own (a session's) or its date.
    ///   - packID: The pack, for an answers file that does not name one.
    ///   - access: A coach or administrator of the organisation.
    /// - Returns: The new session's state.
    /// - Throws: ``ServiceError/invalid(_:_:)`` saying what is wrong with the file,
    ///   ``ServiceError/forbidden(_:)`` for a reviewer.
    public func importSession(
        text: String,
        fileName: String,
        organisationID: String,
        label: String = "",
        packID: String? = nil,
        access: Access
    ) async throws(ServiceError) -> SessionState {
        let organisation = try await organisations.authorized(id: organisationID, access: access)
        try access.requireWriter()
        let person = SessionService.person(access)
        let now = settings.now()
        let shownName = fileName.isEmpty ? "upload" : String(fileName.suffix(100))
        guard text.utf8.count <= Self.importLimit else {
            throw Self.badFile("the file is larger than \(Self.importLimit / 1024 / 1024) MB", dutch: "Het bestand is groter dan 2 MB.")
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw Self.badFile("the file is empty", dutch: "Het bestand is leeg.")
        }
        let read = AnswerSource.parse(text, path: shownName)
        let errors = read.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw Self.badFile(errors) }
        let document: SessionFile
        let pack: LoadedPack
        if let session = read.session {
            pack = try Self.offered(session.packID, packs: packs)
            document = sessions.adapted(session, to: pack)
        } else if let file = read.file {
            (document, pack) = try answersDocument(file, packID: packID, person: person, now: now)
        } else {
            throw Self.badFile("the file holds no answers", dutch: "Het bestand bevat geen antwoorden.")
        }
        let trimmed = label.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.unicodeScalars.count <= 100 else {
            throw .invalid(
                "the session cannot be made as given",
                [
                    FieldProblem(
                        field: "label", message: "a label has at most 100 characters",
                        dutch: "Een naam voor de sessie heeft hoogstens 100 tekens."
                    )
                ]
            )
        }
        let chosen = trimmed.isEmpty ? (document.label ?? document.evaluationDate.description) : trimmed
        let record = InterviewRecord(
            id: Tokens.newID(), organisationID: organisation.id, label: String(chosen.prefix(100)), packID: pack.id,
            resumeTokenHash: nil, revision: 1, document: document, createdAt: now, updatedAt: now
        )
        do {
            try await store.createSession(record)
        } catch {
            throw ServiceError(error)
        }
        return sessions.state(of: record, pack: pack, language: nil)
    }

    /// Deletes a session and every share link that shows it.
    ///
    /// - Parameters:
    ///   - sessionID: The session.
    ///   - access: A coach or administrator of its organisation, or an anonymous session's
    ///     resume token.
    public func deleteSession(_ sessionID: String, access: Access) async throws(ServiceError) {
        let record = try await sessions.authorizedRecord(id: sessionID, access: access)
        try access.requireWriter()
        do {
            try await store.deleteSession(id: record.id)
        } catch .notFound {
            throw .notFound("there is no session '\(SessionService.shown(sessionID))' that you may see")
        } catch {
            throw ServiceError(error)
        }
    }

    /// Deletes an organisation with all its sessions, share links and memberships; the
    /// accounts stay.
    ///
    /// - Parameters:
    ///   - organisationID: The organisation.
    ///   - access: A coach or administrator of it.
    public func deleteOrganisation(_ organisationID: String, access: Access) async throws(ServiceError) {
        let organisation = try await organisations.authorized(id: organisationID, access: access)
        try access.requireWriter()
        do {
            try await store.deleteOrganisation(id: organisation.id)
        } catch .notFound {
            throw .notFound("there is no organisation '\(SessionService.shown(organisationID))' that you coach")
        } catch {
            throw ServiceError(error)
        }
    }

    // MARK: Answers files

    private func answersDocument(_ file: AnswersFile, packID given: String?, person: String, now: Date)
        throws(ServiceError) -> (SessionFile, LoadedPack)
    {
        let chosen = file.packID ?? given.flatMap { $0.isEmpty ? nil : $0 }
        guard let chosen else {
            throw .invalid(
                "the answers file does not name its pack",
                [
                    FieldProblem(
                        field: "pack", message: "the file has no 'pack:'; choose the pack its answers are for",
                        dutch: "Het bestand noemt geen toets ('pack:'); kies de toets waar de antwoorden bij horen."
                    )
                ]
            )
        }
        let pack = try Self.offered(chosen, packs: packs)
        let date = file.date ?? CalendarDate.today()
        let (answers, issues) = pack.interview.answers(from: file.inputs, on: date)
        guard issues.isEmpty else {
            throw .invalid(
                "the answers file cannot be used: nothing is stored",
                issues.map { issue in
                    FieldProblem(
                        field: "answers.\(issue.questionID)", message: issue.message.text(in: "en"),
                        dutch: issue.message.text(in: "nl")
                    )
                }
            )
        }
        var document = SessionFile(pack: pack.pack, evaluationDate: date, language: "nl", now: now)
        document.record(answers, by: person, at: now)
        for (scoreID, override) in file.overrides.sorted(by: { $0.key < $1.key }) {
            let score: Score
            do {
                score = try SessionService.score(scoreID, in: pack)
            } catch {
                throw .invalid(
                    "the answers file cannot be used: nothing is stored",
                    [FieldProblem(field: "overrides.\(scoreID)", message: error.description)]
                )
            }
            guard override.value >= score.minimum, override.value <= score.maximum else {
                throw .invalid(
                    "the answers file cannot be used: nothing is stored",
                    [
                        FieldProblem(
                            field: "overrides.\(scoreID)",
                            message: "the override is outside the score's range \(score.minimum) to \(score.maximum)"
                        )
                    ]
                )
            }
            document.setOverride(override, for: score.id, by: person, at: now)
        }
        return (document, pack)
    }

    // MARK: Helpers

    private static func offered(_ packID: String, packs: PackLibrary) throws(ServiceError) -> LoadedPack {
        do {
            return try packs.pack(id: packID)
        } catch {
            throw .invalid(
                "the file is for a pack this server does not offer",
                [
                    FieldProblem(
                        field: "pack", message: error.description,
                        dutch: "Deze server biedt de toets '\(SessionService.shown(packID))' niet aan."
                    )
                ]
            )
        }
    }

    private static func badFile(_ message: String, dutch: String) -> ServiceError {
        .invalid("the file cannot be used: \(message)", [FieldProblem(field: "file", message: message, dutch: dutch)])
    }

    private static func badFile(_ diagnostics: [Diagnostic]) -> ServiceError {
        let problems = diagnostics.prefix(20).map { diagnostic -> FieldProblem in
            let place = diagnostic.location.map { "line \($0.line), column \($0.column): " } ?? ""
            let plaats = diagnostic.location.map { "regel \($0.line), kolom \($0.column): " } ?? ""
            return FieldProblem(field: "file", message: place + diagnostic.message, dutch: plaats + diagnostic.message)
        }
        return .invalid("the file cannot be used: nothing is stored", Array(problems))
    }

    /// A download's file name: the label and the pack, letters, digits, `-`, `_` and `.` only.
    static func fileName(label: String, packID: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        let cleaned = "\(label)-\(packID)".map { allowed.contains($0) ? $0 : "-" }
        let name = String(String(cleaned).prefix(100)).trimmingCharacters(in: CharacterSet(charactersIn: "-."))
        return (name.isEmpty ? "session" : name) + ".json"
    }
}

extension KoersServices {
    /// An organisation's data: export, download, import, deletion.
    public var organisationData: OrganisationDataService {
        OrganisationDataService(
            store: store, packs: packs, sessions: sessions, organisations: organisations, settings: settings
        )
    }
}
